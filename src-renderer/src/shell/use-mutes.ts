import { useEffect } from 'react';
import type { Mute } from '#api/records';
import { useSnapshot } from '../state/snapshot-context';
import { useQuery } from '../state/use-call';

// The mutes in force, asked again whenever the Snapshot changes (a mute or unmute from
// any window, or the tray, pushes a new Snapshot).

export function useMutes(): { mutes: readonly Mute[]; reload(): Promise<void> } {
  const snapshot = useSnapshot();
  const query = useQuery('alerts.mutes', {});
  const { reload } = query;
  const asOf = snapshot?.asOf;
  useEffect(() => {
    if (asOf !== undefined) void reload();
  }, [asOf, reload]);
  return { mutes: query.result ?? [], reload };
}

export function muteOf(mutes: readonly Mute[], subjectId: string): Mute | undefined {
  return mutes.find((m) => m.subjectId === subjectId);
}
