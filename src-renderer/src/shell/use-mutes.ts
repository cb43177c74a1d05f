import { useEffect, useRef } from 'react';
import type { Mute } from '#api/records';
import { useSnapshotSelect } from '../state/snapshot-context';
import { useQuery } from '../state/use-call';

// The mutes in force. A mute or unmute made here asks again at once (`reload`); one made
// from another window or the tray is picked up with the next Snapshot, at most every
// MUTES_RECHECK_MS: while prices move a Snapshot arrives every quarter second.

const MUTES_RECHECK_MS = 5_000;

export function useMutes(): { mutes: readonly Mute[]; reload(): Promise<void> } {
  const asOf = useSnapshotSelect((snapshot) => snapshot?.asOf);
  const query = useQuery('alerts.mutes', {});
  const { reload } = query;
  const lastAsked = useRef(0);
  useEffect(() => {
    if (asOf === undefined || Date.now() - lastAsked.current < MUTES_RECHECK_MS) return;
    lastAsked.current = Date.now();
    void reload();
  }, [asOf, reload]);
  return { mutes: query.result ?? [], reload };
}

export function muteOf(mutes: readonly Mute[], subjectId: string): Mute | undefined {
  return mutes.find((m) => m.subjectId === subjectId);
}
