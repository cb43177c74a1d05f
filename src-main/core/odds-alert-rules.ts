import type { LoanView, PositionView } from '#api/snapshot';
import { type Dec, dec, decStr } from '#shared/decimal';
import { formatPct, formatUsd } from '#shared/format';
import { type AlertLevel, levelSpec, levelWithHysteresis } from './alert-levels';
import type { AlertCondition, RuleInputs, RuleOutcome } from './alert-rules';
import { positionLabel } from './alert-degraded';

// `risk.odds` (docs/formulas-risk.md "Odds alert"): off unless the operator turns it on; a
// warning when the 7-day odds of a loan's margin call or liquidation, or of a position's
// liquidation, pass `risk.oddsAlertPct`. Like every liquidation alert it is never raised
// from a stale, disputed or single-source price.

const key = (subjectId: string) => `risk.odds|${subjectId}`;

function oddsLevel(value: Dec, inputs: RuleInputs, subjectId: string) {
  const levels: AlertLevel[] = [
    { level: 1, severity: 'warning', threshold: dec(inputs.settings.risk.oddsAlertPct) },
  ];
  const level = levelWithHysteresis({
    value,
    levels,
    worse: 'higher',
    current: inputs.activeLevels.get(key(subjectId)) ?? 0,
    margin: dec(inputs.settings.thresholds.hysteresisPoints),
  });
  return levelSpec(levels, level);
}

function sigmaText(odds: { volatilityPct: string; volatilitySource: string }): string {
  const from = odds.volatilitySource === 'history' ? 'measured from price history' : 'your default';
  return `volatility ${formatPct(odds.volatilityPct)} a year, ${from}`;
}

export function loanOddsRule(loan: LoanView, inputs: RuleInputs, out: RuleOutcome): void {
  if (!inputs.settings.risk.oddsAlert || loan.odds === null) return;
  if (loan.priceStale) {
    out.held.add(key(loan.id));
    return;
  }
  const { marginCallPct, liquidationPct } = loan.odds.days7;
  const worst = [marginCallPct, liquidationPct].filter((v): v is string => v !== null);
  if (worst.length === 0) return;
  const value = worst.map(dec).reduce((a, b) => (b.gt(a) ? b : a));
  const spec = oddsLevel(value, inputs, loan.id);
  if (!spec) return;
  const parts = [
    marginCallPct === null
      ? null
      : `${formatPct(marginCallPct)} of a margin call (at ${formatUsd(loan.marginCallPrice)} today)`,
    liquidationPct === null
      ? null
      : `${formatPct(liquidationPct)} of a liquidation (at ${formatUsd(loan.liquidationPrice)} today)`,
  ].filter((p) => p !== null);
  out.conditions.push(
    condition(
      'loan',
      loan.id,
      value,
      spec.threshold,
      `Loan from ${loan.lender}: within 7 days, ${parts.join(' and ')}, with ${loan.triggerAsset ?? 'the collateral'} at ${formatUsd(loan.collateralPriceUsd)} (${sigmaText(loan.odds)}).`,
    ),
  );
}

export function positionOddsRule(p: PositionView, inputs: RuleInputs, out: RuleOutcome): void {
  if (!inputs.settings.risk.oddsAlert || p.odds === null || p.status === 'check') return;
  if (p.priceStale) {
    out.held.add(key(p.id));
    return;
  }
  const odds = p.odds.days7.liquidationPct;
  if (odds === null) return;
  const value = dec(odds);
  const spec = oddsLevel(value, inputs, p.id);
  if (!spec) return;
  out.conditions.push(
    condition(
      'position',
      p.id,
      value,
      spec.threshold,
      `${positionLabel(p)}: ${formatPct(odds)} odds of reaching its liquidation price ${formatUsd(p.liquidationPrice)} within 7 days (mark ${formatUsd(p.markPrice)}, ${sigmaText(p.odds)}).`,
    ),
  );
}

function condition(
  subjectKind: 'loan' | 'position',
  subjectId: string,
  value: Dec,
  threshold: Dec,
  message: string,
): AlertCondition {
  return {
    rule: 'risk.odds',
    subjectKind,
    subjectId,
    level: 1,
    severity: 'warning',
    value: decStr(value, 2),
    threshold: decStr(threshold),
    message,
  };
}
