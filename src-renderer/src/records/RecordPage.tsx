import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import { memo, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { z } from 'zod';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable, type Column } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { RowActions, type RowAction } from '../components/RowActions';
import { usePhoneWidth } from '../components/use-viewport';
import type { FieldSpec, FormValues } from '../forms/field-spec';
import { RecordForm } from '../forms/RecordForm';
import { useNotify } from '../shell/Notices';
import { useSnapshotState } from '../state/snapshot-context';
import { useRecordEditor } from '../state/use-record-editor';
import { RecordCards, type CardSpec } from './RecordCards';

// One page of records (Rigs, Loans, Positions): the heading with its Add button, the
// filterable table whose columns fold by priority (on a phone, one card per record built
// from the same columns: RecordCards.tsx), Edit and Remove on every row, the
// checked form for adding and editing, the confirmation before a removal, and where
// focus lands once a record is gone. The pages say only what differs: their columns,
// their form and the contract methods behind them. A removal is followed by a notice
// with Undo, which makes the record again with the same fields (shell/Notices.tsx).

/** The add/edit form: `record` is null when adding. */
export interface RecordFormSpec<T, S extends z.ZodType> {
  schema: S;
  fields(record: T | null): readonly FieldSpec[];
  initial(record: T | null, fields: readonly FieldSpec[]): FormValues;
  title(record: T | null): string;
  save(input: z.output<S>, record: T | null, fields: readonly FieldSpec[]): Promise<unknown>;
}

export interface RecordRemoval<T> {
  title(record: T): string;
  message(record: T): string;
  remove(record: T): Promise<unknown>;
  /** Makes the removed record again through the contract (the notice's "Undo"). */
  undo?(record: T): Promise<unknown>;
}

// A row's buttons re-render only when its name does, not at every price tick that changes
// the row's figures: they act on the record as it is when clicked (a page's extra actions
// are made from the latest record then, by its id).
const RecordActions = memo(function RecordActions({
  id,
  name,
  extras,
  recordOf,
  compact,
  onEdit,
  onRemove,
}: {
  id: string;
  name: string;
  extras: ((record: never) => RowAction[]) | undefined;
  recordOf(id: string): unknown;
  compact: boolean;
  onEdit(id: string): void;
  onRemove(id: string): void;
}) {
  const extra = useMemo(() => {
    if (extras === undefined) return undefined;
    const record = recordOf(id);
    if (record === undefined) return undefined;
    return extras(record as never).map((action, i) => ({
      ...action,
      onClick: () => {
        const latest = recordOf(id);
        (latest === undefined ? action : (extras(latest as never)[i] ?? action)).onClick();
      },
    }));
    // Made again when the row's name changes: the actions' names are made from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [extras, recordOf, id, name]);
  return (
    <RowActions
      name={name}
      onEdit={() => onEdit(id)}
      onRemove={() => onRemove(id)}
      extra={extra}
      compact={compact}
    />
  );
});

export function RecordPage<T, S extends z.ZodType>({
  title,
  addLabel,
  rows,
  columns,
  rowKey,
  describe,
  rowTestId,
  filterText,
  emptyText,
  details,
  rowExtras,
  card,
  form,
  removal,
  intro,
  children,
}: {
  title: string;
  addLabel: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(record: T): string;
  /** The record in a few words: names its buttons ("Edit S19 row 3") and details. */
  describe(record: T): string;
  rowTestId(record: T): string;
  filterText(record: T): string;
  emptyText: string;
  details?(record: T): ReactNode;
  /** More row actions, before Edit and Remove. */
  rowExtras?(record: T): RowAction[];
  /** How a record reads as a card on a phone; by default the columns that never fold. */
  card?: CardSpec<T>;
  form: RecordFormSpec<T, S>;
  removal: RecordRemoval<T>;
  /** A line between the heading and the table. */
  intro?: ReactNode;
  /** What follows the table: charts, the page's own dialogs. */
  children?: ReactNode;
}) {
  const { refresh } = useSnapshotState();
  const { editing, removing, actions } = useRecordEditor<T>();
  const addButton = useRef<HTMLButtonElement | null>(null);
  const phone = usePhoneWidth();
  const notify = useNotify();

  const latestRows = useRef(rows);
  useEffect(() => {
    latestRows.current = rows;
  }, [rows]);
  const recordOf = useCallback(
    (id: string) => latestRows.current.find((r) => rowKey(r) === id),
    [rowKey],
  );
  const onEdit = useCallback(
    (id: string) => {
      const record = recordOf(id);
      if (record !== undefined) actions.edit(record);
    },
    [recordOf, actions],
  );
  const onRemove = useCallback(
    (id: string) => {
      const record = recordOf(id);
      if (record !== undefined) actions.askRemove(record);
    },
    [recordOf, actions],
  );

  const allColumns = useMemo<Column<T>[]>(
    () => [
      ...columns,
      {
        key: 'actions',
        label: 'Actions',
        align: 'right',
        sticky: true,
        cellLabel: 'Actions',
        render: (record) => (
          <RecordActions
            id={rowKey(record)}
            name={describe(record)}
            extras={rowExtras as ((record: never) => RowAction[]) | undefined}
            recordOf={recordOf}
            compact={phone}
            onEdit={onEdit}
            onRemove={onRemove}
          />
        ),
      },
    ],
    [columns, describe, rowExtras, rowKey, recordOf, onEdit, onRemove, phone],
  );

  const cardActions = useCallback(
    (record: T) => (
      <RowActions
        name={describe(record)}
        onEdit={() => actions.edit(record)}
        onRemove={() => actions.askRemove(record)}
        extra={rowExtras?.(record)}
        touch
      />
    ),
    [describe, rowExtras, actions],
  );

  const record = editing.mode === 'edit' ? editing.record : null;
  const fields = editing.mode === 'closed' ? [] : form.fields(record);
  const noun = title.toLowerCase();

  // What the table and the phone's cards show alike.
  const listProps = {
    rows,
    rowKey,
    rowLabel: describe,
    rowTestId,
    filterText,
    filterLabel: `Filter ${noun}`,
    ariaLabel: title,
    emptyText,
    details,
  };
  return (
    <>
      <PageHeader
        title={title}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={actions.add} ref={addButton}>
            {addLabel}
          </Button>
        }
      />
      {intro}
      {phone ? (
        <RecordCards {...listProps} columns={columns} card={card} actions={cardActions} />
      ) : (
        <DataTable {...listProps} columns={allColumns} />
      )}
      {children}
      {editing.mode !== 'closed' && (
        <RecordForm
          title={form.title(record)}
          schema={form.schema}
          fields={fields}
          initial={form.initial(record, fields)}
          onClose={actions.close}
          onSubmit={async (input) => {
            await form.save(input, record, fields);
            await refresh();
          }}
        />
      )}
      {removing !== null && (
        <ConfirmDialog
          open
          title={removal.title(removing)}
          message={removal.message(removing)}
          confirmLabel="Remove"
          onClose={actions.cancelRemove}
          onConfirm={async () => {
            const gone = removing;
            const name = describe(gone);
            await removal.remove(gone);
            await refresh();
            const undo = removal.undo;
            notify({
              message: `Removed ${name}.`,
              severity: 'success',
              testId: 'removed-notice',
              action: undo && {
                label: 'Undo',
                name: `Undo removing ${name}`,
                run: async () => {
                  await undo(gone);
                  await refresh();
                  return `${name} is back.`;
                },
              },
            });
          }}
          fallbackFocus={() => addButton.current}
          originRow={() =>
            document.querySelector(
              `[data-record-row][data-testid="${CSS.escape(rowTestId(removing))}"]`,
            )
          }
        />
      )}
    </>
  );
}
