import type { HashPower } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { Bar } from '../../components/plain';
import { formatHashrate, formatPct, toBarPercent } from '../../format';

export function HashPowerCards({ hashPower }: { hashPower: readonly HashPower[] }) {
  if (hashPower.length === 0) {
    return <p className="text-body1 text-secondary">No rigs yet: add one on the Rigs page.</p>;
  }
  return (
    <div className="grid-cards">
      {hashPower.map((power) => {
        const share = power.livePct;
        return (
          <div className="card" key={power.coin} data-testid={`hashpower-${power.coin}`}>
            <div className="card-content">
              <div className="text-overline text-secondary">
                {power.coin} · {power.algorithm}
              </div>
              <div className="text-h5" data-testid={`hashpower-${power.coin}-nominal`}>
                {formatHashrate(power.nominalHs)}{' '}
                <span className="text-body2 text-secondary">nominal</span>
              </div>
              <div className="text-body2">
                Live{' '}
                <Figure
                  text={formatHashrate(power.liveHs)}
                  missing="No rig of this coin has reported a live hash rate."
                  testId={`hashpower-${power.coin}-live`}
                />
                {share !== null && ` (${formatPct(share, 1)} of nominal)`}
              </div>
              {power.liveHs !== null && (
                <div style={{ marginTop: 8 }}>
                  <Bar
                    value={toBarPercent(power.liveHs, power.nominalHs)}
                    tone={power.liveBelowThreshold ? 'warning' : 'primary'}
                    size="thin"
                    label={`${power.coin} live share of nominal`}
                  />
                </div>
              )}
              <div className="text-body2 text-secondary" style={{ marginTop: 8 }}>
                {power.rigsOnline} of {power.rigsTotal} {power.rigsTotal === 1 ? 'rig' : 'rigs'}{' '}
                reporting live
              </div>
            </div>
          </div>
        );
      })}
    </div>
  );
}
