import type { Loan, Rig, Settings } from '#api/records';
import type { FundingPayment } from '#api/funding';
import type { RealisedPnl } from '#api/realised-pnl';
import type { MonthlyPnlRow } from '#api/review';
import { addMonths, dayNumber, daysBetween } from './calendar';
import { type Dec, ZERO, dec, decStr } from '#shared/decimal';
import { loanLedger } from './loan-ledger';
import { powerCostUsdPerDay, rigIsRunning, rigPerKwh } from './mining';
import { rigCountsOn, rigStartDate } from './rig-start';

// Monthly P&L for the offline review (docs/formulas.md "Monthly P&L"): for each calendar
// month, mining revenue integrated from the recorded revenue per day, the power cost over
// exactly the same stretches of time (recorded revenue − recorded profit), interest the
// loans accrued in the month, and the realised PnL: entered by hand, plus the funding
// perpetual positions paid or received (docs/formulas-positions.md "Funding"). What is
// recorded does not change afterwards, so a closed month keeps its figures whatever is
// added today.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Two history points further apart than this have a gap between them (the app was off). */
const MAX_POINT_SPAN_MS = DAY_MS;

export interface MonthlyPnlInput {
  /** The review date: the last month ends on it (inclusive). */
  asOfDate: string;
  /** How many calendar months, ending with the month of asOfDate. */
  months: number;
  /** `farm.revenueUsdPerDay` points [ISO time, USD per day], oldest first. */
  revenueHistory: readonly (readonly [string, string])[];
  /**
   * `farm.profitUsdPerDay` points, recorded with the revenue: at a revenue point's time,
   * revenue − profit is the power cost per day the farm had then.
   */
  profitHistory?: readonly (readonly [string, string])[];
  /** History cannot cover time after this instant (the present), in ms since the epoch. */
  historyUntilMs: number;
  rigs: readonly Rig[];
  settings: Pick<Settings, 'electricityPerKwh'>;
  loans: readonly Loan[];
  realisedPnl: readonly Pick<RealisedPnl, 'date' | 'amountUsd'>[];
  /** Funding payments; one without a USD value (no price was known) counts as 0. */
  fundingPayments?: readonly Pick<FundingPayment, 'at' | 'amountUsd'>[];
}

interface Period {
  month: string;
  from: string;
  to: string;
  days: number;
}

/** The months ending with the month of `asOfDate`, the last one cut at `asOfDate`. */
export function reviewPeriods(asOfDate: string, months: number): Period[] {
  const lastMonthStart = `${asOfDate.slice(0, 7)}-01`;
  const periods: Period[] = [];
  for (let k = months - 1; k >= 0; k -= 1) {
    const from = addMonths(lastMonthStart, -k);
    const monthEnd = addMonths(from, 1);
    const to = k === 0 ? asOfDate : isoDateBefore(monthEnd);
    periods.push({ month: from.slice(0, 7), from, to, days: daysBetween(from, to) + 1 });
  }
  return periods;
}

function isoDateBefore(isoDate: string): string {
  return new Date((dayNumber(isoDate) - 1) * DAY_MS).toISOString().slice(0, 10);
}

function startMs(isoDate: string): number {
  return dayNumber(isoDate) * DAY_MS;
}

export interface RevenueIntegral {
  revenueUsd: Dec | null;
  coverageDays: Dec;
}

/**
 * Revenue earned in [fromMs, toMs): each point's USD/day holds from its time until the
 * next point. Across a gap longer than a day (the app was not running) a point holds
 * only as long as the spacing before it (a poll interval, an hourly or a daily bucket),
 * so the gap counts as time without history.
 */
export function integrateRevenue(
  points: readonly (readonly [string, string])[],
  fromMs: number,
  toMs: number,
): RevenueIntegral {
  // USD/day × ms summed exactly; divided by a day once at the end.
  let usdDayMs = ZERO;
  let coveredMs = 0;
  for (let i = 0; i < points.length; i += 1) {
    const t = Date.parse(points[i]![0]);
    const next = points[i + 1] === undefined ? null : Date.parse(points[i + 1]![0]);
    const previous = i === 0 ? null : Date.parse(points[i - 1]![0]);
    const fallbackSpan = Math.min(previous === null ? HOUR_MS : t - previous, MAX_POINT_SPAN_MS);
    const end = next !== null && next - t <= MAX_POINT_SPAN_MS ? next : t + fallbackSpan;
    const overlap = Math.min(end, toMs) - Math.max(t, fromMs);
    if (overlap <= 0) continue;
    coveredMs += overlap;
    usdDayMs = usdDayMs.plus(dec(points[i]![1]).mul(overlap));
  }
  return {
    revenueUsd: coveredMs > 0 ? usdDayMs.div(DAY_MS) : null,
    coverageDays: dec(coveredMs).div(DAY_MS),
  };
}

/**
 * Power cost over a period for the rigs as configured now; a rig counts from its start day
 * (its purchase date, else the day it was entered). Used for days without recorded history.
 */
export function powerCostForPeriod(
  rigs: readonly Rig[],
  settings: Pick<Settings, 'electricityPerKwh'>,
  from: string,
  to: string,
): Dec {
  let total = ZERO;
  for (const rig of rigs) {
    if (!rigIsRunning(rig)) continue;
    const start = rigStartDate(rig);
    const first = start !== null && start > from ? start : from;
    const days = daysBetween(first, to) + 1;
    if (days <= 0) continue;
    const perDay = powerCostUsdPerDay({
      watts: dec(rig.powerWatts),
      quantity: rig.quantity,
      perKwh: rigPerKwh(rig, settings),
    });
    total = total.plus(perDay.mul(days));
  }
  return total;
}

/**
 * Interest a loan has accrued from its start through `date`, paid or not: read from the
 * one accrual rule (loan-ledger.ts) that also gives the balance and the schedule.
 */
export function interestAccruedThrough(loan: Loan, date: string): Dec {
  if (date <= loan.startDate) return ZERO;
  return loanLedger(loan, new Date(startMs(date))).interestToDate;
}

/** Interest a loan accrued in the period: through its last day minus through the day before it. */
export function loanInterestForPeriod(loan: Loan, from: string, to: string): Dec {
  return interestAccruedThrough(loan, to).minus(interestAccruedThrough(loan, isoDateBefore(from)));
}

/** The power cost per day of the rigs as configured now that counted on that day. */
function configuredPowerPerDay(
  rigs: readonly Rig[],
  settings: Pick<Settings, 'electricityPerKwh'>,
  isoDate: string,
): Dec {
  return powerCostForPeriod(
    rigs.filter((rig) => rigCountsOn(rig, isoDate)),
    settings,
    isoDate,
    isoDate,
  );
}

/**
 * Power cost per day at each revenue point's time: revenue − profit recorded at that
 * moment; where no profit was recorded, the rigs as configured now that counted that day.
 * Same times as the revenue, so integrating it covers exactly the revenue's stretches.
 */
export function powerCostHistory(
  revenue: readonly (readonly [string, string])[],
  profit: readonly (readonly [string, string])[],
  rigs: readonly Rig[],
  settings: Pick<Settings, 'electricityPerKwh'>,
): [string, string][] {
  const profitAt = new Map(profit.map(([t, v]) => [t, v]));
  return revenue.map(([t, usdPerDay]) => {
    const recorded = profitAt.get(t);
    const perDay =
      recorded === undefined
        ? configuredPowerPerDay(rigs, settings, t.slice(0, 10))
        : dec(usdPerDay).minus(dec(recorded));
    return [t, perDay.toFixed()];
  });
}

function realisedForPeriod(entries: MonthlyPnlInput['realisedPnl'], from: string, to: string): Dec {
  return entries
    .filter((e) => e.date >= from && e.date <= to)
    .reduce((total, e) => total.plus(dec(e.amountUsd)), ZERO);
}

/** Funding of the payments dated within the period (UTC dates, both ends included). */
function fundingForPeriod(
  payments: NonNullable<MonthlyPnlInput['fundingPayments']>,
  from: string,
  to: string,
): Dec {
  return payments
    .filter((p) => p.amountUsd !== null && p.at.slice(0, 10) >= from && p.at.slice(0, 10) <= to)
    .reduce((total, p) => total.plus(dec(p.amountUsd ?? '0')), ZERO);
}

const cents = (value: Dec) => decStr(value, 2);

export function monthlyPnl(input: MonthlyPnlInput): MonthlyPnlRow[] {
  const powerHistory = powerCostHistory(
    input.revenueHistory,
    input.profitHistory ?? [],
    input.rigs,
    input.settings,
  );
  return reviewPeriods(input.asOfDate, input.months).map((period) => {
    const fromMs = startMs(period.from);
    const toMs = Math.min(startMs(period.to) + DAY_MS, Math.max(input.historyUntilMs, fromMs));
    const revenue = integrateRevenue(input.revenueHistory, fromMs, toMs);
    // With revenue on record, power is counted over the very same stretches of time, so
    // the net never sets a few days of revenue against a whole month of power.
    const recordedPower = integrateRevenue(powerHistory, fromMs, toMs).revenueUsd;
    const power = cents(
      recordedPower ?? powerCostForPeriod(input.rigs, input.settings, period.from, period.to),
    );
    const interest = cents(
      input.loans.reduce(
        (total, loan) => total.plus(loanInterestForPeriod(loan, period.from, period.to)),
        ZERO,
      ),
    );
    const funding = cents(fundingForPeriod(input.fundingPayments ?? [], period.from, period.to));
    const realised = cents(
      realisedForPeriod(input.realisedPnl, period.from, period.to).plus(dec(funding)),
    );
    const revenueUsd = revenue.revenueUsd === null ? null : cents(revenue.revenueUsd);
    const coveredAll = revenue.coverageDays.gte(period.days);
    return {
      ...period,
      miningRevenueUsd: revenueUsd,
      revenueCoverageDays: decStr(revenue.coverageDays, 2),
      revenueHistory: revenueUsd === null ? 'none' : coveredAll ? 'full' : 'partial',
      powerCostUsd: power,
      loanInterestUsd: interest,
      realisedPnlUsd: realised,
      fundingUsd: funding,
      // The net adds up the rounded columns, so the table a lender reads sums exactly.
      netUsd:
        revenueUsd === null
          ? null
          : cents(dec(revenueUsd).minus(dec(power)).minus(dec(interest)).plus(dec(realised))),
    };
  });
}
