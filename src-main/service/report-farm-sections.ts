import type { MonthlyPnlRow, Review } from '#api/review';
import type { RigView } from '#api/snapshot';
import { ZERO, dec, decStr } from '#shared/decimal';
import { type Cell, keyValues, num, paragraph, table } from './report-markup';
import { MISSING, groupedNumber, hashrate, usd, usdPrice, utcTime, withUnit } from './report-text';

// The report's farm sections: the overview with the prices used, the monthly profit and
// loss, and the rigs.

export function overviewSection(review: Review): string {
  const { farm } = review.snapshot;
  const power = farm.hashPower.map((h): [string, Cell] => [
    `Hash power ${h.coin} (${h.algorithm})`,
    num(
      `${hashrate(h.nominalHs)} nominal, ${h.liveHs === null ? 'no live reading' : `${hashrate(h.liveHs)} live`}`,
    ),
  ]);
  const prices = Object.entries(review.snapshot.prices)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([asset, p]) => [
      asset,
      num(usdPrice(p.usd)),
      p.source,
      utcTime(p.at),
      [p.manual ? 'manual' : '', p.stale ? 'stale' : '', p.disputed ? 'disputed' : '']
        .filter(Boolean)
        .join(', ') || 'ok',
    ]);
  return [
    '<h2>Overview</h2>',
    keyValues([
      ...power,
      ['Power draw', num(withUnit(farm.powerWatts, 'W', 0))],
      ['Mining revenue', num(`${usd(farm.revenueUsdPerDay)} per day`)],
      ['Power cost', num(`${usd(farm.powerCostUsdPerDay)} per day`)],
      ['Mining profit', num(`${usd(farm.profitUsdPerDay)} per day`)],
      ['Debt outstanding', num(usd(farm.debtUsd))],
      ['Collateral value', num(usd(farm.collateralUsd))],
      ['Worst loan health factor', num(withUnit(farm.worstHealthFactor, '(≥ 1 is safe)'))],
      ['BTC hashprice', num(`${usd(farm.btcHashpriceUsdPerPhDay)} per PH/s per day`)],
    ]),
    '<h3>Prices used</h3>',
    prices.length === 0
      ? paragraph('No prices were known.')
      : table(['Asset', 'Price (USD)', 'Source', 'Recorded', 'State'], prices),
  ].join('\n');
}

export function rigsSection(rigs: readonly RigView[]): string {
  if (rigs.length === 0) return '<h2>Rigs</h2>\n' + paragraph('No rigs.');
  const rows = rigs.map((r) => [
    r.name,
    `${r.coin}${r.model ? `, ${r.model}` : ''}`,
    r.status,
    num(withUnit(String(r.quantity), '×', 0)),
    num(hashrate(r.nominalHs)),
    num(withUnit(r.powerWatts, 'W each', 0)),
    num(`${usd(r.revenueUsdPerDay)}/day`),
    num(`${usd(r.powerCostUsdPerDay)}/day`),
    num(`${usd(r.profitUsdPerDay)}/day`),
    num(r.breakEvenPriceUsd === null ? MISSING : `${usdPrice(r.breakEvenPriceUsd)} per ${r.coin}`),
  ]);
  return [
    '<h2>Rigs</h2>',
    table(
      [
        'Rig',
        'Coin',
        'Status',
        'Machines',
        'Hash rate',
        'Power',
        'Revenue',
        'Power cost',
        'Profit',
        'Break-even price',
      ],
      rows,
    ),
  ].join('\n');
}

export function monthlySection(months: readonly MonthlyPnlRow[]): string {
  const sum = (pick: (m: MonthlyPnlRow) => string | null) =>
    months.some((m) => pick(m) === null)
      ? null
      : decStr(
          months.reduce((t, m) => t.plus(dec(pick(m) ?? '0')), ZERO),
          2,
        );
  const rows = months.map((m) => [
    `${m.month} (${m.from} – ${m.to})`,
    num(withUnit(String(m.days), 'd', 0)),
    num(m.miningRevenueUsd === null ? `${MISSING} (no history)` : usd(m.miningRevenueUsd)),
    num(
      `${groupedNumber(m.revenueCoverageDays, 2)} of ${m.days} d${m.revenueHistory === 'partial' ? ' (partial)' : ''}`,
    ),
    num(usd(m.powerCostUsd)),
    num(usd(m.loanInterestUsd)),
    num(usd(m.realisedPnlUsd)),
    num(usd(m.netUsd)),
  ]);
  const total = [
    'Total',
    num(withUnit(String(months.reduce((t, m) => t + m.days, 0)), 'd', 0)),
    num(usd(sum((m) => m.miningRevenueUsd))),
    '',
    num(usd(sum((m) => m.powerCostUsd))),
    num(usd(sum((m) => m.loanInterestUsd))),
    num(usd(sum((m) => m.realisedPnlUsd))),
    num(usd(sum((m) => m.netUsd))),
  ];
  return [
    '<h2>Monthly profit and loss (USD)</h2>',
    table(
      [
        'Month',
        'Days',
        'Mining revenue',
        'Revenue history',
        'Power cost',
        'Loan interest',
        'Realised PnL',
        'Net',
      ],
      rows,
      total,
    ),
    paragraph(
      'Mining revenue is integrated from the recorded revenue per day; a month with partial history shows what the ' +
        'recorded days earned. Power cost uses the rigs as configured today. Loan interest is what accrued in the ' +
        'month, paid or not. Net = revenue − power cost − loan interest + realised PnL.',
    ),
  ].join('\n');
}
