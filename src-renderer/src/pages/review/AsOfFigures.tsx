import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Snapshot } from '#api/snapshot';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, formatUsd } from '../../format';
import { FarmFigures } from '../overview/FarmFigures';
import { PriceOrigin } from './PriceOrigin';

// The farm's headline figures as of the review date, and the prices behind them.

export function AsOfFigures({ snapshot }: { snapshot: Snapshot }) {
  const { farm } = snapshot;
  const assets = Object.keys(snapshot.prices).sort();
  return (
    <Stack spacing={2}>
      <FarmFigures farm={farm} collateralNote="at the prices below" />
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
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
