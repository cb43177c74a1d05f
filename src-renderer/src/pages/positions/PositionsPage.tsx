import { useMemo } from 'react';
import { positionInputSchema } from '#api/records';
import type { PositionView } from '#api/snapshot';
import { PositionPriceCharts } from '../../charts/PositionPriceCharts';
import { SnapshotPending } from '../../components/Loading';
import { toFormValues, toPatch } from '../../forms/form-values';
import { RecordPage, type RecordFormSpec, type RecordRemoval } from '../../records/RecordPage';
import { useCall } from '../../state/use-call';
import { useSnapshot } from '../../state/snapshot-context';
import { positionColumns } from './position-columns';
import { newPositionValues, positionFormFields } from './position-form-fields';

const describe = (p: PositionView) => `${p.exchange} ${p.symbol} ${p.side}`;
const rowKey = (p: PositionView) => p.id;
const rowTestId = (p: PositionView) => `position-row-${p.id}`;
const filterText = (p: PositionView) =>
  `${p.account} ${p.exchange} ${p.symbol} ${p.side} ${p.status}`;

export function PositionsPage() {
  const snapshot = useSnapshot();
  const call = useCall();

  const form = useMemo(
    (): RecordFormSpec<PositionView, typeof positionInputSchema> => ({
      schema: positionInputSchema,
      fields: () => positionFormFields,
      initial: (p, fields) => (p ? toFormValues(fields, p) : newPositionValues()),
      title: (p) => (p ? `Edit ${describe(p)}` : 'Add position'),
      save: async (input, p, fields) => {
        if (p) await call('positions.update', { id: p.id, patch: toPatch(fields, input) });
        else await call('positions.create', input);
      },
    }),
    [call],
  );
  const removal = useMemo(
    (): RecordRemoval<PositionView> => ({
      title: (p) => `Remove ${describe(p)}?`,
      message: () => 'This deletes the position record. Close it on the exchange separately.',
      remove: (p) => call('positions.remove', { id: p.id }),
    }),
    [call],
  );

  if (!snapshot) return <SnapshotPending />;
  return (
    <RecordPage
      title="Positions"
      addLabel="Add position"
      rows={snapshot.positions}
      columns={positionColumns}
      rowKey={rowKey}
      describe={describe}
      rowTestId={rowTestId}
      filterText={filterText}
      emptyText="No positions yet. Record one with “Add position”."
      form={form}
      removal={removal}
    >
      <PositionPriceCharts positions={snapshot.positions} />
    </RecordPage>
  );
}
