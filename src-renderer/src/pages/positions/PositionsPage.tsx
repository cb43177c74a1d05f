import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import AddIcon from '@mui/icons-material/Add';
import ClosePositionIcon from '@mui/icons-material/TaskAltOutlined';
import { useMemo, useState } from 'react';
import type { ResultOf } from '#api/methods';
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
import { formatUsd } from '../../format';
import { ClosePositionDialog } from './ClosePositionDialog';
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
  const [closing, setClosing] = useState<PositionView | null>(null);
  const [closed, setClosed] = useState<{
    name: string;
    result: ResultOf<'positions.close'>;
  } | null>(null);

  const columns = useMemo<Column<PositionView>[]>(
    () => [
      ...positionColumns,
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
            extra={
              <IconButton
                size="small"
                aria-label={`Close ${describe(p)}`}
                title="Close position (record its realised PnL)"
                onClick={() => setClosing(p)}
              >
                <ClosePositionIcon fontSize="small" />
              </IconButton>
            }
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
        title="Positions"
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={actions.add}>
            Add position
          </Button>
        }
      />
      {closed && (
        <Alert
          severity="success"
          role="status"
          sx={{ mb: 2 }}
          data-testid="position-closed"
          onClose={() => setClosed(null)}
        >
          {closed.name} closed at {formatUsd(closed.result.exitPrice)}: realised PnL{' '}
          {formatUsd(closed.result.realisedPnl.amountUsd)} recorded on{' '}
          {closed.result.realisedPnl.date} (Review → Realised PnL).
        </Alert>
      )}
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
      {closing && (
        <ClosePositionDialog
          position={closing}
          name={describe(closing)}
          today={snapshot.asOf.slice(0, 10)}
          onClose={() => setClosing(null)}
          onClosed={(result) => {
            setClosed({ name: describe(closing), result });
            setClosing(null);
          }}
        />
      )}
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
