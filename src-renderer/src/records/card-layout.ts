import type { Column } from '../components/DataTable';

// How a record's columns make its card on a phone (RecordCards.tsx, docs/dashboard.md
// "Cards on a phone").

/** Which columns make a card; figures may be columns the table does not show. */
export interface CardSpec<T> {
  /** The column whose content heads the card (default: the first column). */
  title?: string;
  /** The column holding the status chip, shown beside the heading. */
  status?: string;
  /** A column shown as plain text under the heading, without its label (an alert's message). */
  body?: string;
  /** The key figures under the heading (default: every other column that never folds). */
  figures?: readonly (string | Column<T>)[];
}

export interface CardLayout<T> {
  title: Column<T> | undefined;
  status: Column<T> | undefined;
  body: Column<T> | undefined;
  figures: Column<T>[];
  /** Behind "More about …", as folded columns are in the table; never the actions. */
  rest: Column<T>[];
}

/** How a card splits the columns: heading, status, key figures and the rest. */
export function cardLayout<T>(
  columns: readonly Column<T>[],
  spec: CardSpec<T> = {},
): CardLayout<T> {
  const byKey = (key: string | undefined) =>
    key === undefined ? undefined : columns.find((c) => c.key === key);
  const title = byKey(spec.title) ?? columns[0];
  const status = byKey(spec.status ?? 'status');
  const body = byKey(spec.body);
  const figures: Column<T>[] = spec.figures
    ? spec.figures.flatMap((f) => {
        const column = typeof f === 'string' ? byKey(f) : f;
        return column ? [column] : [];
      })
    : columns.filter(
        (c) =>
          c !== title &&
          c !== status &&
          c !== body &&
          (c.priority ?? 1) === 1 &&
          c.key !== 'actions',
      );
  const shown = new Set([title, status, body, ...figures]);
  const rest = columns.filter((c) => !shown.has(c) && c.key !== 'actions');
  return { title, status, body, figures, rest };
}
