import { dec } from './decimal';
import { compareDecimalText } from './decimal-text';
import { formatPct, formatSignedPct, formatUsd } from './format';

// The odds of crossing and the runway in the operator's words (docs/formulas-risk.md):
// the odds column, the Overview's sentences and the assumptions behind them. The
// dashboard and the report read them from here so they say the same thing.

interface OddsFigures {
  volatilityPct: string;
  volatilitySource: 'history' | 'default';
}

interface LoanLike {
  id: string;
  lender: string;
  marginCallPrice: string | null;
  liquidationPrice: string | null;
  odds:
    | (OddsFigures & { days7: { marginCallPct: string | null; liquidationPct: string | null } })
    | null;
}

interface PositionLike {
  id: string;
  symbol: string;
  side: 'long' | 'short';
  account: string;
  liquidationPrice: string | null;
  odds: (OddsFigures & { days7: { liquidationPct: string | null } }) | null;
}

/** Odds as shown: "2.15 %", "< 0.01 %" for a chance too small to print, "—" when none. */
export function formatOdds(pct: string | null | undefined): string {
  if (pct === null || pct === undefined) return '—';
  const value = dec(pct);
  if (value.isZero()) return '< 0.01 %';
  return formatPct(pct, 2);
}

/** Where σ came from, in a phrase: "volatility 48.2 % a year, measured from price history". */
export function volatilityText(odds: OddsFigures, windowDays?: number): string {
  const from =
    odds.volatilitySource === 'history'
      ? `measured from ${windowDays === undefined ? 'the' : `${windowDays} days of`} price history`
      : 'your default (the price history is shorter than the window)';
  return `volatility ${formatPct(odds.volatilityPct, 1)} a year, ${from}`;
}

interface Worst {
  pct: string;
  who: string;
  at: string | null;
  odds: OddsFigures;
}

function worstOf(candidates: readonly Worst[]): Worst | null {
  return candidates.reduce<Worst | null>(
    (worst, c) => (worst === null || compareDecimalText(c.pct, worst.pct) > 0 ? c : worst),
    null,
  );
}

const positionName = (p: PositionLike) => `the ${p.symbol} ${p.side} on ${p.account}`;

/** "This week's worst odds of a margin call: 0.07 % (Northwind Credit, at $68,681.32)." */
export function marginCallOddsSentence(loans: readonly LoanLike[]): string | null {
  const worst = worstOf(
    loans.flatMap((l) =>
      l.odds?.days7.marginCallPct == null
        ? []
        : [{ pct: l.odds.days7.marginCallPct, who: l.lender, at: l.marginCallPrice, odds: l.odds }],
    ),
  );
  if (worst === null) return null;
  return `This week's odds of a margin call: ${formatOdds(worst.pct)} at worst (${worst.who}, margin call at ${formatUsd(worst.at)}).`;
}

/** The worst 7-day odds of a liquidation among loans and positions, in one sentence. */
export function liquidationOddsSentence(
  loans: readonly LoanLike[],
  positions: readonly PositionLike[],
): string | null {
  const worst = worstOf([
    ...loans.flatMap((l) =>
      l.odds?.days7.liquidationPct == null
        ? []
        : [
            {
              pct: l.odds.days7.liquidationPct,
              who: l.lender,
              at: l.liquidationPrice,
              odds: l.odds,
            },
          ],
    ),
    ...positions.flatMap((p) =>
      p.odds?.days7.liquidationPct == null
        ? []
        : [
            {
              pct: p.odds.days7.liquidationPct,
              who: positionName(p),
              at: p.liquidationPrice,
              odds: p.odds,
            },
          ],
    ),
  ]);
  if (worst === null) return null;
  return `This week's odds of a liquidation: ${formatOdds(worst.pct)} at worst (${worst.who}, liquidation at ${formatUsd(worst.at)}).`;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Aug 2027" for "2027-08". */
export function formatMonth(month: string): string {
  const t = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(t.getTime()) ? month : monthFormat.format(t);
}

interface RunwayLike {
  assumptions: {
    difficultyPerRetargetPct: string;
    pricePathPctPerMonth: string;
    halvingDate: string;
  };
  months: readonly { month: string }[];
  cashNegativeFrom: string | null;
  marginCallFrom: readonly { lender: string; month: string }[];
}

/**
 * "At today's price and +2.1 % difficulty per retarget, Northwind Credit reaches margin
 * call in Aug 2027; the farm's cash turns negative after the Apr 2028 halving."
 */
export function runwaySentence(runway: RunwayLike): string {
  const a = runway.assumptions;
  const path = dec(a.pricePathPctPerMonth);
  const price = path.isZero()
    ? "today's price"
    : `a price ${path.gt(0) ? 'rising' : 'falling'} ${formatPct(path.abs().toString())} a month`;
  const opening = `At ${price} and ${formatSignedPct(a.difficultyPerRetargetPct)} difficulty per retarget`;
  const calls = runway.marginCallFrom.map(
    (m) => `${m.lender} reaches margin call in ${formatMonth(m.month)}`,
  );
  const last = runway.months.at(-1)?.month;
  let cash: string;
  if (runway.cashNegativeFrom === null) {
    cash = `the farm's cash stays positive through ${last === undefined ? 'the runway' : formatMonth(last)}`;
  } else {
    const halvingMonth = a.halvingDate.slice(0, 7);
    const afterHalving =
      halvingMonth <= runway.cashNegativeFrom
        ? `, after the ${formatMonth(halvingMonth)} halving`
        : '';
    cash = `the farm's cash turns negative in ${formatMonth(runway.cashNegativeFrom)}${afterHalving}`;
  }
  const loans = calls.length > 0 ? `${calls.join(', ')}; ` : 'no loan reaches margin call; ';
  return `${opening}, ${loans}${cash}.`;
}

/** Where the difficulty change per retarget came from, in words. */
export function difficultySourceText(
  source: 'history' | 'mempool' | 'settings' | 'operator',
): string {
  switch (source) {
    case 'history':
      return 'the mean of the retargets recorded in the last 90 days';
    case 'mempool':
      return "mempool.space's estimate of the next adjustment";
    case 'settings':
      return 'your setting (no retarget recorded yet and no chain estimate)';
    case 'operator':
      return 'the rate you chose here';
  }
}
