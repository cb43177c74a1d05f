import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, useState } from 'react';
import type { HashPower, LoanView, PositionView } from '#api/snapshot';
import { HashPowerChart } from './HashPowerChart';
import { LtvChart } from './LtvChart';
import { PriceHistoryChart } from './PriceHistoryChart';
import { ProfitChart } from './ProfitChart';
import { RangePicker } from './RangePicker';
import type { TimeRange } from './time-range';

// The Overview's charts: price history per asset in use with the positions'
// liquidation and stop lines, hash power per coin, profit per day and each loan's LTV.
// A farm may have hundreds of loans: each LTV chart loads its history and draws only once
// it comes near the view (HistoryChart's `whenVisible`).

export const ChartsSection = memo(function ChartsSection({
  assets,
  hashPower,
  loans,
  positions,
}: {
  assets: readonly string[];
  hashPower: readonly HashPower[];
  loans: readonly LoanView[];
  positions: readonly PositionView[];
}) {
  const [range, setRange] = useState<TimeRange>('7d');
  return (
    <section aria-labelledby="charts-heading">
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography id="charts-heading" variant="h6" component="h2">
          Charts
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
          <PriceHistoryChart
            key={`price-${asset}`}
            asset={asset}
            range={range}
            positions={positions}
          />
        ))}
        <ProfitChart range={range} />
        {hashPower.map((power) => (
          <HashPowerChart
            key={`hashpower-${power.coin}`}
            coin={power.coin}
            nominalHs={power.nominalHs}
            range={range}
          />
        ))}
        {loans.map((loan) => (
          <LtvChart key={`ltv-${loan.id}`} loan={loan} range={range} />
        ))}
      </Box>
    </section>
  );
});
