import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { HashPower } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { formatHashrate, formatPct, toBarPercent } from '../../format';

export function HashPowerCards({ hashPower }: { hashPower: readonly HashPower[] }) {
  if (hashPower.length === 0) {
    return <Typography color="text.secondary">No rigs yet: add one on the Rigs page.</Typography>;
  }
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}
    >
      {hashPower.map((power) => {
        const share = power.livePct;
        return (
          <Card key={power.coin} data-testid={`hashpower-${power.coin}`}>
            <CardContent>
              <Typography variant="overline" color="text.secondary" component="div">
                {power.coin} · {power.algorithm}
              </Typography>
              <Typography
                variant="h5"
                component="div"
                data-testid={`hashpower-${power.coin}-nominal`}
              >
                {formatHashrate(power.nominalHs)}{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  nominal
                </Typography>
              </Typography>
              <Typography variant="body2" component="div">
                Live{' '}
                <Figure
                  text={formatHashrate(power.liveHs)}
                  missing="No rig of this coin has reported a live hash rate."
                  testId={`hashpower-${power.coin}-live`}
                />
                {share !== null && ` (${formatPct(share, 1)} of nominal)`}
              </Typography>
              {power.liveHs !== null && (
                <LinearProgress
                  variant="determinate"
                  value={toBarPercent(power.liveHs, power.nominalHs)}
                  color={power.liveBelowThreshold ? 'warning' : 'primary'}
                  sx={{ mt: 1, height: 6, borderRadius: 3 }}
                  aria-label={`${power.coin} live share of nominal`}
                />
              )}
              <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 1 }}>
                {power.rigsOnline} of {power.rigsTotal} {power.rigsTotal === 1 ? 'rig' : 'rigs'}{' '}
                reporting live
              </Typography>
            </CardContent>
          </Card>
        );
      })}
    </Box>
  );
}
