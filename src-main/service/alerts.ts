import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import type { Alert } from '#api/records';
import type { RigLive } from '#api/snapshot';
import { reconcileAlerts, type AlertEvent } from '#core/alert-reconcile';
import { alertKey, evaluateAlertRules } from '#core/alert-rules';
import { decStr, medianDec, dec } from '#shared/decimal';
import type { ServiceContext } from './context';
import { currentSnapshot } from './snapshot';
import { describeError } from '#shared/describe-error';

// The alert engine: runs the pure rules on every Snapshot change and on a timer (so a
// price going stale or a rig staying silent is noticed without any other change), stores
// the result and hands notification-worthy changes to the hosts.

const HASHRATE_WINDOW_MS = 60 * 60 * 1000;
/** Fewer samples than this in the last hour is too little to call a drop. */
const MIN_SAMPLES_FOR_MEDIAN = 5;

export interface AlertEngine {
  evaluate(): Promise<void>;
  recordRigLive(live: Record<string, RigLive>): void;
  list(includeResolved: boolean): Alert[];
  acknowledge(id: string): Promise<Alert>;
  mute(subjectId: string, until: string | undefined): Promise<Record<string, never>>;
}

export function createAlertEngine(
  ctx: ServiceContext,
  emit: (event: AlertEvent) => void,
): AlertEngine {
  const offlineSince: Record<string, string> = {};
  const samples = new Map<string, { t: number; hs: string }[]>();
  let queue: Promise<void> = Promise.resolve();

  function medians(now: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [rigId, list] of samples) {
      const recent = list.filter((s) => s.t >= now - HASHRATE_WINDOW_MS);
      samples.set(rigId, recent);
      if (recent.length >= MIN_SAMPLES_FOR_MEDIAN)
        out[rigId] = decStr(medianDec(recent.map((s) => dec(s.hs))));
    }
    return out;
  }

  async function run(): Promise<void> {
    const now = ctx.now();
    const snapshot = currentSnapshot(ctx);
    const db = ctx.store.data;
    const active = db.alerts.filter((a) => a.resolvedAt === undefined);
    const outcome = evaluateAlertRules({
      snapshot,
      settings: db.settings,
      activeLevels: new Map(active.map((a) => [alertKey(a.rule, a.subjectId), a.level])),
      rigOfflineSince: offlineSince,
      rigMedianHs: medians(now.getTime()),
    });
    const result = reconcileAlerts({
      alerts: db.alerts,
      outcome,
      mutes: db.mutes,
      now,
      newId: () => `alert-${randomUUID()}`,
    });
    if (!result.changed) return;
    await ctx.store.update((draft) => {
      draft.alerts = result.alerts;
    });
    for (const event of result.events) emit(event);
  }

  return {
    evaluate() {
      // Serialised: two evaluations never interleave their read-reconcile-write.
      queue = queue.then(run, run).catch((error: unknown) => {
        ctx.log(`Alert evaluation failed: ${describeError(error, { withStack: true })}`);
      });
      return queue;
    },
    recordRigLive(live) {
      for (const [rigId, reading] of Object.entries(live)) {
        if (reading.online) {
          delete offlineSince[rigId];
          const list = samples.get(rigId) ?? [];
          list.push({ t: Date.parse(reading.at), hs: reading.hashrateHs });
          samples.set(rigId, list);
        } else {
          offlineSince[rigId] ??= reading.at;
        }
      }
    },
    list(includeResolved) {
      const alerts = ctx.store.data.alerts.filter(
        (a) => includeResolved || a.resolvedAt === undefined,
      );
      return structuredClone(alerts).sort(
        (a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt),
      );
    },
    async acknowledge(id) {
      const alert = ctx.store.data.alerts.find((a) => a.id === id);
      if (!alert) throw new RpcError('not_found', `No alert has the id "${id}".`);
      if (alert.resolvedAt !== undefined) {
        throw new RpcError(
          'conflict',
          'That alert has already cleared; there is nothing to acknowledge.',
        );
      }
      const at = ctx.now().toISOString();
      await ctx.store.update((db) => {
        const target = db.alerts.find((a) => a.id === id);
        if (target) target.acknowledgedAt = at;
      });
      await ctx.changed();
      return structuredClone(ctx.store.data.alerts.find((a) => a.id === id)!);
    },
    async mute(subjectId, until) {
      if (until !== undefined && Date.parse(until) <= ctx.now().getTime()) {
        // A mute that already ended lifts any mute of the subject.
        await ctx.store.update((db) => {
          db.mutes = db.mutes.filter((m) => m.subjectId !== subjectId);
        });
      } else {
        await ctx.store.update((db) => {
          db.mutes = [
            ...db.mutes.filter((m) => m.subjectId !== subjectId),
            until ? { subjectId, until } : { subjectId },
          ];
        });
      }
      await ctx.changed();
      return {};
    },
  };
}
