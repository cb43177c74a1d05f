import type { Runway } from '#api/runway';
import { ZERO, dec, decStr } from '#shared/decimal';
import { formatCoin, formatSignedPct } from '#shared/format';
import { difficultySourceText, formatMonth, runwaySentence } from '#shared/risk-text';
import { type Cell, keyValues, num, paragraph, table } from './report-markup';
import { escapeHtml, groupedNumber, usd, usdPrice, utcTime, withUnit } from './report-text';

// The report's runway (docs/formulas-risk.md "Runway"): what it assumes, the months ahead
// from the reviewed day's farm, and what they come to, in the dashboard's own sentence.

export const RUNWAY_HEADING = 'Runway: the next 12 months';

/** A runway that could not be worked out says why, in the words runway.get would use. */
export type RunwayOutcome = { runway: Runway } | { unavailable: string };

const btc = (value: string) => formatCoin(value, 'BTC');

function assumptions(runway: Runway, lenders: Readonly<Record<string, string>>): string {
  const a = runway.assumptions;
  const path = dec(a.pricePathPctPerMonth);
  const pairs: [string, Cell | string][] = [
    [
      'Difficulty per retarget',
      num(`${formatSignedPct(a.difficultyPerRetargetPct)} per retarget (2,016 blocks)`),
    ],
    ['Source of that rate', difficultySourceText(a.source)],
    [
      'Difficulty now',
      num(`${groupedNumber(a.difficulty, 0)} at block ${groupedNumber(String(a.height), 0)}`),
    ],
    [
      'Next retarget',
      num(
        `block ${groupedNumber(String(a.nextRetarget.height), 0)}, about ${utcTime(a.nextRetarget.date)}, estimated ${formatSignedPct(a.nextRetarget.estimatedChangePct)} (${a.nextRetarget.source === 'mempool' ? 'mempool.space' : 'the rate above'})`,
      ),
    ],
    [
      'Halving',
      num(
        `block ${groupedNumber(String(a.halvingHeight), 0)}, expected ${utcTime(a.halvingDate)}: ${groupedNumber(String(a.blocksToHalving), 0)} blocks, about ${withUnit(a.daysToHalving, 'days', 0)} away at one block per ${groupedNumber(String(a.blockTimeSec / 60), 0)} min`,
      ),
    ],
    [
      'Price path',
      num(
        `BTC ${usdPrice(a.btcPriceUsd)} now, ${path.isZero() ? 'held flat' : `${formatSignedPct(a.pricePathPctPerMonth)} a month, compounded`}; every coin alike`,
      ),
    ],
    ['Fees per block', num(`${btc(a.feesPerBlockBtc)}, held at the recent average`)],
    ['BTC found now', num(`${btc(a.btcPerDay)} a day (running rigs, after pool fees)`)],
    ['Power cost', num(`${usd(a.powerCostUsdPerDay)} a day, held`)],
    [
      'Other coins’ revenue',
      num(`${usd(a.otherCoinsRevenueUsdPerDay)} a day, moved with the price path only`),
    ],
  ];
  const loans = Object.keys(lenders).length;
  pairs.push([
    'Loans',
    loans === 0
      ? 'none'
      : 'interest and principal as each schedule bills them, paid on their dates; LTV at each month’s end',
  ]);
  return keyValues(pairs);
}

function months(runway: Runway, lenders: Readonly<Record<string, string>>): string {
  const loanIds = runway.months[0]?.loans.map((l) => l.id) ?? [];
  const rows = runway.months.map((m) => [
    `${formatMonth(m.month)}${m.halving ? ', halving' : ''}${m.retargets > 0 ? `, ${m.retargets} retarget${m.retargets > 1 ? 's' : ''}` : ''}`,
    num(withUnit(m.days, 'd', 1)),
    num(btc(m.btcProduced)),
    num(`${usdPrice(m.btcPriceUsd)} per BTC`),
    num(usd(m.revenueUsd)),
    num(usd(m.powerCostUsd)),
    num(usd(m.interestUsd)),
    num(usd(m.principalDueUsd)),
    num(usd(m.netUsd)),
    ...m.loans.map((l) => num(withUnit(l.ltvPct, '%'))),
  ]);
  const sum = (pick: (m: Runway['months'][number]) => string, places: number) =>
    decStr(
      runway.months.reduce((t, m) => t.plus(dec(pick(m))), ZERO),
      places,
    );
  const total = [
    'Total',
    num(
      withUnit(
        sum((m) => m.days, 4),
        'd',
        1,
      ),
    ),
    num(btc(sum((m) => m.btcProduced, 8))),
    '',
    num(usd(sum((m) => m.revenueUsd, 2))),
    num(usd(sum((m) => m.powerCostUsd, 2))),
    num(usd(sum((m) => m.interestUsd, 2))),
    num(usd(sum((m) => m.principalDueUsd, 2))),
    num(usd(sum((m) => m.netUsd, 2))),
    ...loanIds.map(() => ''),
  ];
  return table(
    [
      'Month',
      'Days',
      'BTC produced',
      'BTC price',
      'Revenue',
      'Power cost',
      'Interest',
      'Principal due',
      'Net cash',
      ...loanIds.map((id) => `LTV ${lenders[id] ?? id}`),
    ],
    rows,
    total,
  );
}

/** What the months come to: the first month of negative net cash and each margin call. */
export function runwayConclusions(runway: Runway): string[] {
  const negative = runway.months.find((m) => m.month === runway.cashNegativeFrom);
  return [
    runwaySentence(runway),
    ...(negative === undefined
      ? []
      : [`Net cash in ${formatMonth(negative.month)}: ${usd(negative.netUsd)}.`]),
  ];
}

export function runwaySection(
  outcome: RunwayOutcome,
  asOf: string,
  lenders: Readonly<Record<string, string>>,
): string {
  const heading = `<h2>${escapeHtml(RUNWAY_HEADING)}</h2>`;
  if ('unavailable' in outcome) {
    return [heading, paragraph(`No runway from ${asOf}: ${outcome.unavailable}`)].join('\n');
  }
  const { runway } = outcome;
  return [
    heading,
    paragraph(
      `From the farm as it stood on ${asOf}: its running rigs, power cost, loans and prices. All amounts in US dollars.`,
    ),
    ...runwayConclusions(runway).map((sentence) => paragraph(sentence, 'conclusion')),
    '<h3>Assumptions</h3>',
    assumptions(runway, lenders),
    '<h3>Month by month</h3>',
    months(runway, lenders),
    paragraph(
      'Net cash = revenue − power cost − interest − principal due. The first month runs from the review date to the end of its calendar month (UTC).',
    ),
  ].join('\n');
}
