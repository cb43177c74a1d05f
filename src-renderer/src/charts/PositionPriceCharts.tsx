import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PositionView } from '#api/snapshot';
import { PriceHistoryChart } from './PriceHistoryChart';
import { RangePicker } from './RangePicker';
import type { TimeRange } from './time-range';

// On the Positions page: the price history of each traded asset, with every open
// position's liquidation and stop lines on it.

export function PositionPriceCharts({ positions }: { positions: readonly PositionView[] }) {
  const [range, setRange] = useState<TimeRange>('7d');
  const assets = [...new Set(positions.map((p) => p.baseAsset))].sort();
  if (assets.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="position-charts-heading" sx={{ mt: 3 }}>
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography id="position-charts-heading" variant="h6" component="h2">
          Prices and liquidation lines
        </Typography>
        <RangePicker range={range} onChange={setRange} />
      </Stack>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))',
          gap: 2,
        }}
      >
        {assets.map((asset) => (
          <PriceHistoryChart key={asset} asset={asset} range={range} positions={positions} />
        ))}
      </Box>
    </Box>
  );
}
