import type { PositionView } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { StatusChip, toneOf } from '../../components/StatusChip';
import { ThresholdBar, type Tick } from '../../components/ThresholdBar';
import { formatLeverage, formatPct, formatUsd, toBarPercent } from '../../format';
import { useQuery } from '../../state/use-call';

// How far each position's mark is from its liquidation price. The bar spans 0–25 %
// distance, with the operator's critical and warning thresholds (Settings → Alert
// thresholds) marked once they are known.

const BAR_SPAN_PCT = '25';

interface PositionThresholds {
  positionWarningPct: string;
  positionCriticalPct: string;
}

function thresholdTicks(thresholds: PositionThresholds | undefined): Tick[] {
  if (!thresholds) return [];
  return [
    {
      at: toBarPercent(thresholds.positionCriticalPct, BAR_SPAN_PCT),
      label: `Critical at ${formatPct(thresholds.positionCriticalPct)} distance`,
      tone: 'error',
    },
    {
      at: toBarPercent(thresholds.positionWarningPct, BAR_SPAN_PCT),
      label: `Warning at ${formatPct(thresholds.positionWarningPct)} distance`,
      tone: 'warning',
    },
  ];
}

function PositionDistance({
  position,
  thresholds,
}: {
  position: PositionView;
  thresholds: PositionThresholds | undefined;
}) {
  const tone = toneOf(position.status);
  const noLiq =
    position.liquidationPrice === null && position.markPrice !== null
      ? 'No liquidation price: the margin covers any move.'
      : 'No mark price for this asset yet.';
  return (
    <div
      className="stack"
      data-testid={`position-distance-${position.id}`}
      style={{ padding: '8px 0' }}
    >
      <div className="row">
        <p className="text-body1 text-strong grow">
          {position.exchange} {position.symbol} {position.side} {formatLeverage(position.leverage)}
        </p>
        {position.stopPastLiquidation && (
          <StatusChip status="danger" label="Stop past liquidation" />
        )}
        {position.priceStale && <StatusChip status="stale" label="Stale or disputed price" />}
        <StatusChip status={position.status} priceStale={position.priceStale} />
      </div>
      <ThresholdBar
        value={
          position.status === 'breached' || position.status === 'check'
            ? 0
            : toBarPercent(position.distanceToLiquidationPct, BAR_SPAN_PCT)
        }
        color={tone === 'default' ? 'inherit' : tone}
        label={`${position.symbol} distance to liquidation`}
        ticks={thresholdTicks(thresholds)}
      />
      <div className="text-body2 text-secondary">
        <Figure text={formatPct(position.distanceToLiquidationPct)} missing={noLiq} /> to
        liquidation · mark{' '}
        <Figure text={formatUsd(position.markPrice)} missing="No mark price for this asset yet." />{' '}
        · liquidation <Figure text={formatUsd(position.liquidationPrice)} missing={noLiq} />
        {position.liquidationShared && ' (shared by the hedge-mode legs)'}
      </div>
      {position.checkReason && <p className="text-body2 tone-warning">{position.checkReason}</p>}
    </div>
  );
}

export function PositionDistanceList({ positions }: { positions: readonly PositionView[] }) {
  const settings = useQuery('settings.get', {});
  const thresholds = settings.result?.thresholds;
  return (
    <div className="card card-full">
      <div className="card-content">
        <h2 className="text-h6">Positions</h2>
        {positions.length === 0 ? (
          <p className="text-body1 text-secondary">No open positions.</p>
        ) : (
          positions.map((position) => (
            <PositionDistance key={position.id} position={position} thresholds={thresholds} />
          ))
        )}
      </div>
    </div>
  );
}
