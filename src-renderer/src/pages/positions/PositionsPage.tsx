import Alert from '@mui/material/Alert';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { ParamsOf, ResultOf } from '#api/methods';
import { positionInputSchema } from '#api/records';
import { recordInput } from '../../records/record-input';
import type { PositionView } from '#api/snapshot';
import { PositionPriceCharts } from '../../charts/PositionPriceCharts';
import { Deferred, useAtMostEvery } from '../../components/Deferred';
import { SnapshotPending } from '../../components/Loading';
import { ICONS } from '../../components/plain-icon';
import type { RowAction } from '../../components/RowActions';
import { formatUsd } from '../../format';
import { toFormValues, toPatch } from '../../forms/form-values';
import type { CardSpec } from '../../records/RecordCards';
import { RecordPage, type RecordFormSpec, type RecordRemoval } from '../../records/RecordPage';
import { useCall } from '../../state/use-call';
import { useSnapshot } from '../../state/snapshot-context';
import { ClosePositionDialog } from './ClosePositionDialog';
import { FundingDialog } from './FundingDialog';
import { fundingColumn } from './funding-column';
import { positionColumns } from './position-columns';
import { newPositionValues, positionFormFields } from './position-form-fields';

const NO_POSITIONS: readonly PositionView[] = [];
/** The least time between two redraws of the price charts under the table. */
const CHARTS_EVERY_MS = 2_000;

const describe = (p: PositionView) => `${p.exchange} ${p.symbol} ${p.side}`;
const rowKey = (p: PositionView) => p.id;
const rowTestId = (p: PositionView) => `position-row-${p.id}`;
// On a phone: the position, its status and how far it is from liquidation.
const card: CardSpec<PositionView> = { title: 'symbol', status: 'status', figures: ['distance'] };
const filterText = (p: PositionView) =>
  `${p.account} ${p.exchange} ${p.symbol} ${p.side} ${p.status}`;

export function PositionsPage() {
  const snapshot = useSnapshot();
  const call = useCall();
  const [closing, setClosing] = useState<PositionView | null>(null);
  const [closed, setClosed] = useState<{
    name: string;
    result: ResultOf<'positions.close'>;
  } | null>(null);
  const [fundingOf, setFundingOf] = useState<PositionView | null>(null);
  const offline = snapshot?.offline ?? false;
  // The charts below the table are built once the rows are shown (when the page is idle or
  // they are scrolled near) and redrawn at most every two seconds, in a render that gives way
  // to anything urgent: each draws every position's liquidation and stop lines.
  const chartPositions = useDeferredValue(
    useAtMostEvery(snapshot?.positions ?? NO_POSITIONS, CHARTS_EVERY_MS),
  );

  // The funding figures sit before the status, as the last column of figures.
  const columns = useMemo(
    () => [...positionColumns.slice(0, -1), fundingColumn(offline), ...positionColumns.slice(-1)],
    [offline],
  );

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
      undo: (p) =>
        call(
          'positions.create',
          recordInput(positionInputSchema.shape, p) as ParamsOf<'positions.create'>,
        ),
    }),
    [call],
  );
  const rowExtras = useCallback(
    (p: PositionView): RowAction[] => [
      {
        label: 'Funding history',
        name: `Funding history of ${describe(p)}`,
        icon: ICONS.history,
        onClick: () => setFundingOf(p),
      },
      {
        label: 'Close',
        name: `Close ${describe(p)}`,
        icon: ICONS.taskDone,
        onClick: () => setClosing(p),
      },
    ],
    [],
  );

  if (!snapshot) return <SnapshotPending />;
  return (
    <RecordPage
      title="Positions"
      addLabel="Add position"
      rows={snapshot.positions}
      columns={columns}
      rowKey={rowKey}
      describe={describe}
      rowTestId={rowTestId}
      filterText={filterText}
      emptyText="No positions yet. Record one with “Add position”."
      form={form}
      removal={removal}
      rowExtras={rowExtras}
      card={card}
      intro={
        closed && (
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
        )
      }
    >
      <Deferred minHeight={360}>
        <PositionPriceCharts positions={chartPositions} />
      </Deferred>
      {fundingOf && <FundingDialog position={fundingOf} onClose={() => setFundingOf(null)} />}
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
    </RecordPage>
  );
}
