import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { styled } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type ReactNode, type RefObject } from 'react';
import type { Column } from './DataTable';

// The rows of a DataTable. A long table renders only the rows in view plus a few either
// side (TanStack Virtual), with spacer rows keeping the scroll height; each row is
// memoised on its record, so a delta that changed one record re-renders one row. Cell
// styles are one static class, not a style object per cell.

const ESTIMATED_ROW_PX = 41;
const OVERSCAN_ROWS = 8;

const Cell = styled(TableCell)(({ theme }) => ({
  whiteSpace: 'nowrap',
  padding: '6px',
  verticalAlign: 'top',
  fontSize: '0.8125rem',
  '&.wrap': { whiteSpace: 'normal' },
  '&.sticky': {
    position: 'sticky',
    right: 0,
    backgroundColor: theme.palette.background.paper,
    boxShadow: '-6px 0 6px -6px rgba(0,0,0,0.25)',
  },
}));

interface RowProps<T> {
  row: T;
  columns: readonly Column<T>[];
  testId: string | undefined;
  index?: number;
  measure?: (element: HTMLTableRowElement | null) => void;
}

function RowOf<T>({ row, columns, testId, index, measure }: RowProps<T>) {
  return (
    <TableRow hover data-testid={testId} data-index={index} ref={measure}>
      {columns.map((column) => (
        <Cell
          key={column.key}
          align={column.align}
          aria-label={column.cellLabel}
          className={
            [column.wrapAt ? 'wrap' : '', column.sticky === true ? 'sticky' : '']
              .join(' ')
              .trim() || undefined
          }
          style={
            column.wrapAt
              ? { minWidth: Math.min(160, column.wrapAt), maxWidth: column.wrapAt }
              : undefined
          }
        >
          {column.render(row)}
        </Cell>
      ))}
    </TableRow>
  );
}

// Re-renders only when its record, the columns or its place change.
const Row = memo(RowOf) as typeof RowOf;

interface BodyProps<T> {
  virtual: boolean;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  rowTestId?(row: T): string;
  render(body: ReactNode, scrollRef: RefObject<HTMLDivElement | null>): ReactNode;
}

export function DataTableBody<T>(props: BodyProps<T>) {
  return props.virtual ? <VirtualBody {...props} /> : <AllRows {...props} />;
}

function AllRows<T>({ rows, columns, rowKey, rowTestId, render }: BodyProps<T>) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  return render(
    rows.map((row) => (
      <Row key={rowKey(row)} row={row} columns={columns} testId={rowTestId?.(row)} />
    )),
    scrollRef,
  );
}

function VirtualBody<T>({ rows, columns, rowKey, rowTestId, render }: BodyProps<T>) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
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
  const span = columns.length;
  return render(
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
    scrollRef,
  );
}
