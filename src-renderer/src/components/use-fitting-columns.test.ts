import { describe, expect, it } from 'vitest';
import type { Column } from './DataTable';
import { hidingOrder } from './use-fitting-columns';

const column = (key: string, priority?: number): Column<unknown> => ({
  key,
  label: key,
  render: () => key,
  ...(priority === undefined ? {} : { priority }),
});

describe('which columns fold first when a table is too wide', () => {
  it('folds the highest priority number first, and the rightmost among equals', () => {
    const columns = [
      column('name'),
      column('size', 3),
      column('mark', 4),
      column('liquidation', 2),
      column('stop', 4),
      column('status', 1),
      column('actions'),
    ];
    expect(hidingOrder(columns)).toEqual(['stop', 'mark', 'size', 'liquidation']);
  });

  it('never folds a column of priority 1 or without one', () => {
    expect(hidingOrder([column('name'), column('status', 1)])).toEqual([]);
  });
});
