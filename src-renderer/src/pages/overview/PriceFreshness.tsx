import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
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
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          Prices
        </Typography>
        {assets.length === 0 ? (
          <Typography color="text.secondary">
            No prices yet: refresh the feeds or set one by hand in Settings.
          </Typography>
        ) : (
          <Table size="small" aria-label="Prices">
            <TableHead>
              <TableRow>
                <TableCell>Asset</TableCell>
                <TableCell align="right">Price</TableCell>
                <TableCell>Source</TableCell>
                <TableCell>Age</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {assets.map((asset) => {
                const entry = prices[asset]!;
                return (
                  <TableRow key={asset} data-testid={`price-${asset}`}>
                    <TableCell sx={{ fontWeight: 600 }}>{asset}</TableCell>
                    <TableCell align="right">{formatUsd(entry.usd)}</TableCell>
                    <TableCell>{entry.source}</TableCell>
                    <TableCell title={formatDateTime(entry.at)}>
                      {formatAge(entry.ageSec + sinceSnapshotSec)}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5}>
                        {entry.manual && <StatusChip status="manual" />}
                        {entry.stale && <StatusChip status="stale" />}
                        {entry.disputed && <StatusChip status="disputed" />}
                        {entry.singleSource && (
                          <StatusChip status="disputed" label="Single source" />
                        )}
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
