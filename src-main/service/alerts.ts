import { randomUUID } from 'node:crypto';
import { RpcError } from '#api/errors';
import { MUTE_ALL, mutesEverything, type Alert } from '#api/records';
import type { RigLive } from '#api/snapshot';
import {
  firstLookAnnouncements,
  nearTroubleBatches,
  type NearTrouble,
} from '#core/alert-first-look';
import { reconcileAlerts, type AlertEvent } from '#core/alert-reconcile';
import { alertKey, evaluateAlertRules, type AlertCondition } from '#core/alert-rules';
import { storableOnly } from './alert-storable';
import { decStr, medianDec, dec } from '#shared/decimal';
import type { ServiceContext } from './context';
import { knownCoins } from './records';
import { yieldToEventLoop } from '#store/slices';
import {
  currentSnapshot,
  lastLiveSnapshot,
  liveSubsetSnapshot,
  warmLiveSnapshot,
} from './snapshot';
import { describeError } from '#shared/describe-error';

// The alert engine: runs the pure rules on every Snapshot change and on a timer (so a
// price going stale or a rig staying silent is noticed without any other change), stores
// the result and hands notification-worthy changes to the hosts.

const HASHRATE_WINDOW_MS = 60 * 60 * 1000;
/** Fewer samples than this in the last hour is too little to call a drop. */
const MIN_SAMPLES_FOR_MEDIAN = 5;

/** A subject an alert can be about: a record, a priced coin, the farm, or any stored alert's. */
function isKnownSubject(ctx: ServiceContext, subjectId: string): boolean {
  const db = ctx.store.data;
  return (
    subjectId === 'farm' ||
    db.rigs.some((r) => r.id === subjectId) ||
    db.loans.some((l) => l.id === subjectId) ||
    db.positions.some((p) => p.id === subjectId) ||
    knownCoins(db.settings).includes(subjectId) ||
    Object.hasOwn(db.lastPrices, subjectId) ||
    Object.hasOwn(db.manualPrices, subjectId) ||
    db.alerts.some((a) => a.subjectId === subjectId)
  );
}

function causeOf(error: unknown): string {
  return describeError(error, { withStack: true });
}

export interface AlertEngine {
  /**
   * Evaluates the current state once more. Calls made while an evaluation waits to start
   * share it: every one of them is answered by an evaluation that began after it.
   */
  evaluate(): Promise<void>;
  /** Resolves when every evaluation asked for so far has finished. */
  settled(): Promise<void>;
  recordRigLive(live: Record<string, RigLive>): void;
  list(includeResolved: boolean): Alert[];
  acknowledge(id: string): Promise<Alert>;
  mute(subjectId: string, until: string | undefined): Promise<Record<string, never>>;
}

export function createAlertEngine(
  ctx: ServiceContext,
  emit: (event: AlertEvent) => void,
  /** Conditions from outside the Snapshot: a notification channel that keeps failing. */
  extraConditions: () => AlertCondition[] = () => [],
): AlertEngine {
  const offlineSince: Record<string, string> = {};
  const samples = new Map<string, { t: number; hs: string }[]>();
  let queue: Promise<void> = Promise.resolve();
  /** The evaluation queued behind the running one, not started yet: later calls share it. */
  let waiting: Promise<void> | null = null;

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

  /**
   * The positions and loans near an alert line are worked out and judged before the rest
   * of the farm, nearest first, in batches; what each batch raises or escalates is emitted
   * before the next is worked out (core/alert-first-look.ts). Returns the announced alerts
   * by key for the whole evaluation to keep. A failure here only costs the head start: it
   * is logged and the whole evaluation judges everything.
   */
  async function firstLook(): Promise<Map<string, Alert>> {
    const announced = new Map<string, Alert>();
    const previous = lastLiveSnapshot(ctx);
    if (previous === null) return announced;
    try {
      let batches: NearTrouble[] = [];
      const first = liveSubsetSnapshot(ctx, (prices) => {
        batches = nearTroubleBatches(previous, prices, ctx.store.data.settings);
        return batches[0] ?? { positionIds: new Set(), loanIds: new Set() };
      });
      judgeFirst(first, announced);
      // Other calls run between two batches; the figures worked out are kept for the whole
      // evaluation (a batch's margin group may bring in positions judged before).
      for (const batch of batches.slice(1)) {
        await yieldToEventLoop();
        judgeFirst(
          liveSubsetSnapshot(ctx, () => batch),
          announced,
        );
      }
    } catch (error) {
      ctx.log(`The first look at the alerts failed; judging the whole farm: ${causeOf(error)}`);
    }
    return announced;
  }

  /** Judges part of the farm and emits what it raises or escalates that is not yet told. */
  function judgeFirst(
    part: ReturnType<typeof liveSubsetSnapshot>,
    announced: Map<string, Alert>,
  ): void {
    if (part.positions.length === 0 && part.loans.length === 0) return;
    const db = ctx.store.data;
    const active = db.alerts.filter((a) => a.resolvedAt === undefined);
    const outcome = evaluateAlertRules({
      snapshot: part,
      settings: db.settings,
      activeLevels: new Map(active.map((a) => [alertKey(a.rule, a.subjectId), a.level])),
      activeRaisedAt: new Map(active.map((a) => [alertKey(a.rule, a.subjectId), a.raisedAt])),
      rigOfflineSince: offlineSince,
      rigMedianHs: {},
    });
    const judged = new Set([...part.positions, ...part.loans].map((r) => r.id));
    const failed = new Set(outcome.failures.map((f) => f.subjectId));
    // What cannot be stored is logged by the whole evaluation.
    const conditions = storableOnly(outcome, part, () => {}).conditions.filter(
      (c) =>
        (c.subjectKind === 'position' || c.subjectKind === 'loan') &&
        judged.has(c.subjectId) &&
        !failed.has(c.subjectId) &&
        !announced.has(alertKey(c.rule, c.subjectId)),
    );
    const result = firstLookAnnouncements({
      conditions,
      alerts: db.alerts,
      mutes: db.mutes,
      now: ctx.now(),
      newId: () => `alert-${randomUUID()}`,
    });
    for (const [key, alert] of result.announced) announced.set(key, alert);
    for (const event of result.events) emit(event);
  }

  async function run(): Promise<void> {
    const announced = await firstLook();
    // The figures that moved are worked out in slices first: a tick that moves every
    // position, or an import of thousands of rigs, never holds other calls for long.
    await warmLiveSnapshot(ctx);
    const now = ctx.now();
    const snapshot = currentSnapshot(ctx);
    const db = ctx.store.data;
    const active = db.alerts.filter((a) => a.resolvedAt === undefined);
    const outcome = evaluateAlertRules({
      snapshot,
      settings: db.settings,
      activeLevels: new Map(active.map((a) => [alertKey(a.rule, a.subjectId), a.level])),
      activeRaisedAt: new Map(active.map((a) => [alertKey(a.rule, a.subjectId), a.raisedAt])),
      rigOfflineSince: offlineSince,
      rigMedianHs: medians(now.getTime()),
    });
    outcome.conditions.push(...extraConditions());
    for (const failure of outcome.failures) {
      ctx.log(
        `Alerts for ${failure.label} (${failure.subjectId}) could not be worked out: ${causeOf(failure.cause)}`,
      );
    }
    const result = reconcileAlerts({
      alerts: db.alerts,
      outcome: storableOnly(outcome, snapshot, ctx.log),
      mutes: db.mutes,
      now,
      newId: () => `alert-${randomUUID()}`,
      announced,
    });
    if (!result.changed) return;
    // The operator is told first: a raised alert reaches every host before the write's
    // fsync, not after it. Calls that act on alerts wait for this evaluation to finish
    // (service/dispatch.ts), so they find it stored.
    for (const event of result.events) emit(event);
    try {
      const store = (draft: { alerts: Alert[] }) => {
        draft.alerts = result.alerts;
      };
      // A raise, an escalation or a clear is written before the evaluation ends; an active
      // alert's figures following the price (its distance, its message) are hot state,
      // written within seconds with the feed answers (store.updateSoon).
      if (result.events.length > 0 || announced.size > 0) await ctx.store.update(store);
      else await ctx.store.updateSoon(store);
    } catch (error) {
      // The disk refused the write: the operator was still told what changed (the next
      // evaluation tries to store it again), and the cause is logged.
      ctx.log(`Alerts could not be saved; the operator was notified anyway: ${causeOf(error)}`);
    }
  }

  return {
    evaluate() {
      if (waiting) return waiting;
      // Serialised: two evaluations never interleave their read-reconcile-write.
      const next = queue
        // On the next turn of the event loop: the call that asked for it is answered
        // first (its reply would otherwise wait behind the evaluation's computation).
        .then(yieldToEventLoop)
        .then(() => {
          waiting = null;
          return run();
        })
        .catch((error: unknown) => {
          ctx.log(`Alert evaluation failed: ${describeError(error, { withStack: true })}`);
        });
      waiting = next;
      queue = next;
      return next;
    },
    settled() {
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
    async mute(requested, until) {
      const subjectId = mutesEverything(requested) ? MUTE_ALL : requested;
      if (subjectId !== MUTE_ALL && !isKnownSubject(ctx, subjectId)) {
        throw new RpcError(
          'not_found',
          `Nothing RigLedger watches has the id "${subjectId}": send the subjectId shown on an alert (a rig, loan or position id, a coin such as BTC, or "farm"), or "all" to mute every alert.`,
        );
      }
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
