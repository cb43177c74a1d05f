import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState, type ReactNode } from 'react';
import { DataTableBody } from './DataTableBody';

// A sortable, filterable table for records. Sorting uses each column's exact
// comparison (decimal strings compared as decimals); the filter matches any text a row
// offers through `filterText`. Long tables render only the rows in view (DataTableBody).

export interface Column<T> {
  key: string;
  label: string;
  align?: 'left' | 'right' | 'center';
  /** Lets long text wrap within this width (px) instead of widening the table. */
  wrapAt?: number;
  /** Keeps the column in view at the right edge when the table scrolls sideways. */
  sticky?: boolean;
  /**
   * Names every cell of the column, in place of its content (an actions cell would
   * otherwise be named after its buttons, "Edit Rack 1 Remove Rack 1").
   */
  cellLabel?: string;
  render(row: T): ReactNode;
  compare?(a: T, b: T): number;
}

type Direction = 'asc' | 'desc';

const stickySx = {
  position: 'sticky',
  right: 0,
  bgcolor: 'background.paper',
  boxShadow: '-6px 0 6px -6px rgba(0,0,0,0.25)',
} as const;

/** Above this many rows only the rows in view are rendered, in a scrolling box. */
export const VIRTUAL_ROWS_FROM = 60;

export function DataTable<T>({
  rows,
  columns,
  rowKey,
  filterText,
  filterLabel,
  emptyText,
  rowTestId,
  ariaLabel,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  filterText(row: T): string;
  filterLabel: string;
  emptyText: string;
  rowTestId?(row: T): string;
  ariaLabel: string;
}) {
  const [filter, setFilter] = useState('');
  const [sortKey, setSortKey] = useState<string | null>(null);
  const [direction, setDirection] = useState<Direction>('asc');

  const needle = filter.trim().toLowerCase();
  // Pages pass `filterText` inline: it only matters while a filter is typed.
  const matchText = needle ? filterText : null;
  const shown = useMemo(() => {
    const kept = matchText
      ? rows.filter((row) => matchText(row).toLowerCase().includes(needle))
      : [...rows];
    const column = columns.find((c) => c.key === sortKey);
    if (column?.compare) {
      const compare = column.compare;
      kept.sort((a, b) => (direction === 'asc' ? compare(a, b) : compare(b, a)));
    }
    return kept;
  }, [rows, columns, needle, matchText, sortKey, direction]);

  const sortBy = (key: string) => {
    if (sortKey === key) setDirection(direction === 'asc' ? 'desc' : 'asc');
    else {
      setSortKey(key);
      setDirection('asc');
    }
  };

  const virtual = rows.length >= VIRTUAL_ROWS_FROM;

  return (
    <Paper variant="outlined">
      <TextField
        label={filterLabel}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        size="small"
        sx={{ m: 1.5, width: 320 }}
        type="search"
      />
      <DataTableBody
        virtual={virtual}
        rows={shown}
        columns={columns}
        rowKey={rowKey}
        rowTestId={rowTestId}
        render={(body, scrollRef) => (
          <TableContainer ref={scrollRef} sx={virtual ? { maxHeight: '70vh' } : undefined}>
            <Table size="small" aria-label={ariaLabel} stickyHeader={virtual}>
              <TableHead>
                <TableRow>
                  {columns.map((column) => (
                    <TableCell
                      key={column.key}
                      align={column.align}
                      sortDirection={sortKey === column.key ? direction : false}
                      sx={[
                        { fontWeight: 600, px: 0.75, verticalAlign: 'bottom', lineHeight: 1.3 },
                        column.sticky === true && stickySx,
                        column.sticky === true && virtual && { zIndex: 3 },
                      ]}
                    >
                      {column.compare ? (
                        <TableSortLabel
                          active={sortKey === column.key}
                          direction={sortKey === column.key ? direction : 'asc'}
                          onClick={() => sortBy(column.key)}
                        >
                          {column.label}
                        </TableSortLabel>
                      ) : (
                        column.label
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>{body}</TableBody>
            </Table>
          </TableContainer>
        )}
      />
      {shown.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {rows.length === 0 ? emptyText : `Nothing matches “${filter.trim()}”.`}
        </Typography>
      )}
    </Paper>
  );
}
