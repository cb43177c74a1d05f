import { useEffect, useRef } from 'react';
import type { Mute } from '#api/records';
import { useSnapshotSelect } from '../state/snapshot-context';
import { useQuery } from '../state/use-call';

// The mutes in force. A mute or unmute made in this page (`mutesChanged()`, called by the
// alert actions) asks again at once, in every part of the page that shows them; one made
// from another window or the tray is picked up with the next Snapshot, at most every
// MUTES_RECHECK_MS: while prices move a Snapshot arrives twice a second, and asking the
// host for the mutes each time would be a call per tick for nothing.

const MUTES_RECHECK_MS = 5_000;

const listeners = new Set<() => void>();

/** Tells every `useMutes` in this page that a mute was made or lifted here. */
export function mutesChanged(): void {
  for (const listener of listeners) listener();
}

export function useMutes(): { mutes: readonly Mute[]; reload(): Promise<void> } {
  const asOf = useSnapshotSelect((snapshot) => snapshot?.asOf);
  const query = useQuery('alerts.mutes', {});
  const { reload } = query;
  const lastAsked = useRef(Date.now());
  useEffect(() => {
    const listener = () => {
      lastAsked.current = Date.now();
      void reload();
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [reload]);
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
