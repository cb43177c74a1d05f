import IconButton from '@mui/material/IconButton';
import type { CSSObject, Theme } from '@mui/material/styles';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useState, type ReactNode, type RefObject } from 'react';
import type { Column } from './DataTable';
import { RowDetails } from './RowDetails';

// The rows of a DataTable. A long table renders only the rows in view plus a few either
// side (TanStack Virtual), with spacer rows keeping the scroll height; each row is
// memoised on its record, so a delta that changed one record re-renders one row. Rows and
// cells are plain elements styled by classes from the table (recordTableStyles), not a
// styled component each. Columns folded away for
// want of room, and a row's details, open under the row from its leading button.

const ESTIMATED_ROW_PX = 41;
const OVERSCAN_ROWS = 8;
// A wrapping column keeps room for a short word or two even on a phone.
const WRAP_MIN_PX = 110;

/**
 * The styles of the body's rows and cells, given once to the table (DataTable.tsx): the
 * rows and cells themselves are plain elements with classes, so re-rendering a row styles
 * nothing (docs/architecture.md "The dashboard's speed"). They read as MUI's small table.
 */
export function recordTableStyles(theme: Theme): CSSObject {
  const palette = (theme.vars ?? theme).palette;
  return {
    '& tr.record-row': {
      color: 'inherit',
      verticalAlign: 'middle',
      outline: 0,
      '&:hover': { backgroundColor: palette.action.hover },
    },
    '& td.cell': {
      ...(theme.typography.body2 as CSSObject),
      color: palette.text.primary,
      borderBottom: `1px solid ${theme.vars?.palette.TableCell.border ?? theme.palette.divider}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
      padding: '6px',
      verticalAlign: 'top',
      fontSize: '0.8125rem',
      [theme.breakpoints.down('sm')]: { padding: '6px 4px' },
      '&.right': { textAlign: 'right' },
      '&.center': { textAlign: 'center' },
      '&.wrap': { whiteSpace: 'normal' },
      '&.toggle': { width: 36, padding: '2px' },
      '&.sticky': {
        position: 'sticky',
        right: 0,
        // The scheme's variable: `theme.palette` is the light scheme's whatever is shown.
        backgroundColor: palette.background.paper,
        boxShadow: '-6px 0 6px -6px rgba(0,0,0,0.25)',
      },
      // What a column's cell may hold, as classes rather than a styled component each:
      // a figure over its note, right-aligned.
      '& .stack': { display: 'flex', flexDirection: 'column' },
      '& .stack.end': { alignItems: 'flex-end' },
      '& .inline': { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
      '& .name': { ...(theme.typography.body2 as CSSObject), display: 'block', fontWeight: 600 },
      '& .body': { ...(theme.typography.body2 as CSSObject) },
      '& .note': {
        ...(theme.typography.caption as CSSObject),
        color: palette.text.secondary,
      },
      '& .note.loss': { color: palette.error.main },
      '& .negative': { color: palette.error.main },
    },
  };
}

function cellClass<T>(column: Column<T>): string {
  let name = 'cell';
  if (column.align === 'right' || column.align === 'center') name += ` ${column.align}`;
  if (column.wrapAt) name += ' wrap';
  if (column.sticky === true) name += ' sticky';
  return name;
}

// The row's details button: re-rendered when it opens or the row's name changes, not at
// every tick that changes the row's figures.
const DetailsToggle = memo(function DetailsToggle({
  open,
  controls,
  label,
  onToggle,
}: {
  open: boolean;
  controls: string | undefined;
  label: string;
  onToggle(open: boolean): void;
}) {
  return (
    <IconButton
      size="small"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      aria-label={`${open ? 'Hide' : 'Show'} details of ${label}`}
      onClick={() => onToggle(!open)}
    >
      <ExpandMoreIcon fontSize="small" style={open ? { transform: 'rotate(180deg)' } : undefined} />
    </IconButton>
  );
});

interface RowProps<T> {
  row: T;
  columns: readonly Column<T>[];
  hidden: readonly Column<T>[];
  expandable: boolean;
  details: ((row: T) => ReactNode) | undefined;
  label: string;
  testId: string | undefined;
  index?: number;
  measure?: (element: HTMLTableRowElement | null) => void;
}

function RowOf<T>(props: RowProps<T>) {
  const { row, columns, hidden, expandable, details, label, testId, index, measure } = props;
  const [open, setOpen] = useState(false);
  const detailsId = testId ? `${testId}-details` : undefined;
  return (
    <>
      <tr
        className="record-row"
        data-record-row
        data-testid={testId}
        data-index={index}
        ref={measure}
      >
        {expandable && (
          <td className="cell toggle" aria-label="Details">
            <DetailsToggle open={open} controls={detailsId} label={label} onToggle={setOpen} />
          </td>
        )}
        {columns.map((column) => (
          <td
            key={column.key}
            aria-label={column.cellLabel}
            className={cellClass(column)}
            style={
              column.wrapAt
                ? { minWidth: Math.min(WRAP_MIN_PX, column.wrapAt), maxWidth: column.wrapAt }
                : undefined
            }
          >
            {column.render(row)}
          </td>
        ))}
      </tr>
      {open && (
        <tr className="record-row" data-testid={detailsId} id={detailsId}>
          <td colSpan={columns.length + 1} className="cell wrap">
            <RowDetails row={row} hidden={hidden} details={details} />
          </td>
        </tr>
      )}
    </>
  );
}

// Re-renders only when its record, the columns or its place change.
const Row = memo(RowOf) as typeof RowOf;

interface BodyProps<T> {
  virtual: boolean;
  rows: readonly T[];
  columns: readonly Column<T>[];
  hidden: readonly Column<T>[];
  expandable: boolean;
  details: ((row: T) => ReactNode) | undefined;
  rowKey(row: T): string;
  rowLabel(row: T): string;
  rowTestId?(row: T): string;
  scrollRef: RefObject<HTMLDivElement | null>;
  render(body: ReactNode): ReactNode;
}

export function DataTableBody<T>(props: BodyProps<T>) {
  return props.virtual ? <VirtualBody {...props} /> : <AllRows {...props} />;
}

function AllRows<T>(props: BodyProps<T>) {
  const { rows, columns, hidden, expandable, details, rowKey, rowLabel, rowTestId } = props;
  return props.render(
    rows.map((row) => (
      <Row
        key={rowKey(row)}
        row={row}
        columns={columns}
        hidden={hidden}
        expandable={expandable}
        details={details}
        label={rowLabel(row)}
        testId={rowTestId?.(row)}
      />
    )),
  );
}

function VirtualBody<T>(props: BodyProps<T>) {
  const { rows, columns, hidden, expandable, details, rowKey, rowLabel, rowTestId } = props;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => props.scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const span = columns.length + (expandable ? 1 : 0);
  return props.render(
    <>
      {before > 0 && (
        <tr aria-hidden style={{ height: before }}>
          <td colSpan={span} style={{ padding: 0, border: 0 }} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index];
        if (row === undefined) return null;
        return (
          <Row
            key={item.key}
            row={row}
            columns={columns}
            hidden={hidden}
            expandable={expandable}
            details={details}
            label={rowLabel(row)}
            testId={rowTestId?.(row)}
            index={item.index}
            measure={virtualizer.measureElement}
          />
        );
      })}
      {after > 0 && (
        <tr aria-hidden style={{ height: after }}>
          <td colSpan={span} style={{ padding: 0, border: 0 }} />
        </tr>
      )}
    </>,
  );
}
