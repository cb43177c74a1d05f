import type { PriceEntry } from '#api/snapshot';
import { StatusChip } from '../../components/StatusChip';
import { formatAge, formatDateTime, formatUsd } from '../../format';
import { useNow } from '../../state/use-now';
import { useSnapshotState } from '../../state/snapshot-context';

// Every price with its source and age (rotki style), and why it may not be trusted.

export function PriceFreshness({
  prices,
  live,
}: {
  prices: Record<string, PriceEntry>;
  live: boolean;
}) {
  const { receivedAt } = useSnapshotState();
  const now = useNow();
  const sinceSnapshotSec = live ? Math.max(0, Math.floor((now - receivedAt) / 1000)) : 0;
  const assets = Object.keys(prices).sort();
  return (
    <div className="card card-full">
      <div className="card-content">
        <h2 className="text-h6">Prices</h2>
        {assets.length === 0 ? (
          <p className="text-body1 text-secondary">
            No prices yet: refresh the feeds or set one by hand in Settings.
          </p>
        ) : (
          <table className="plain-table" aria-label="Prices">
            <thead>
              <tr>
                <th scope="col">Asset</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col">Source</th>
                <th scope="col">Age</th>
              </tr>
            </thead>
            <tbody>
              {assets.map((asset) => {
                const entry = prices[asset]!;
                const flagged = entry.manual || entry.stale || entry.disputed || entry.singleSource;
                return (
                  <tr key={asset} data-testid={`price-${asset}`}>
                    <td>
                      <span className="text-strong">{asset}</span>
                      {flagged && (
                        <div className="price-flags">
                          {entry.manual && <StatusChip status="manual" />}
                          {entry.stale && <StatusChip status="stale" />}
                          {entry.disputed && <StatusChip status="disputed" />}
                          {entry.singleSource && (
                            <StatusChip status="disputed" label="Single source" />
                          )}
                        </div>
                      )}
                    </td>
                    <td className="num nowrap">{formatUsd(entry.usd)}</td>
                    <td>{entry.source}</td>
                    <td className="nowrap" title={formatDateTime(entry.at)}>
                      {formatAge(entry.ageSec + sinceSnapshotSec)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
