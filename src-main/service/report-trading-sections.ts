import type { Alert } from '#api/records';
import type { RealisedPnl } from '#api/realised-pnl';
import type { PositionView } from '#api/snapshot';
import { num, paragraph, table } from './report-markup';
import { MISSING, usd, usdPrice, utcTime, withUnit } from './report-text';

// The report's trading and risk sections: open positions, the alerts of the period and
// the realised PnL entered for it.

export function positionsSection(positions: readonly PositionView[]): string {
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

export function alertsSection(alerts: readonly Alert[]): string {
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

export function realisedSection(entries: readonly RealisedPnl[]): string {
  const rows = entries.map((e) => [
    e.date,
    num(usd(e.amountUsd)),
    num(e.fundingUsd === undefined ? MISSING : usd(e.fundingUsd)),
    e.note ?? '',
    e.positionId ?? '',
  ]);
  return [
    '<h2>Realised PnL entries</h2>',
    rows.length === 0
      ? paragraph('No realised PnL was entered for the period.')
      : [
          table(['Date', 'Amount', 'Funding over the position’s life', 'Note', 'Position'], rows),
          paragraph(
            'Amount is the PnL at the exit price. Funding is shown with a closed position and counted in the monthly profit and loss in the month each payment was made, not in Amount.',
          ),
        ].join('\n'),
  ].join('\n');
}
