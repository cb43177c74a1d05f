import { useMemo } from 'react';
import type { ParamsOf } from '#api/methods';
import { rigInputSchema } from '#api/records';
import { recordInput } from '../../records/record-input';
import { minableCoins } from '#shared/coins';
import type { RigView } from '#api/snapshot';
import { SnapshotPending } from '../../components/Loading';
import { toFormValues, toPatch } from '../../forms/form-values';
import type { CardSpec } from '../../records/RecordCards';
import { RecordPage, type RecordFormSpec, type RecordRemoval } from '../../records/RecordPage';
import { useCall, useQuery } from '../../state/use-call';
import { useSnapshot } from '../../state/snapshot-context';
import { rigColumns } from './rig-columns';
import { RigDetails } from './RigDetails';
import { NEW_RIG, rigFormFields } from './rig-form-fields';

const describe = (rig: RigView) => rig.name;
const rowKey = (rig: RigView) => rig.id;
const rowTestId = (rig: RigView) => `rig-row-${rig.id}`;
const filterText = (rig: RigView) => `${rig.name} ${rig.model ?? ''} ${rig.coin} ${rig.status}`;
const details = (rig: RigView) => <RigDetails rig={rig} />;
// On a phone: the rig, whether it answers, and what it earns.
const card: CardSpec<RigView> = { title: 'name', status: 'live', figures: ['profit'] };

export function RigsPage() {
  const snapshot = useSnapshot();
  const call = useCall();

  // The coins offered are the ones the service accepts: built in, then Settings → Coins.
  const settings = useQuery('settings.get', {});
  const coins = useMemo(() => minableCoins(settings.result?.coins ?? []), [settings.result]);
  const form = useMemo(
    (): RecordFormSpec<RigView, typeof rigInputSchema> => ({
      schema: rigInputSchema,
      fields: () => rigFormFields(coins),
      initial: (rig, fields) => (rig ? toFormValues(fields, rig) : NEW_RIG),
      title: (rig) => (rig ? `Edit ${rig.name}` : 'Add rig'),
      save: async (input, rig, fields) => {
        if (rig) await call('rigs.update', { id: rig.id, patch: toPatch(fields, input) });
        else await call('rigs.create', input);
      },
    }),
    [coins, call],
  );
  const removal = useMemo(
    (): RecordRemoval<RigView> => ({
      title: (rig) => `Remove ${rig.name}?`,
      message: (rig) =>
        `This deletes the rig record “${rig.name}” (${rig.quantity} machines). Its history stays in backups.`,
      remove: (rig) => call('rigs.remove', { id: rig.id }),
      undo: (rig) =>
        call('rigs.create', recordInput(rigInputSchema.shape, rig) as ParamsOf<'rigs.create'>),
    }),
    [call],
  );

  if (!snapshot) return <SnapshotPending />;
  return (
    <RecordPage
      title="Rigs"
      addLabel="Add rig"
      rows={snapshot.rigs}
      columns={rigColumns}
      rowKey={rowKey}
      describe={describe}
      rowTestId={rowTestId}
      filterText={filterText}
      emptyText="No rigs yet. Add your first one with “Add rig”."
      details={details}
      card={card}
      form={form}
      removal={removal}
    />
  );
}
