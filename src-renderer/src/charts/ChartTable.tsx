import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { formatDateTime, MISSING } from '../format';
import type { HistoryPoints } from './use-history';

// A chart's figures as a table, for screen readers and for anyone who would rather read
// numbers than a line: one row per recorded time, newest first, one column per series,
// each value the stored decimal formatted with its unit.

/** Rows shown at most; a long range says how many more points the chart draws. */
const MAX_ROWS = 200;

export function ChartTable({
  title,
  series,
  points,
  formatValue,
  height,
}: {
  title: string;
  series: readonly { name: string; label: string }[];
  points: Record<string, HistoryPoints>;
  formatValue(value: string): string;
  height: number;
}) {
  const rows = useMemo(() => {
    const byTime = new Map<string, Map<string, string>>();
    for (const { name } of series) {
      for (const [at, value] of points[name] ?? []) {
        const row = byTime.get(at) ?? new Map<string, string>();
        row.set(name, value);
        byTime.set(at, row);
      }
    }
    return [...byTime.entries()].sort(([a], [b]) => b.localeCompare(a));
  }, [series, points]);
  const shown = rows.slice(0, MAX_ROWS);
  return (
    <Box sx={{ maxHeight: height, overflow: 'auto' }} tabIndex={0} aria-label={`${title} table`}>
      <Table size="small" stickyHeader aria-label={`${title}, figures`}>
        <TableHead>
          <TableRow>
            <TableCell>Time</TableCell>
            {series.map((s) => (
              <TableCell key={s.name} align="right">
                {s.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(([at, values]) => (
            <TableRow key={at}>
              <TableCell>{formatDateTime(at)}</TableCell>
              {series.map((s) => {
                const value = values.get(s.name);
                return (
                  <TableCell key={s.name} align="right">
                    {value === undefined ? MISSING : formatValue(value)}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length > shown.length && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ p: 1 }}>
          The latest {MAX_ROWS} of {rows.length} recorded times; a shorter range shows them all.
        </Typography>
      )}
    </Box>
  );
}
