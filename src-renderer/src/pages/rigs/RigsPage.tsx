import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import { useMemo } from 'react';
import { rigInputSchema } from '#api/records';
import { minableCoins } from '#shared/coins';
import type { RigView } from '#api/snapshot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { SnapshotPending } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RowActions } from '../../components/RowActions';
import { toFormValues, toPatch } from '../../forms/form-values';
import { RecordForm } from '../../forms/RecordForm';
import { useCall, useQuery } from '../../state/use-call';
import { useRecordEditor } from '../../state/use-record-editor';
import { useSnapshot, useSnapshotState } from '../../state/snapshot-context';
import { rigColumns } from './rig-columns';
import { NEW_RIG, rigFormFields } from './rig-form-fields';

export function RigsPage() {
  const snapshot = useSnapshot();
  const { refresh } = useSnapshotState();
  const call = useCall();
  const { editing, removing, actions } = useRecordEditor<RigView>();

  // The coins offered are the ones the service accepts: built in, then Settings → Coins.
  const settings = useQuery('settings.get', {});
  const coins = useMemo(() => minableCoins(settings.result?.coins ?? []), [settings.result]);
  const fields = useMemo(() => rigFormFields(coins), [coins]);
  const columns = useMemo<Column<RigView>[]>(
    () => [
      ...rigColumns,
      {
        key: 'actions',
        label: 'Actions',
        align: 'right',
        sticky: true,
        cellLabel: 'Actions',
        render: (rig) => (
          <RowActions
            name={rig.name}
            onEdit={() => actions.edit(rig)}
            onRemove={() => actions.askRemove(rig)}
          />
        ),
      },
    ],
    [actions],
  );

  if (!snapshot) return <SnapshotPending />;
  return (
    <>
      <PageHeader
        title="Rigs"
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={actions.add}>
            Add rig
          </Button>
        }
      />
      <DataTable
        rows={snapshot.rigs}
        columns={columns}
        rowKey={(rig) => rig.id}
        rowTestId={(rig) => `rig-row-${rig.id}`}
        filterText={(rig) => `${rig.name} ${rig.model ?? ''} ${rig.coin} ${rig.status}`}
        filterLabel="Filter rigs"
        ariaLabel="Rigs"
        emptyText="No rigs yet. Add your first one with “Add rig”."
      />
      {editing.mode !== 'closed' && (
        <RecordForm
          title={editing.mode === 'add' ? 'Add rig' : `Edit ${editing.record.name}`}
          schema={rigInputSchema}
          fields={fields}
          initial={editing.mode === 'add' ? NEW_RIG : toFormValues(fields, editing.record)}
          onClose={actions.close}
          onSubmit={async (rig) => {
            if (editing.mode === 'add') await call('rigs.create', rig);
            else await call('rigs.update', { id: editing.record.id, patch: toPatch(fields, rig) });
            await refresh();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          open
          title={`Remove ${removing.name}?`}
          message={`This deletes the rig record “${removing.name}” (${removing.quantity} machines). Its history stays in backups.`}
          confirmLabel="Remove"
          onClose={actions.cancelRemove}
          onConfirm={async () => {
            await call('rigs.remove', { id: removing.id });
            await refresh();
          }}
        />
      )}
    </>
  );
}
