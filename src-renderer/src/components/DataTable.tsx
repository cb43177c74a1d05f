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

import {
  memo,
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { styled } from '@mui/material/styles';
import { DataTableBody, recordTableStyles } from './DataTableBody';
import { sortRows, type RowCompare } from './sorting';
import { useFittingColumns } from './use-fitting-columns';
import { usePhoneWidth } from './use-viewport';
import { visuallyHidden } from './visually-hidden';

// A sortable, filterable table for records. Sorting uses each column's exact
// comparison (decimal strings compared as decimals); the filter matches any text a row
// offers through `filterText`. Long tables render only the rows in view (DataTableBody).
// The table never scrolls sideways: columns the box cannot hold hide by priority and
// fold into each row's expandable details (use-fitting-columns.ts).

export interface Column<T> {
  key: string;
  label: string;
  align?: 'left' | 'right' | 'center';
  /** Lets long text wrap within this width (px) instead of widening the table. */
  wrapAt?: number;
  /** Keeps the column in view at the right edge (the row's actions). */
  sticky?: boolean;
  /**
   * How readily the column folds into the row's details when the table is too wide:
   * 1 (the default) always shows; the highest number folds first.
   */
  priority?: number;
  /**
   * Names every cell of the column, in place of its content (an actions cell would
   * otherwise be named after its buttons, "Edit Rack 1 Remove Rack 1").
   */
  cellLabel?: string;
  render(row: T): ReactNode;
  /** Made with sorting.ts (`byDecimal`, `byText`, …), so a sort reads each row once. */
  compare?: RowCompare<T>;
}

type Direction = 'asc' | 'desc';

const stickySx = {
  position: 'sticky',
  right: 0,
  bgcolor: 'background.paper',
  boxShadow: '-6px 0 6px -6px rgba(0,0,0,0.25)',
} as const;

// On a phone the arrow of a column not sorted by shows only on hover, without its room.
const inactiveSortIconTakesNoRoom = {
  '&:not(.Mui-active) .MuiTableSortLabel-icon': { display: 'none' },
  '&:not(.Mui-active):hover .MuiTableSortLabel-icon': { display: 'inline-block' },
} as const;

const RecordTable = styled(Table)(({ theme }) => recordTableStyles(theme));

// The filter box and the header re-render when what they show changes, not with every
// price tick that changes the rows (a TextField and ten sort buttons are most of a
// table's own work otherwise).

const FilterField = memo(function FilterField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      size="small"
      sx={{ m: 1.5, width: { xs: 'calc(100% - 24px)', sm: 320 } }}
      type="search"
    />
  );
});

function HeaderOf<T>({
  columns,
  expandable,
  sortKey,
  direction,
  sortBy,
  phone,
  virtual,
}: {
  columns: readonly Column<T>[];
  expandable: boolean;
  sortKey: string | null;
  direction: Direction;
  sortBy(key: string): void;
  phone: boolean;
  virtual: boolean;
}) {
  return (
    <TableHead>
      <TableRow>
        {expandable && (
          <TableCell sx={{ width: 36, px: 0.5 }}>
            <span style={visuallyHidden}>Details</span>
          </TableCell>
        )}
        {columns.map((column) => (
          <TableCell
            key={column.key}
            data-column={column.key}
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
                sx={phone ? inactiveSortIconTakesNoRoom : undefined}
              >
                {column.label}
              </TableSortLabel>
            ) : column.sticky === true && phone ? (
              // The row's buttons name themselves; the header's room goes to figures.
              <span style={visuallyHidden}>{column.label}</span>
            ) : (
              column.label
            )}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
const Header = memo(HeaderOf) as typeof HeaderOf;

/** Above this many rows only the rows in view are rendered, in a scrolling box. */
export const VIRTUAL_ROWS_FROM = 60;

export function DataTable<T>({
  rows: latestRows,
  columns,
  rowKey,
  rowLabel,
  filterText,
  filterLabel,
  emptyText,
  rowTestId,
  details,
  ariaLabel,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  /** The row's name in words, for its "Show details of …" button. */
  rowLabel(row: T): string;
  filterText(row: T): string;
  filterLabel: string;
  emptyText: string;
  rowTestId?(row: T): string;
  /** More about a row than its columns say, shown when the row is expanded. */
  details?(row: T): ReactNode;
  ariaLabel: string;
}) {
  const [filter, setFilter] = useState('');
  const [sortKey, setSortKey] = useState<string | null>(null);
  const [direction, setDirection] = useState<Direction>('asc');
  const scrollRef = useRef<HTMLDivElement | null>(null);

  const phone = usePhoneWidth();
  // New rows (a price tick changes most of a farm's) are sorted and drawn as a background
  // render that React cuts into slices of a few milliseconds, so the page answers clicks and
  // keys while a 2,000-row table catches up; the table shows the rows it has until then.
  const rows = useDeferredValue(latestRows);

  const needle = filter.trim().toLowerCase();
  // Pages pass `filterText` inline: it only matters while a filter is typed.
  const matchText = needle ? filterText : null;
  const shown = useMemo(() => {
    const kept = matchText
      ? rows.filter((row) => matchText(row).toLowerCase().includes(needle))
      : rows;
    const column = columns.find((c) => c.key === sortKey);
    return column?.compare ? sortRows(kept, column.compare, direction) : kept;
  }, [rows, columns, needle, matchText, sortKey, direction]);

  const sortBy = useCallback(
    (key: string) => {
      if (sortKey === key) setDirection(direction === 'asc' ? 'desc' : 'asc');
      else {
        setSortKey(key);
        setDirection('asc');
      }
    },
    [sortKey, direction],
  );

  const { visible, hidden } = useFittingColumns(columns, scrollRef, shown);
  const virtual = rows.length >= VIRTUAL_ROWS_FROM;
  const expandable = hidden.length > 0 || details !== undefined;

  return (
    <Paper variant="outlined">
      <FilterField label={filterLabel} value={filter} onChange={setFilter} />
      <DataTableBody
        virtual={virtual}
        rows={shown}
        columns={visible}
        hidden={hidden}
        expandable={expandable}
        details={details}
        rowKey={rowKey}
        rowLabel={rowLabel}
        rowTestId={rowTestId}
        scrollRef={scrollRef}
        render={(body) => (
          <TableContainer
            ref={scrollRef}
            sx={virtual ? { maxHeight: '70vh' } : undefined}
            data-testid="data-table-box"
          >
            <RecordTable size="small" aria-label={ariaLabel} stickyHeader={virtual}>
              <Header
                columns={visible}
                expandable={expandable}
                sortKey={sortKey}
                direction={direction}
                sortBy={sortBy}
                phone={phone}
                virtual={virtual}
              />
              <TableBody>{body}</TableBody>
            </RecordTable>
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
