import type { Alert, Mute, Settings } from '#api/records';
import type { PriceEntry, Snapshot } from '#api/snapshot';
import { isMuted, type AlertEvent } from './alert-reconcile';
import { alertKey, type AlertCondition } from './alert-rules';
import { markPriceOf } from './position-views';
import { priceUsdOf } from './prices';

// The first look of an alert evaluation (docs/architecture.md "Alerts first"). A price
// tick on a large book moves every position and loan of that asset, and working out all
// their figures takes a few hundred milliseconds; the few that can cross an alert line
// are known beforehand from their last figures and the new price. Those are worked out
// and judged first, and what they raise or escalate is announced at once; the whole
// evaluation follows and stays the authority (alert-reconcile.ts keeps the announced
// alerts' ids and does not announce them twice). Choosing too many costs a little time;
// choosing too few only delays an alert to the whole evaluation.

/** Points beyond an alert line a record may lie by its estimated figure and still be looked at first. */
export const FIRST_LOOK_MARGIN_POINTS = 5;

/**
 * At most this many positions and loans in one go, the nearest first: in a crash that puts
 * the whole book near its lines, the first look goes through them in batches of this size
 * (`nearTroubleBatches`), announcing each batch's alerts before working out the next.
 */
export const FIRST_LOOK_MAX_POSITIONS = 150;
export const FIRST_LOOK_MAX_LOANS = 50;

export interface NearTrouble {
  positionIds: Set<string>;
  loanIds: Set<string>;
}

/**
 * The positions and loans whose alerts the new prices may raise or escalate, from their
 * figures in `previous`: a position's distance to its last liquidation price at the new
 * mark, a loan's LTV scaled by its trigger asset's move. Estimates (a cross position's
 * liquidation price moves too), hence the margin; not money: plain numbers will do.
 */
export function nearTrouble(
  previous: Snapshot,
  prices: Readonly<Record<string, PriceEntry>>,
  settings: Settings,
): NearTrouble {
  return (
    nearTroubleBatches(previous, prices, settings)[0] ?? {
      positionIds: new Set(),
      loanIds: new Set(),
    }
  );
}

/**
 * All the positions and loans whose alerts the new prices may raise or escalate (as
 * `nearTrouble`), nearest first, in batches of at most FIRST_LOOK_MAX_POSITIONS positions
 * and FIRST_LOOK_MAX_LOANS loans. None when nothing is near.
 */
export function nearTroubleBatches(
  previous: Snapshot,
  prices: Readonly<Record<string, PriceEntry>>,
  settings: Settings,
): NearTrouble[] {
  // No price moved (a rig edited, a rig's telemetry): the estimates would be the last
  // figures, already judged; the whole evaluation judges what an edit changed.
  if (samePrices(previous.prices, prices)) return [];
  const t = settings.thresholds;
  const positionLine =
    Number(t.positionWarningPct) + Number(t.hysteresisPoints) + FIRST_LOOK_MARGIN_POINTS;
  const positions: { id: string; distancePct: number }[] = [];
  // One mark per traded pair: a book holds a thousand BTCUSDT positions, not a thousand pairs.
  const marks = new Map<string, number | null>();
  for (const p of previous.positions) {
    if (p.liquidationPrice === null || p.liquidationDirection === null) continue;
    const pair = `${p.baseAsset}/${p.quoteAsset}`;
    let mark = marks.get(pair);
    if (mark === undefined) {
      mark = markPriceOf(p, prices)?.toNumber() ?? null;
      marks.set(pair, mark);
    }
    if (mark === null || !(mark > 0)) continue;
    const liquidation = Number(p.liquidationPrice);
    const distancePct =
      ((p.liquidationDirection === 'fall' ? mark - liquidation : liquidation - mark) / mark) * 100;
    if (distancePct < positionLine) positions.push({ id: p.id, distancePct });
  }
  const loans: { id: string; pointsPast: number }[] = [];
  for (const loan of previous.loans) {
    if (loan.ltvPct === null || loan.health === 'unsecured') continue;
    const line =
      Number(loan.marginCallLtvPct) -
      Number(t.loanWatchPoints) -
      Number(t.hysteresisPoints) -
      FIRST_LOOK_MARGIN_POINTS;
    const before = loan.collateralPriceUsd === null ? null : Number(loan.collateralPriceUsd);
    const now =
      loan.triggerAsset === null
        ? null
        : (priceUsdOf(loan.triggerAsset, prices)?.toNumber() ?? null);
    // LTV moves inversely with the collateral's price; without a trigger asset (several
    // assets, none dominant) the last LTV is judged with a wider margin.
    const ltv =
      before !== null && now !== null && now > 0
        ? (Number(loan.ltvPct) * before) / now
        : Number(loan.ltvPct) + 2 * FIRST_LOOK_MARGIN_POINTS;
    if (ltv >= line) loans.push({ id: loan.id, pointsPast: ltv - line });
  }
  positions.sort((a, b) => a.distancePct - b.distancePct);
  loans.sort((a, b) => b.pointsPast - a.pointsPast);
  const batches: NearTrouble[] = [];
  for (let i = 0; ; i += 1) {
    const batchPositions = positions.slice(
      i * FIRST_LOOK_MAX_POSITIONS,
      (i + 1) * FIRST_LOOK_MAX_POSITIONS,
    );
    const batchLoans = loans.slice(i * FIRST_LOOK_MAX_LOANS, (i + 1) * FIRST_LOOK_MAX_LOANS);
    if (batchPositions.length === 0 && batchLoans.length === 0) break;
    batches.push({
      positionIds: new Set(batchPositions.map((p) => p.id)),
      loanIds: new Set(batchLoans.map((l) => l.id)),
    });
  }
  return batches;
}

/**
 * What the first look announces: a new alert for a condition with none active, an
 * escalation for one above its active alert's level. Nothing else (a fall, a clear) is
 * urgent; the whole evaluation records it.
 */
export function firstLookAnnouncements(args: {
  conditions: readonly AlertCondition[];
  alerts: readonly Alert[];
  mutes: readonly Mute[];
  now: Date;
  newId: () => string;
}): { events: AlertEvent[]; announced: Map<string, Alert> } {
  const at = args.now.toISOString();
  const active = new Map<string, Alert>();
  for (const alert of args.alerts) {
    if (alert.resolvedAt === undefined) active.set(alertKey(alert.rule, alert.subjectId), alert);
  }
  const events: AlertEvent[] = [];
  const announced = new Map<string, Alert>();
  for (const condition of args.conditions) {
    const key = alertKey(condition.rule, condition.subjectId);
    const stored = active.get(key);
    if (stored !== undefined && condition.level <= stored.level) continue;
    let alert: Alert;
    if (stored === undefined) {
      alert = { id: args.newId(), ...condition, raisedAt: at };
    } else {
      alert = {
        ...stored,
        level: condition.level,
        severity: condition.severity,
        message: condition.message,
        value: condition.value,
        threshold: condition.threshold,
        escalatedAt: at,
      };
      delete alert.acknowledgedAt;
    }
    announced.set(key, alert);
    events.push({
      change: stored === undefined ? 'raised' : 'escalated',
      alert,
      notify: !isMuted(alert.subjectId, args.mutes, args.now),
    });
  }
  return { events, announced };
}

/** The same assets at the same prices, judged the same way (stale, disputed, single-source). */
function samePrices(
  before: Readonly<Record<string, PriceEntry>>,
  now: Readonly<Record<string, PriceEntry>>,
): boolean {
  const assets = Object.keys(now);
  if (assets.length !== Object.keys(before).length) return false;
  return assets.every((asset) => {
    const a = before[asset];
    const b = now[asset];
    return (
      a !== undefined &&
      b !== undefined &&
      a.usd === b.usd &&
      a.stale === b.stale &&
      a.disputed === b.disputed &&
      (a.singleSource ?? false) === (b.singleSource ?? false)
    );
  });
}
