import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { StatusChip } from '../../components/StatusChip';
import { MISSING } from '../../format';

// The per-row verdict of an import dry run: which line (or entry), and what is wrong.

export interface ReportRow {
  key: string;
  /** "Line 3" or "Position 2". */
  place: string;
  ok: boolean;
  skipped?: boolean;
  /** What a skipped row was: "skipped (closed)" unless said. */
  skippedLabel?: string;
  name?: string;
  error?: string;
}

export function ImportReport({
  rows,
  message,
  placeLabel,
  ready,
}: {
  rows: readonly ReportRow[];
  message: string;
  placeLabel: string;
  ready: boolean;
}) {
  return (
    <>
      <Alert
        severity={!ready ? 'error' : rows.some((r) => !r.ok) ? 'warning' : 'info'}
        role={ready ? 'status' : 'alert'}
        sx={{ mb: 1 }}
      >
        {message}
      </Alert>
      <TableContainer component={Box} sx={{ maxHeight: 360 }}>
        <Table size="small" stickyHeader aria-label="Import check, row by row">
          <TableHead>
            <TableRow>
              <TableCell>{placeLabel}</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Check</TableCell>
              <TableCell>Problem</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} data-testid={`import-row-${row.key}`}>
                <TableCell>{row.place}</TableCell>
                <TableCell>{row.name ?? MISSING}</TableCell>
                <TableCell>
                  {row.skipped ? (
                    <StatusChip status="info" label={row.skippedLabel ?? 'skipped (closed)'} />
                  ) : (
                    <StatusChip
                      status={row.ok ? 'ok' : 'critical'}
                      label={row.ok ? 'ok' : 'error'}
                    />
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'normal', maxWidth: 420 }}>
                  {row.error ?? ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
