import type { RigView } from '#api/snapshot';
import { dec } from '#shared/decimal';
import type { Column } from '../../components/DataTable';
import { Figure } from '../../components/Figure';
import { HoverTooltip } from '../../components/HoverTooltip';
import { StatusChip } from '../../components/StatusChip';
import { byDecimal, byNumber, byText } from '../../components/sorting';
import {
  formatCount,
  formatDuration,
  formatHashrate,
  formatHashrateAs,
  formatEfficiency,
  formatNumber,
  formatPerKwh,
  formatUsd,
  formatUsdPerDay,
  formatWatts,
} from '../../format';

const NO_ECONOMICS = 'Needs a coin price and network difficulty.';

function LiveStatus({ rig }: { rig: RigView }) {
  if (rig.status !== 'active') return <StatusChip status={rig.status} />;
  if (!rig.live) {
    return (
      <Figure
        text="—"
        missing={rig.endpoint ? 'Not polled yet.' : 'No miner API host set, so no live readings.'}
      />
    );
  }
  const temperature =
    rig.live.temperatureC === null ? '' : ` · ${formatNumber(rig.live.temperatureC, 1)} °C`;
  const reason = rig.live.online ? null : (rig.live.error ?? 'The rig did not answer its poll.');
  return (
    <span className="inline">
      {reason === null ? (
        <StatusChip status="online" />
      ) : (
        // Why it is offline, on hover and on keyboard focus; also in the row's details.
        <HoverTooltip title={reason}>
          <span tabIndex={0} data-testid={`rig-offline-${rig.id}`} data-reason={reason}>
            <StatusChip status="offline" />
          </span>
        </HoverTooltip>
      )}
      {rig.live.online && (
        <span className="body">
          {formatHashrate(rig.live.hashrateHs)}
          {temperature} · up {formatDuration(rig.live.uptimeS)}
        </span>
      )}
    </span>
  );
}

export const rigColumns: Column<RigView>[] = [
  {
    key: 'name',
    label: 'Name',
    wrapAt: 200,
    compare: byText((r) => r.name),
    render: (r) => (
      <>
        <span className="name">{r.name}</span>
        <span className="note">
          {r.coin}
          {r.model ? ` · ${r.model}` : ''}
        </span>
      </>
    ),
  },
  {
    key: 'hashrate',
    priority: 3,
    label: 'Hash rate',
    align: 'right',
    compare: byDecimal((r) => r.nominalHs),
    render: (r) => formatHashrateAs(r.hashrate, r.hashrateUnit),
  },
  {
    key: 'quantity',
    priority: 3,
    label: 'Qty',
    align: 'right',
    compare: byNumber((r) => r.quantity),
    render: (r) => formatCount(r.quantity),
  },
  {
    key: 'power',
    priority: 4,
    label: 'Power each',
    align: 'right',
    compare: byDecimal((r) => r.powerWatts),
    render: (r) => formatWatts(r.powerWatts),
  },
  {
    key: 'efficiency',
    priority: 4,
    label: 'Efficiency',
    align: 'right',
    // Sorted in one unit (J/TH) so rigs of different coins compare; shown in their own.
    compare: byDecimal((r) => r.efficiencyJPerTh),
    render: (r) => (
      <Figure
        text={formatEfficiency(r.efficiency.value, r.efficiency.unit)}
        missing="Needs a hash rate and power draw."
      />
    ),
  },
  {
    key: 'profit',
    priority: 2,
    label: 'Profit (revenue)',
    align: 'right',
    compare: byDecimal((r) => r.profitUsdPerDay),
    render: (r) => (
      <span className="stack end">
        <span className={r.profitUsdPerDay?.startsWith('-') ? 'negative' : undefined}>
          <Figure text={formatUsdPerDay(r.profitUsdPerDay)} missing={NO_ECONOMICS} />
        </span>
        <span className="note">
          <Figure text={formatUsdPerDay(r.revenueUsdPerDay)} missing={NO_ECONOMICS} /> revenue
        </span>
        {r.revenueLostUsdPerDay !== null && dec(r.revenueLostUsdPerDay).gt(0) && (
          <span className="note loss" data-testid={`rig-revenue-lost-${r.id}`}>
            offline: losing {formatUsdPerDay(r.revenueLostUsdPerDay)}
          </span>
        )}
      </span>
    ),
  },
  {
    key: 'breakEven',
    priority: 4,
    label: 'Break-even',
    align: 'right',
    compare: byDecimal((r) => r.breakEvenPriceUsd),
    render: (r) => (
      <span className="stack end">
        <Figure
          text={r.breakEvenPriceUsd === null ? '—' : `${formatUsd(r.breakEvenPriceUsd)}/${r.coin}`}
          missing={NO_ECONOMICS}
        />
        <span className="note">
          or <Figure text={formatPerKwh(r.breakEvenPerKwh)} missing={NO_ECONOMICS} />
        </span>
      </span>
    ),
  },
  {
    key: 'live',
    label: 'Live',
    compare: byText((r) => (r.live?.online ? 'online' : 'offline')),
    render: (r) => <LiveStatus rig={r} />,
  },
];
