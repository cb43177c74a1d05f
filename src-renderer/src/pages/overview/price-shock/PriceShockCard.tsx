import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Snapshot } from '#api/snapshot';
import { toRpcError } from '../../../api/rpc-failure';
import { useCall } from '../../../state/use-call';
import { ScenarioOutcome } from './ScenarioOutcome';
import { ShockSlider } from './ShockSlider';

// The stress test: a price shock per coin in use, sent to `scenario.run` once the slider
// rests for a moment. The service recomputes the whole farm at the shocked prices without
// storing anything; this card lists what that does to each position and each loan.

const DEBOUNCE_MS = 200;

type Shocks = Record<string, number>;

export function PriceShockCard({ snapshot }: { snapshot: Snapshot }) {
  const call = useCall();
  // Keyed by the list's text, so a new snapshot with the same coins re-runs nothing.
  const assetList = snapshot.assetsInUse
    .filter((asset) => snapshot.prices[asset] !== undefined)
    .join(',');
  const assets = useMemo(() => (assetList === '' ? [] : assetList.split(',')), [assetList]);
  const [shocks, setShocks] = useState<Shocks>({});
  const [outcome, setOutcome] = useState<{
    key: string;
    scenario: Snapshot | null;
    error: string | null;
  } | null>(null);
  const latest = useRef(0);

  const shocksPct = useMemo(() => {
    const pct: Record<string, string> = {};
    for (const asset of assets) {
      const value = shocks[asset] ?? 0;
      if (value !== 0) pct[asset] = String(value);
    }
    return pct;
  }, [assets, shocks]);
  const key = JSON.stringify(shocksPct);
  const shocked = Object.keys(shocksPct).length > 0;

  useEffect(() => {
    if (!shocked) return;
    const request = ++latest.current;
    const timer = setTimeout(() => {
      call('scenario.run', { shocksPct })
        .then((scenario) => {
          if (request === latest.current) setOutcome({ key, scenario, error: null });
        })
        .catch((cause: unknown) => {
          const failure = toRpcError(cause);
          console.error('RigLedger: scenario.run failed', failure);
          if (request === latest.current)
            setOutcome({ key, scenario: null, error: failure.message });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [call, shocksPct, key, shocked]);

  const current = outcome?.key === key ? outcome : null;

  return (
    <Card data-testid="stress-test" sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            Stress test
          </Typography>
          <Chip size="small" variant="outlined" color="info" label="Scenario — nothing is stored" />
        </Stack>
        {assets.length === 0 ? (
          <Typography color="text.secondary">
            No priced coin in use yet: add a rig, a loan or a position, and a price.
          </Typography>
        ) : (
          <>
            {assets.map((asset) => (
              <ShockSlider
                key={asset}
                asset={asset}
                shockPct={shocks[asset] ?? 0}
                priceUsd={current?.scenario?.prices[asset]?.usd ?? snapshot.prices[asset]?.usd}
                waiting={current === null}
                onChange={(pct) => setShocks((prev) => ({ ...prev, [asset]: pct }))}
              />
            ))}
            <Button size="small" onClick={() => setShocks({})} disabled={!shocked} sx={{ mt: 0.5 }}>
              Reset shocks
            </Button>
            <Box data-testid="stress-result" aria-live="polite" sx={{ mt: 1 }}>
              {!shocked ? (
                <Typography color="text.secondary">
                  Move a slider to shock a price: RigLedger recomputes every position and loan at
                  the shocked prices.
                </Typography>
              ) : current === null ? (
                <LinearProgress aria-label="Running the scenario" />
              ) : current.scenario === null ? (
                <Alert severity="error">The scenario could not be run: {current.error}</Alert>
              ) : (
                <ScenarioOutcome scenario={current.scenario} live={snapshot} />
              )}
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}
