import { useMemo, useState } from 'react';

// Which record a page is adding, editing or about to remove. `actions` is stable, so
// table columns built from it never need rebuilding.

export type Editing<T> = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; record: T };

export function useRecordEditor<T>() {
  const [editing, setEditing] = useState<Editing<T>>({ mode: 'closed' });
  const [removing, setRemoving] = useState<T | null>(null);
  const actions = useMemo(
    () => ({
      add: () => setEditing({ mode: 'add' }),
      edit: (record: T) => setEditing({ mode: 'edit', record }),
      close: () => setEditing({ mode: 'closed' }),
      askRemove: (record: T) => setRemoving(record),
      cancelRemove: () => setRemoving(null),
    }),
    [],
  );
  return { editing, removing, actions };
}
