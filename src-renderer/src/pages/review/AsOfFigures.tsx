import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Snapshot } from '../../../../src-main/api/snapshot';
import { Figure } from '../../components/Figure';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, formatFactor, formatUsd, formatUsdPerDay } from '../../format';
import { PriceOrigin } from './PriceOrigin';

// The farm's headline figures as of the review date, and the prices behind them.

const NO_REVENUE = 'Needs a coin price and network difficulty for every mining coin.';

function Tile({
  label,
  text,
  missing,
  testId,
  note,
}: {
  label: string;
  text: string;
  missing?: string;
  testId: string;
  note: string;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography
        variant="overline"
        color="text.secondary"
        component="div"
        sx={{ lineHeight: 1.6 }}
      >
        {label}
      </Typography>
      <Typography variant="h6" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        <Figure text={text} missing={missing} testId={testId} />
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {note}
      </Typography>
    </Paper>
  );
}

export function AsOfFigures({ snapshot }: { snapshot: Snapshot }) {
  const { farm } = snapshot;
  const assets = Object.keys(snapshot.prices).sort();
  return (
    <Stack spacing={2}>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
          gap: 1.5,
        }}
      >
        <Tile
          label="Farm revenue"
          text={formatUsdPerDay(farm.revenueUsdPerDay)}
          missing={NO_REVENUE}
          testId="review-farm-revenue"
          note="after pool fees"
        />
        <Tile
          label="Power cost"
          text={formatUsdPerDay(farm.powerCostUsdPerDay)}
          testId="review-farm-power-cost"
          note="rigs as configured"
        />
        <Tile
          label="Farm profit"
          text={formatUsdPerDay(farm.profitUsdPerDay)}
          missing={NO_REVENUE}
          testId="review-farm-profit"
          note="revenue minus power"
        />
        <Tile
          label="Debt"
          text={formatUsd(farm.debtUsd)}
          testId="review-farm-debt"
          note="outstanding on all loans"
        />
        <Tile
          label="Collateral"
          text={formatUsd(farm.collateralUsd)}
          missing="Needs a price for every collateral asset."
          testId="review-farm-collateral"
          note="at the prices below"
        />
        <Tile
          label="Worst health factor"
          text={formatFactor(farm.worstHealthFactor)}
          missing="No loan with a priced collateral."
          testId="review-farm-worst-health"
          note="below 1.00 liquidates"
        />
      </Box>
      <Paper variant="outlined">
        <Table size="small" aria-label="Prices used">
          <TableHead>
            <TableRow>
              <TableCell>Asset</TableCell>
              <TableCell align="right">Price</TableCell>
              <TableCell>Source</TableCell>
              <TableCell>Recorded</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {assets.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>
                  <Typography color="text.secondary" variant="body2">
                    No prices were known at that date.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {assets.map((asset) => {
              const entry = snapshot.prices[asset]!;
              return (
                <TableRow key={asset} data-testid={`review-price-${asset}`}>
                  <TableCell sx={{ fontWeight: 600 }}>{asset}</TableCell>
                  <TableCell align="right">{formatUsd(entry.usd)}</TableCell>
                  <TableCell>{entry.source}</TableCell>
                  <TableCell>{formatDateTime(entry.at)}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5}>
                      <PriceOrigin entry={entry} />
                      {entry.manual && <StatusChip status="manual" />}
                      {entry.stale && <StatusChip status="stale" />}
                      {entry.disputed && <StatusChip status="disputed" />}
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
