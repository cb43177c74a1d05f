import type { AlertRule, Settings, Severity } from '#api/records';
import type { PositionView, PriceEntry, RigView, Snapshot } from '#api/snapshot';
import { formatAge, formatHashrate, formatPct, formatUsd, formatUsdPerDay } from '#shared/format';
import { levelSpec, levelWithHysteresis, type AlertLevel } from './alert-levels';
import { dec, decStr, HUNDRED, ZERO } from '#shared/decimal';
import { loanRules } from './loan-alert-rules';
import { pricesInUse } from './prices';
import { degradedCondition, positionLabel, subjectLabel } from './alert-degraded';
import { manualPriceNote } from './alert-price-note';
import { loanOddsRule, positionOddsRule } from './odds-alert-rules';

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
  /** When each active alert was raised (ISO), keyed like activeLevels; a cure window runs from it. */
  activeRaisedAt?: ReadonlyMap<string, string>;
  /** When each polled rig was first seen not answering (ISO), by rig id. */
  rigOfflineSince: Readonly<Record<string, string>>;
  /** Median live hash rate over the last hour (H/s, decimal string), by rig id. */
  rigMedianHs: Readonly<Record<string, string>>;
}

export interface RuleOutcome {
  conditions: AlertCondition[];
  /** Keys whose state cannot be judged now; an active alert there is left untouched. */
  held: Set<string>;
  /** Subjects whose rules threw: their alerts are held and an `alerts.degraded` is raised. */
  failures: RuleFailure[];
}

export type SubjectKind = AlertCondition['subjectKind'];

/** A subject whose alerts could not be worked out or stored, and why. */
export interface RuleFailure {
  subjectKind: SubjectKind;
  subjectId: string;
  /** How the operator knows the subject: a rig's name, a position's symbol and account. */
  label: string;
  cause: unknown;
}

export function alertKey(rule: AlertRule, subjectId: string): string {
  return `${rule}|${subjectId}`;
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
    const level = levelWithHysteresis({
      value: distance,
      levels,
      worse: 'lower',
      current: inputs.activeLevels.get(key) ?? 0,
      margin: dec(t.hysteresisPoints),
    });
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

interface JudgedPosition {
  settings: Settings;
  level: number;
  note: string;
  judged: RuleOutcome;
}
/**
 * A position's rules read its row, the settings, its alert's current level and whether
 * its price is a manual one; the live Snapshot keeps the very row object while its figures
 * stay the same, so what was judged for that row is reused (on a large book, a tick that
 * moves one asset re-judges that asset's positions only).
 */
const judgedPositions = new WeakMap<PositionView, JudgedPosition>();

function rememberedPositionRules(p: PositionView, inputs: RuleInputs, out: RuleOutcome): void {
  const level = inputs.activeLevels.get(alertKey('position.liquidation', p.id)) ?? 0;
  const note = manualPriceNote([p.baseAsset], inputs.snapshot.prices);
  const known = judgedPositions.get(p);
  let judged: RuleOutcome;
  if (known && known.settings === inputs.settings && known.level === level && known.note === note) {
    judged = known.judged;
  } else {
    judged = { conditions: [], held: new Set(), failures: [] };
    positionRules(p, inputs, judged);
    judgedPositions.set(p, { settings: inputs.settings, level, note, judged });
  }
  out.conditions.push(...judged.conditions);
  for (const key of judged.held) out.held.add(key);
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
  const level = levelWithHysteresis({
    value: pctOfMedian,
    levels,
    worse: 'lower',
    current: inputs.activeLevels.get(key) ?? 0,
    margin: dec(t.hysteresisPoints),
  });
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

function priceRules(
  inputs: RuleInputs,
  out: RuleOutcome,
  asset: string,
  inUse: ReadonlySet<string>,
): void {
  const price = inputs.snapshot.prices[asset];
  // Only prices something depends on: a stale quote for an unused coin wakes nobody.
  if (!price || price.manual || !inUse.has(asset)) return;
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

/** The rules each kind of subject is judged by: held as they are when the subject fails. */
export const RULES_OF: Record<SubjectKind, AlertRule[]> = {
  position: ['position.liquidation', 'position.stop-past-liquidation', 'risk.odds'],
  loan: ['loan.ltv', 'loan.payment-due', 'risk.odds'],
  rig: ['rig.offline', 'rig.hashrate-drop'],
  price: ['price.stale', 'price.disputed', 'price.single-source'],
  farm: ['farm.unprofitable'],
};

/**
 * Runs one subject's rules on their own: what they say joins the outcome only when all of
 * them ran, and a throw holds that subject's alerts instead of stopping every other subject.
 */
function isolated(
  out: RuleOutcome,
  subject: () => Omit<RuleFailure, 'cause'>,
  judge: (local: RuleOutcome) => void,
): void {
  const local: RuleOutcome = { conditions: [], held: new Set(), failures: [] };
  try {
    judge(local);
  } catch (cause) {
    const failed = subject();
    for (const rule of RULES_OF[failed.subjectKind]) {
      out.held.add(alertKey(rule, failed.subjectId));
    }
    out.failures.push({ ...failed, cause });
    return;
  }
  out.conditions.push(...local.conditions);
  for (const key of local.held) out.held.add(key);
}

export function evaluateAlertRules(inputs: RuleInputs): RuleOutcome {
  const out: RuleOutcome = { conditions: [], held: new Set(), failures: [] };
  const { snapshot } = inputs;
  const asOf = new Date(snapshot.asOf);
  // The label is looked up only for a subject that failed.
  const subject = (subjectKind: SubjectKind, subjectId: string) => () => ({
    subjectKind,
    subjectId,
    label: subjectLabel(snapshot, subjectKind, subjectId),
  });
  for (const p of snapshot.positions) {
    isolated(out, subject('position', p.id), (local) => {
      rememberedPositionRules(p, inputs, local);
      // Not remembered with the row: it reads its own alert's level (cheap, and off by default).
      positionOddsRule(p, inputs, local);
    });
  }
  for (const loan of snapshot.loans) {
    isolated(out, subject('loan', loan.id), (local) => {
      loanRules(loan, inputs, local, asOf);
      loanOddsRule(loan, inputs, local);
    });
  }
  for (const rig of snapshot.rigs) {
    isolated(out, subject('rig', rig.id), (local) => rigRules(rig, inputs, local, asOf));
  }
  const inUse = new Set(pricesInUse(snapshot.rigs, snapshot.loans, snapshot.positions));
  for (const asset of Object.keys(snapshot.prices)) {
    isolated(out, subject('price', asset), (local) => priceRules(inputs, local, asset, inUse));
  }
  isolated(out, subject('farm', 'farm'), (local) => farmRules(inputs, local));
  for (const failure of out.failures) out.conditions.push(degradedCondition(failure));
  return out;
}
