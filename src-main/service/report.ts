import type { ScheduleRow } from '#api/methods';
import type { Alert } from '#api/records';
import type { RealisedPnl } from '#api/realised-pnl';
import type { MonthlyPnlRow, Review } from '#api/review';
import type { LoanView, PositionView, RigView } from '#api/snapshot';
import { loanSchedule } from '#core/loan-schedule';
import { formatCollateral, formatDayCount } from '#shared/loan-text';
import { ZERO, dec, decStr } from '#shared/decimal';
import type { ServiceContext } from './context';
import { REPORT_STYLE, type Cell, keyValues, num, paragraph, table } from './report-markup';
import {
  MISSING,
  escapeHtml,
  groupedNumber,
  hashrate,
  usd,
  usdPrice,
  utcTime,
  withUnit,
} from './report-text';
import { endOfDay, getReview } from './review';

// report.html: the review as one printable, self-contained HTML document a lender can be
// handed — inline CSS, no scripts, no external resources. Every cell is plain text
// escaped on its way into the markup (report-markup.ts); headings are escaped here.

export interface ReportInput {
  review: Review;
  schedules: Record<string, ScheduleRow[]>;
  /** Alerts raised or still active during the reviewed months. */
  alerts: Alert[];
  /** Realised PnL entries dated within the reviewed months. */
  realisedPnl: RealisedPnl[];
  generatedAt: string;
}

function overviewSection(review: Review): string {
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

function rigsSection(rigs: readonly RigView[]): string {
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

function monthlySection(months: readonly MonthlyPnlRow[]): string {
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

function loanSection(loan: LoanView, schedule: readonly ScheduleRow[]): string {
  const collateral = escapeHtml(formatCollateral(loan.collateral));
  const on = loan.triggerAsset === null ? '' : ` ${loan.triggerAsset}`;
  const rate =
    loan.repayment === 'amortizing'
      ? 'monthly at APR/12 (30/360)'
      : `daily, ${formatDayCount(loan.dayCount)}`;
  const facts = keyValues([
    ['Principal', num(`${usd(loan.principal)} (${loan.currency})`)],
    ['Rate', num(`${withUnit(loan.aprPct, '% APR')}, ${rate}`)],
    ['Term', `${loan.startDate}, ${loan.termMonths} months, ${loan.repayment}`],
    ['Principal balance', num(usd(loan.principalBalance))],
    ['Accrued unpaid interest', num(usd(loan.accruedInterest))],
    ['Outstanding', num(usd(loan.outstanding))],
    [
      'Collateral',
      loan.collateral.length === 0
        ? 'unsecured (no LTV, health or cure)'
        : num(`${collateral} = ${usd(loan.collateralValueUsd)}`),
    ],
    ['LTV', num(withUnit(loan.ltvPct, '%'))],
    [
      'Margin call at',
      num(
        `${withUnit(loan.marginCallLtvPct, '% LTV')},${on} price ${usdPrice(loan.marginCallPrice)}`,
      ),
    ],
    [
      'Liquidation at',
      num(
        `${withUnit(loan.liquidationLtvPct, '% LTV')},${on} price ${usdPrice(loan.liquidationPrice)}`,
      ),
    ],
    [
      'Health',
      `${loan.health}, health factor ${loan.healthFactor === null ? MISSING : groupedNumber(loan.healthFactor, 2)}`,
    ],
    [
      'Next payment',
      loan.nextPayment ? `${usd(loan.nextPayment.amount)} due ${loan.nextPayment.date}` : MISSING,
    ],
  ]);
  const rows = schedule.map((r) => [
    r.date,
    num(usd(r.payment)),
    num(usd(r.interest)),
    num(usd(r.principal)),
    num(usd(r.balance)),
    r.paid ? 'paid' : r.projected ? 'planned' : `due ${usd(r.due)}`,
  ]);
  const payments = loan.payments.map((p) => [p.date, num(usd(p.amount))]);
  return [
    `<h3>${escapeHtml(loan.lender)}</h3>`,
    facts,
    '<h3>Schedule</h3>',
    table(['Due', 'Payment', 'Interest', 'Principal', 'Balance after', 'State'], rows),
    payments.length === 0
      ? paragraph('No payments recorded.')
      : table(['Paid on', 'Amount'], payments),
  ].join('\n');
}

function positionsSection(positions: readonly PositionView[]): string {
  if (positions.length === 0) return '<h2>Positions</h2>\n' + paragraph('No open positions.');
  const rows = positions.map((p) => [
    `${p.account} @ ${p.exchange}`,
    `${p.symbol} (${p.kind}, ${p.marginMode})`,
    p.side,
    num(p.kind === 'inverse' ? usd(p.size) : withUnit(p.size, p.baseAsset, 8)),
    num(withUnit(p.leverage, '×')),
    num(usdPrice(p.entryPrice)),
    num(usdPrice(p.markPrice)),
    num(usdPrice(p.liquidationPrice)),
    num(usdPrice(p.reportedLiquidationPrice ?? null)),
    num(withUnit(p.distanceToLiquidationPct, '%')),
    num(usd(p.unrealizedPnlUsd)),
    p.status,
  ]);
  return [
    '<h2>Positions</h2>',
    table(
      [
        'Account',
        'Contract',
        'Side',
        'Size',
        'Leverage',
        'Entry',
        'Mark',
        'Liquidation',
        'Exchange liq.',
        'Distance',
        'Unrealised PnL',
        'Status',
      ],
      rows,
    ),
  ].join('\n');
}

function alertsSection(alerts: readonly Alert[]): string {
  const rows = alerts.map((a) => [
    utcTime(a.raisedAt),
    a.severity,
    a.rule,
    a.message,
    a.resolvedAt === undefined ? 'still active' : `cleared ${utcTime(a.resolvedAt)}`,
  ]);
  return [
    '<h2>Alerts of the period</h2>',
    rows.length === 0
      ? paragraph('No alerts in the period.')
      : table(['Raised', 'Severity', 'Rule', 'Message', 'Outcome'], rows),
  ].join('\n');
}

function realisedSection(entries: readonly RealisedPnl[]): string {
  const rows = entries.map((e) => [
    e.date,
    num(usd(e.amountUsd)),
    e.note ?? '',
    e.positionId ?? '',
  ]);
  return [
    '<h2>Realised PnL entries</h2>',
    rows.length === 0
      ? paragraph('No realised PnL was entered for the period.')
      : table(['Date', 'Amount', 'Note', 'Position'], rows),
  ].join('\n');
}

export function buildReportHtml(input: ReportInput): string {
  const { review } = input;
  const title = `RigLedger finance review as of ${review.asOf}`;
  const first = review.months[0];
  const period = first ? `${first.from} to ${review.asOf}` : review.asOf;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    paragraph(
      `Figures as of the end of ${review.asOf} (UTC); months reviewed: ${period}. All amounts in US dollars.`,
      'meta',
    ),
    paragraph(
      `Generated ${utcTime(input.generatedAt)}${review.snapshot.offline ? ', offline (last stored and manual values)' : ''}.`,
      'meta',
    ),
    overviewSection(review),
    monthlySection(review.months),
    rigsSection(review.snapshot.rigs),
    '<h2>Loans</h2>',
    review.snapshot.loans.length === 0
      ? paragraph('No loans.')
      : review.snapshot.loans
          .map((loan) => loanSection(loan, input.schedules[loan.id] ?? []))
          .join('\n'),
    positionsSection(review.snapshot.positions),
    alertsSection(input.alerts),
    realisedSection(input.realisedPnl),
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

export function reportHtml(
  ctx: ServiceContext,
  params: { asOf: string },
): { fileName: string; html: string } {
  const review = getReview(ctx, { asOf: params.asOf });
  const db = ctx.store.data;
  const from = review.months[0]?.from ?? params.asOf;
  const until = endOfDay(params.asOf).getTime();
  const schedules = Object.fromEntries(
    db.loans.map((loan) => [loan.id, loanSchedule(loan, endOfDay(params.asOf))]),
  );
  const alerts = db.alerts
    .filter((a) => Date.parse(a.raisedAt) <= until)
    .filter((a) => a.resolvedAt === undefined || a.resolvedAt.slice(0, 10) >= from)
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const realisedPnl = db.realisedPnl
    .filter((e) => e.date >= from && e.date <= params.asOf)
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    fileName: `rigledger-review-${params.asOf}.html`,
    html: buildReportHtml({
      review,
      schedules,
      alerts,
      realisedPnl,
      generatedAt: ctx.now().toISOString(),
    }),
  };
}
