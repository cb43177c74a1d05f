import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import { useMemo, useState } from 'react';
import { positionInputSchema } from '#api/records';
import type { PositionView } from '#api/snapshot';
import { PositionPriceCharts } from '../../charts/PositionPriceCharts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { SnapshotPending } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RowActions } from '../../components/RowActions';
import { toFormValues, toPatch } from '../../forms/form-values';
import { RecordForm } from '../../forms/RecordForm';
import { useCall } from '../../state/use-call';
import { useRecordEditor } from '../../state/use-record-editor';
import { useSnapshot, useSnapshotState } from '../../state/snapshot-context';
import { FundingDialog } from './FundingDialog';
import { fundingColumn } from './funding-column';
import { positionColumns } from './position-columns';
import { newPositionValues, positionFormFields } from './position-form-fields';

function describe(p: PositionView): string {
  return `${p.exchange} ${p.symbol} ${p.side}`;
}

export function PositionsPage() {
  const snapshot = useSnapshot();
  const { refresh } = useSnapshotState();
  const call = useCall();
  const { editing, removing, actions } = useRecordEditor<PositionView>();
  const [fundingOf, setFundingOf] = useState<PositionView | null>(null);
  const offline = snapshot?.offline ?? false;

  const columns = useMemo<Column<PositionView>[]>(
    () => [
      ...positionColumns.slice(0, -1),
      fundingColumn(offline, setFundingOf),
      ...positionColumns.slice(-1),
      {
        key: 'actions',
        label: 'Actions',
        align: 'right',
        sticky: true,
        cellLabel: 'Actions',
        render: (p) => (
          <RowActions
            name={describe(p)}
            onEdit={() => actions.edit(p)}
            onRemove={() => actions.askRemove(p)}
          />
        ),
      },
    ],
    [actions, offline],
  );

  if (!snapshot) return <SnapshotPending />;
  return (
    <>
      <PageHeader
        title="Positions"
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={actions.add}>
            Add position
          </Button>
        }
      />
      <DataTable
        rows={snapshot.positions}
        columns={columns}
        rowKey={(p) => p.id}
        rowTestId={(p) => `position-row-${p.id}`}
        filterText={(p) => `${p.account} ${p.exchange} ${p.symbol} ${p.side} ${p.status}`}
        filterLabel="Filter positions"
        ariaLabel="Positions"
        emptyText="No positions yet. Record one with “Add position”."
      />
      <PositionPriceCharts positions={snapshot.positions} />
      {editing.mode !== 'closed' && (
        <RecordForm
          title={editing.mode === 'add' ? 'Add position' : `Edit ${describe(editing.record)}`}
          schema={positionInputSchema}
          fields={positionFormFields}
          initial={
            editing.mode === 'add'
              ? newPositionValues()
              : toFormValues(positionFormFields, editing.record)
          }
          onClose={actions.close}
          onSubmit={async (position) => {
            if (editing.mode === 'add') await call('positions.create', position);
            else
              await call('positions.update', {
                id: editing.record.id,
                patch: toPatch(positionFormFields, position),
              });
            await refresh();
          }}
        />
      )}
      {fundingOf && <FundingDialog position={fundingOf} onClose={() => setFundingOf(null)} />}
      {removing && (
        <ConfirmDialog
          open
          title={`Remove ${describe(removing)}?`}
          message="This deletes the position record. Close it on the exchange separately."
          confirmLabel="Remove"
          onClose={actions.cancelRemove}
          onConfirm={async () => {
            await call('positions.remove', { id: removing.id });
            await refresh();
          }}
        />
      )}
    </>
  );
}
