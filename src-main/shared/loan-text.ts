import { formatCoin, formatUsd } from './format';

// How a loan's collateral and day count read, the same on every page and in the report.

/** "10 BTC + 2.5 ETH", "$250,000 (fixed value)", or "unsecured". */
export function formatCollateral(collateral: readonly { asset: string; amount: string }[]): string {
  if (collateral.length === 0) return 'unsecured';
  return collateral
    .map((c) =>
      c.asset === 'USD' ? `${formatUsd(c.amount)} (fixed value)` : formatCoin(c.amount, c.asset),
    )
    .join(' + ');
}

/** "ACT/365", "ACT/360", "ACT/ACT". */
export function formatDayCount(dayCount: 365 | 360 | 'actual'): string {
  return dayCount === 'actual' ? 'ACT/ACT' : `ACT/${dayCount}`;
}
