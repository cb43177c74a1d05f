// Each alert rule in the operator's words, for the Alerts page and the report. Keyed by
// the rule ids of the contract (src-main/api/alert.ts); an unknown id is shown as itself.

export const ALERT_RULE_LABELS: Readonly<Record<string, string>> = {
  'position.liquidation': 'Position near liquidation',
  'position.stop-past-liquidation': 'Stop-loss beyond liquidation',
  'loan.ltv': 'Loan-to-value too high',
  'loan.payment-due': 'Loan payment due',
  'loan.cure-deadline': 'Margin call cure deadline',
  'price.stale': 'Price out of date',
  'price.disputed': 'Price sources disagree',
  'price.single-source': 'Price from one source only',
  'rig.offline': 'Rig offline',
  'rig.hashrate-drop': 'Rig hash rate dropped',
  'farm.unprofitable': 'Farm running at a loss',
  'risk.odds': 'Odds of a margin call or liquidation',
  'alerts.degraded': 'Alerts could not be checked',
};

export function alertRuleLabel(rule: string): string {
  return ALERT_RULE_LABELS[rule] ?? rule;
}
