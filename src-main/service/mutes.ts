import type { Mute } from '#api/records';
import type { ServiceContext } from './context';

// The operator's mutes as shown beside the alerts: only the ones still in force, so the
// page can say "muted until …" and offer to lift them.

export function listActiveMutes(ctx: ServiceContext): Mute[] {
  const now = ctx.now().getTime();
  return structuredClone(
    ctx.store.data.mutes.filter((m) => m.until === undefined || Date.parse(m.until) > now),
  );
}

/** Lifts the subject's mute; lifting a subject that is not muted changes nothing. */
export async function unmuteSubject(
  ctx: ServiceContext,
  subjectId: string,
): Promise<Record<string, never>> {
  if (!ctx.store.data.mutes.some((m) => m.subjectId === subjectId)) return {};
  await ctx.store.update((db) => {
    db.mutes = db.mutes.filter((m) => m.subjectId !== subjectId);
  });
  await ctx.changed();
  return {};
}
