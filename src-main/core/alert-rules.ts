import type { AlertRule, Settings, Severity } from '#api/records';
import type { LoanView, PositionView, PriceEntry, RigView, Snapshot } from '#api/snapshot';
import {
  formatAge,
  formatCoin,
  formatHashrate,
  formatPct,
  formatUsd,
  formatUsdPerDay,
} from '#shared/format';
import { levelSpec, levelWithHysteresis, type AlertLevel } from './alert-levels';
import { dec, decStr, HUNDRED, ZERO } from '#shared/decimal';
import { pricesInUse } from './prices';
import { manualPriceNote } from './alert-price-note';

// docs/formulas.md "Alerts": each rule looks at the Snapshot and says, per subject, which level of alert
// it warrants now — or that it cannot tell (a stale or disputed price, or one a single
// source moved) and the existing alert must be held as it is. No liquidation or
// margin-call alert is ever raised from a price that is stale, disputed or single-source.

export interface AlertCondition {
  rule: AlertRule;
  subjectKind: 'position' | 'loan' | 'price' | 'rig' | 'farm';
  subjectId: string;
  level: number;
  severity: Severity;
  value: string | null;
  threshold: string | null;
  message: string;
}

export interface RuleInputs {
  snapshot: Snapshot;
  settings: Settings;
  /** Current level of each active alert, keyed by alertKey(rule, subjectId). */
  activeLevels: ReadonlyMap<string, number>;
  /** When each polled rig was first seen not answering (ISO), by rig id. */
  rigOfflineSince: Readonly<Record<string, string>>;
  /** Median live hash rate over the last hour (H/s, decimal string), by rig id. */
  rigMedianHs: Readonly<Record<string, string>>;
}

export interface RuleOutcome {
  conditions: AlertCondition[];
  /** Keys whose state cannot be judged now; an active alert there is left untouched. */
  held: Set<string>;
}

export function alertKey(rule: AlertRule, subjectId: string): string {
  return `${rule}|${subjectId}`;
}

function positionLabel(p: PositionView): string {
  return `${p.symbol} ${p.side} on ${p.account} (${p.exchange})`;
}

function positionRules(p: PositionView, inputs: RuleInputs, out: RuleOutcome): void {
  // A position that cannot exist as entered (status `check`) shows its sentence on the
  // Positions page and raises nothing: its liquidation price is not the exchange's.
  if (p.status === 'check') return;
  const t = inputs.settings.thresholds;
  const key = alertKey('position.liquidation', p.id);
  if (p.priceStale || p.distanceToLiquidationPct === null || p.liquidationPrice === null) {
    out.held.add(key);
  } else {
    const levels: AlertLevel[] = [
      { level: 1, severity: 'warning', threshold: dec(t.positionWarningPct) },
      { level: 2, severity: 'critical', threshold: dec(t.positionCriticalPct) },
      { level: 3, severity: 'critical', threshold: ZERO },
    ];
    const distance = dec(p.distanceToLiquidationPct);
    const level = levelWithHysteresis(
      distance,
      levels,
      'lower',
      inputs.activeLevels.get(key) ?? 0,
      dec(t.hysteresisPoints),
    );
    const spec = levelSpec(levels, level);
    if (spec) {
      const shared = p.liquidationShared ? ', shared by its hedge-mode legs' : '';
      const where = `liquidation at ${formatUsd(p.liquidationPrice)} (mark ${formatUsd(p.markPrice)}${shared})`;
      const note = manualPriceNote([p.baseAsset], inputs.snapshot.prices);
      out.conditions.push({
        rule: 'position.liquidation',
        subjectKind: 'position',
        subjectId: p.id,
        level,
        severity: spec.severity,
        value: decStr(distance, 4),
        threshold: decStr(spec.threshold),
        message:
          level === 3
            ? `${positionLabel(p)} is past its ${where}: the exchange may be liquidating it now.${note}`
            : `${positionLabel(p)} is ${formatPct(decStr(distance, 2))} from ${where}.${note}`,
      });
    }
  }
  const stopKey = alertKey('position.stop-past-liquidation', p.id);
  if (p.marginMode === 'cross' && p.priceStale) {
    // A cross liquidation price moves with the wallet's prices; judge the stop on fresh ones.
    out.held.add(stopKey);
  } else if (p.stopPastLiquidation && p.stopLoss !== undefined && p.liquidationPrice !== null) {
    out.conditions.push({
      rule: 'position.stop-past-liquidation',
      subjectKind: 'position',
      subjectId: p.id,
      level: 1,
      severity: 'warning',
      value: p.stopLoss,
      threshold: p.liquidationPrice,
      message: `${positionLabel(p)} has its stop-loss at ${formatUsd(p.stopLoss)}, beyond its liquidation price ${formatUsd(p.liquidationPrice)}: the stop will never fire.`,
    });
  }
}

function loanRules(loan: LoanView, inputs: RuleInputs, out: RuleOutcome, asOf: Date): void {
  const t = inputs.settings.thresholds;
  const key = alertKey('loan.ltv', loan.id);
  if (loan.priceStale || loan.ltvPct === null) {
    out.held.add(key);
  } else {
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
      inputs.activeLevels.get(key) ?? 0,
      dec(t.hysteresisPoints),
    );
    const spec = levelSpec(levels, level);
    if (spec) {
      const state = [
        '',
        'is near its margin call',
        'is in margin call',
        'is at its liquidation LTV',
      ][level];
      const cure = loan.cure
        ? ` To return to the target LTV add ${formatCoin(loan.cure.addCollateral, loan.collateralAsset)} or repay ${formatUsd(loan.cure.repay)}.`
        : '';
      out.conditions.push({
        rule: 'loan.ltv',
        subjectKind: 'loan',
        subjectId: loan.id,
        level,
        severity: spec.severity,
        value: decStr(ltv, 4),
        threshold: decStr(spec.threshold),
        message: `Loan from ${loan.lender} ${state}: LTV ${formatPct(decStr(ltv, 2))} (margin call at ${formatPct(loan.marginCallLtvPct)}, price ${formatUsd(loan.marginCallPrice)}; liquidation at ${formatPct(loan.liquidationLtvPct)}, price ${formatUsd(loan.liquidationPrice)}).${cure}${manualPriceNote([loan.collateralAsset], inputs.snapshot.prices)}`,
      });
    }
  }
  if (loan.nextPayment) {
    const due = Date.parse(`${loan.nextPayment.date}T00:00:00Z`);
    const today = Date.parse(`${asOf.toISOString().slice(0, 10)}T00:00:00Z`);
    const days = Math.round((due - today) / 86_400_000);
    if (days <= t.paymentDueDays) {
      const overdue = days < 0;
      out.conditions.push({
        rule: 'loan.payment-due',
        subjectKind: 'loan',
        subjectId: loan.id,
        level: overdue ? 2 : 1,
        severity: overdue ? 'warning' : 'info',
        value: String(days),
        threshold: String(t.paymentDueDays),
        message: overdue
          ? `A payment of ${formatUsd(loan.nextPayment.amount)} to ${loan.lender} was due on ${loan.nextPayment.date} (${-days} days ago).`
          : `A payment of ${formatUsd(loan.nextPayment.amount)} to ${loan.lender} is due on ${loan.nextPayment.date} (in ${days} days).`,
      });
    }
  }
}

function rigRules(rig: RigView, inputs: RuleInputs, out: RuleOutcome, asOf: Date): void {
  if (rig.status !== 'active' || !rig.live) return;
  const t = inputs.settings.thresholds;
  const since = inputs.rigOfflineSince[rig.id];
  if (!rig.live.online && since) {
    const silentMs = asOf.getTime() - Date.parse(since);
    const minutes = Math.floor(silentMs / 60_000);
    // docs/formulas.md "Alerts": offline for more than rigOfflineMin minutes.
    if (silentMs > t.rigOfflineMin * 60_000) {
      out.conditions.push({
        rule: 'rig.offline',
        subjectKind: 'rig',
        subjectId: rig.id,
        level: 1,
        severity: 'warning',
        value: String(minutes),
        threshold: String(t.rigOfflineMin),
        message: `${rig.name} has not answered for ${minutes} min${rig.live.error ? ` (${rig.live.error})` : ''}.`,
      });
    }
    return;
  }
  const median = inputs.rigMedianHs[rig.id];
  if (!rig.live.online || median === undefined || dec(median).isZero()) return;
  const key = alertKey('rig.hashrate-drop', rig.id);
  const pctOfMedian = dec(rig.live.hashrateHs).div(dec(median)).mul(HUNDRED);
  const levels: AlertLevel[] = [
    { level: 1, severity: 'warning', threshold: HUNDRED.minus(dec(t.hashrateDropPct)) },
  ];
  const level = levelWithHysteresis(
    pctOfMedian,
    levels,
    'lower',
    inputs.activeLevels.get(key) ?? 0,
    dec(t.hysteresisPoints),
  );
  if (level > 0) {
    out.conditions.push({
      rule: 'rig.hashrate-drop',
      subjectKind: 'rig',
      subjectId: rig.id,
      level,
      severity: 'warning',
      value: decStr(pctOfMedian, 2),
      threshold: decStr(levels[0]!.threshold),
      message: `${rig.name} runs at ${formatHashrate(rig.live.hashrateHs)}, ${formatPct(decStr(pctOfMedian, 1))} of its 1-hour median ${formatHashrate(median)}.`,
    });
  }
}

function priceRules(inputs: RuleInputs, out: RuleOutcome): void {
  // Only prices something depends on: a stale quote for an unused coin wakes nobody.
  const { rigs, loans, positions } = inputs.snapshot;
  const inUse = new Set(pricesInUse(rigs, loans, positions));
  for (const [asset, price] of Object.entries(inputs.snapshot.prices)) {
    if (price.manual || !inUse.has(asset)) continue;
    if (price.stale) {
      out.conditions.push({
        rule: 'price.stale',
        subjectKind: 'price',
        subjectId: asset,
        level: 1,
        severity: 'warning',
        value: String(price.ageSec),
        threshold: String(inputs.settings.staleAfterSec),
        message: `The ${asset} price (${formatUsd(price.usd)} from ${price.source}) was last updated ${formatAge(price.ageSec)}; liquidation and margin-call alerts for ${asset} are paused until a fresh price arrives.`,
      });
    }
    if (price.disputed) {
      out.conditions.push({
        rule: 'price.disputed',
        subjectKind: 'price',
        subjectId: asset,
        level: 1,
        severity: 'warning',
        value: price.usd,
        threshold: '5',
        message: `Price sources disagree on ${asset} by more than 5 %; keeping the last agreed ${formatUsd(price.usd)} and pausing liquidation and margin-call alerts for ${asset}.`,
      });
    }
    if (price.singleSource) out.conditions.push(singleSourceCondition(asset, price));
  }
}

/** One source alone moved the price more than 30 % (feeds/aggregate.ts): say so, hold the rest. */
function singleSourceCondition(asset: string, price: PriceEntry): AlertCondition {
  const reference = price.multiSourceUsd;
  const moved =
    reference === undefined
      ? ''
      : `, ${formatPct(decStr(dec(price.usd).minus(dec(reference)).abs().div(dec(reference)).mul(HUNDRED), 1))} away from ${formatUsd(reference)}, the last price two or more sources agreed on`;
  return {
    rule: 'price.single-source',
    subjectKind: 'price',
    subjectId: asset,
    level: 1,
    severity: 'warning',
    value: price.usd,
    threshold: '30',
    message: `Only ${price.source} is quoting ${asset}: ${formatUsd(price.usd)}${moved}. Liquidation and margin-call alerts for ${asset} are held until a second source agrees or you set a manual ${asset} price.`,
  };
}

function farmRules(inputs: RuleInputs, out: RuleOutcome): void {
  const { profitUsdPerDay, revenueUsdPerDay } = inputs.snapshot.farm;
  if (profitUsdPerDay === null || revenueUsdPerDay === null) return;
  const key = alertKey('farm.unprofitable', 'farm');
  const profit = dec(profitUsdPerDay);
  // Clearing needs profit above a margin of the revenue, so a break-even farm cannot flap.
  const margin = dec(revenueUsdPerDay)
    .mul(dec(inputs.settings.thresholds.hysteresisPoints))
    .div(HUNDRED);
  const active = (inputs.activeLevels.get(key) ?? 0) > 0;
  if (profit.lt(0) || (active && profit.lt(margin))) {
    out.conditions.push({
      rule: 'farm.unprofitable',
      subjectKind: 'farm',
      subjectId: 'farm',
      level: 1,
      severity: 'warning',
      value: profitUsdPerDay,
      threshold: '0',
      message: `The farm loses ${formatUsdPerDay(decStr(profit.neg(), 2))}: power costs ${formatUsdPerDay(inputs.snapshot.farm.powerCostUsdPerDay)} against revenue of ${formatUsdPerDay(revenueUsdPerDay)}.`,
    });
  }
}

export function evaluateAlertRules(inputs: RuleInputs): RuleOutcome {
  const out: RuleOutcome = { conditions: [], held: new Set() };
  const asOf = new Date(inputs.snapshot.asOf);
  for (const p of inputs.snapshot.positions) positionRules(p, inputs, out);
  for (const loan of inputs.snapshot.loans) loanRules(loan, inputs, out, asOf);
  for (const rig of inputs.snapshot.rigs) rigRules(rig, inputs, out, asOf);
  priceRules(inputs, out);
  farmRules(inputs, out);
  return out;
}
