import type { LoanView } from '#api/snapshot';
import { formatCoin, formatDateTime, formatPct, formatUsd } from '#shared/format';
import { type AlertLevel, levelSpec, levelWithHysteresis } from './alert-levels';
import { dec, decStr } from '#shared/decimal';
import type { AlertCondition, RuleInputs, RuleOutcome } from './alert-rules';
import { manualPriceNote } from './alert-price-note';

// The loan rules: LTV bands, the cure deadline of a margin call, and payments due. An
// unsecured loan has no LTV alert but still raises payment alerts; a loan on a stale or
// disputed price holds its LTV alerts as they are.

const HOUR_MS = 3_600_000;

function key(rule: string, subjectId: string): string {
  return `${rule}|${subjectId}`;
}

function collateralText(loan: LoanView): string {
  if (loan.collateral.length === 0) return 'no collateral';
  return loan.collateral.map((c) => formatCoin(c.amount, c.asset)).join(' + ');
}

/** When the cure window of the current margin call ends; null without a window. */
function cureDeadline(loan: LoanView, inputs: RuleInputs, asOf: Date): Date | null {
  if (loan.cureWindowHours === undefined) return null;
  const since = inputs.activeRaisedAt?.get(key('loan.cure-deadline', loan.id));
  const start = since === undefined ? asOf.getTime() : Date.parse(since);
  return new Date(start + loan.cureWindowHours * HOUR_MS);
}

function ltvRule(loan: LoanView, inputs: RuleInputs, out: RuleOutcome, asOf: Date): void {
  if (loan.health === 'unsecured') return;
  const t = inputs.settings.thresholds;
  const ltvKey = key('loan.ltv', loan.id);
  const deadlineKey = key('loan.cure-deadline', loan.id);
  if (loan.priceStale || loan.ltvPct === null) {
    out.held.add(ltvKey);
    out.held.add(deadlineKey);
    return;
  }
  const mc = dec(loan.marginCallLtvPct);
  const levels: AlertLevel[] = [
    { level: 1, severity: 'warning', threshold: mc.minus(dec(t.loanWatchPoints)) },
    { level: 2, severity: 'critical', threshold: mc },
    { level: 3, severity: 'critical', threshold: dec(loan.liquidationLtvPct) },
  ];
  const ltv = dec(loan.ltvPct);
  const level = levelWithHysteresis(
    ltv,
    levels,
    'higher',
    inputs.activeLevels.get(ltvKey) ?? 0,
    dec(t.hysteresisPoints),
  );
  const spec = levelSpec(levels, level);
  if (!spec) return;
  const state = ['', 'is near its margin call', 'is in margin call', 'is at its liquidation LTV'][
    level
  ];
  const on = loan.triggerAsset ? ` ${loan.triggerAsset}` : '';
  const cure = loan.cure
    ? ` To return to ${formatPct(decStr(dec(loan.cureTargetLtvPct ?? '0'), 2))} LTV add ${formatCoin(loan.cure.addCollateral, loan.cure.asset)} or repay ${formatUsd(loan.cure.repay)}.`
    : '';
  const deadline = level >= 2 ? cureDeadline(loan, inputs, asOf) : null;
  const by = deadline ? ` Cure by ${formatDateTime(deadline.toISOString())}.` : '';
  out.conditions.push({
    rule: 'loan.ltv',
    subjectKind: 'loan',
    subjectId: loan.id,
    level,
    severity: spec.severity,
    value: decStr(ltv, 4),
    threshold: decStr(spec.threshold),
    message: `Loan from ${loan.lender} (${collateralText(loan)}) ${state}: LTV ${formatPct(decStr(ltv, 2))} (margin call at ${formatPct(loan.marginCallLtvPct)},${on} price ${formatUsd(loan.marginCallPrice)}; liquidation at ${formatPct(loan.liquidationLtvPct)},${on} price ${formatUsd(loan.liquidationPrice)}).${cure}${by}${manualPriceNote(
      loan.collateral.map((c) => c.asset),
      inputs.snapshot.prices,
    )}`,
  });
  if (deadline) out.conditions.push(deadlineCondition(loan, deadline, asOf));
}

/**
 * A margin call with a cure window: critical from the start, escalated when a quarter of
 * the window is left, and again once it has passed (the lender may sell collateral).
 */
function deadlineCondition(loan: LoanView, deadline: Date, asOf: Date): AlertCondition {
  const windowMs = (loan.cureWindowHours ?? 0) * HOUR_MS;
  const leftMs = deadline.getTime() - asOf.getTime();
  const level = leftMs <= 0 ? 3 : leftMs <= windowMs / 4 ? 2 : 1;
  const when = formatDateTime(deadline.toISOString());
  const message = [
    '',
    `Margin call on the loan from ${loan.lender}: cure it by ${when} (${loan.cureWindowHours} h window).`,
    `Margin call on the loan from ${loan.lender}: less than a quarter of the ${loan.cureWindowHours} h cure window is left; cure it by ${when}.`,
    `The cure window of the margin call on the loan from ${loan.lender} ended at ${when}: the lender may sell collateral now.`,
  ][level]!;
  return {
    rule: 'loan.cure-deadline',
    subjectKind: 'loan',
    subjectId: loan.id,
    level,
    severity: 'critical',
    value: String(Math.floor(leftMs / HOUR_MS)),
    threshold: String(loan.cureWindowHours ?? 0),
    message,
  };
}

function paymentRule(loan: LoanView, inputs: RuleInputs, out: RuleOutcome, asOf: Date): void {
  if (!loan.nextPayment) return;
  const t = inputs.settings.thresholds;
  const today = asOf.toISOString().slice(0, 10);
  const due = Date.parse(`${loan.nextPayment.date}T00:00:00Z`);
  const days = Math.round((due - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const matured = today >= loan.maturityDate;
  if (days > t.paymentDueDays && !matured) return;
  const amount = formatUsd(loan.nextPayment.amount);
  // After maturity the whole balance is due: the alert goes critical.
  const level = matured ? 3 : days < 0 ? 2 : 1;
  const message = [
    '',
    `A payment of ${amount} to ${loan.lender} is due on ${loan.nextPayment.date} (in ${days} days).`,
    `A payment of ${amount} to ${loan.lender} was due on ${loan.nextPayment.date} (${-days} days ago).`,
    `The loan from ${loan.lender} matured on ${loan.maturityDate}: all of it, ${amount}, is due now${days < 0 ? ` (unpaid since ${loan.nextPayment.date})` : ''}.`,
  ][level]!;
  out.conditions.push({
    rule: 'loan.payment-due',
    subjectKind: 'loan',
    subjectId: loan.id,
    level,
    severity: level === 3 ? 'critical' : level === 2 ? 'warning' : 'info',
    value: String(days),
    threshold: String(t.paymentDueDays),
    message,
  });
}

export function loanRules(loan: LoanView, inputs: RuleInputs, out: RuleOutcome, asOf: Date): void {
  ltvRule(loan, inputs, out, asOf);
  paymentRule(loan, inputs, out, asOf);
}
