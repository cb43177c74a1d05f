import { describe, expect, it } from 'vitest';
import type { Column } from '../components/DataTable';
import { cardLayout } from './card-layout';

const column = (key: string, priority?: number): Column<object> => ({
  key,
  label: key,
  ...(priority === undefined ? {} : { priority }),
  render: () => key,
});

const columns = [
  column('symbol'),
  column('size', 3),
  column('distance'),
  column('odds', 3),
  column('status'),
  column('actions'),
];
const keys = (list: readonly (Column<object> | undefined)[]) => list.map((c) => c?.key);

describe('cardLayout', () => {
  it('by default heads with the first column, chips the status and shows what never folds', () => {
    const layout = cardLayout(columns);
    expect(keys([layout.title, layout.status])).toEqual(['symbol', 'status']);
    expect(keys(layout.figures)).toEqual(['distance']);
    expect(keys(layout.rest)).toEqual(['size', 'odds']);
  });

  it('takes the page’s choice, with a figure the table does not have, and never the actions', () => {
    const extra = column('subject');
    const layout = cardLayout(columns, {
      title: 'odds',
      status: 'distance',
      body: 'size',
      figures: ['symbol', extra, 'missing'],
    });
    expect(keys([layout.title, layout.status, layout.body])).toEqual(['odds', 'distance', 'size']);
    expect(keys(layout.figures)).toEqual(['symbol', 'subject']);
    expect(keys(layout.rest)).toEqual(['status']);
  });
});
