import type { AlertChange } from '#api/events';
import type { Alert, Mute } from '#api/records';
import { mutesEverything } from '#shared/mute-all';
import { alertKey, type AlertCondition, type RuleOutcome } from './alert-rules';

// Turns what the rules say now into stored alerts: one active alert per (rule, subject);
// a rise in level escalates (and re-notifies, even if acknowledged); a fall is recorded
// quietly; a condition that is gone resolves the alert; a held subject is left as it is.

export const RESOLVED_ALERTS_KEPT = 2000;

export interface AlertEvent {
  change: AlertChange;
  alert: Alert;
  /** True when a person should be told (a system notification); false while muted. */
  notify: boolean;
}

export interface ReconcileResult {
  alerts: Alert[];
  events: AlertEvent[];
  changed: boolean;
}

export function isMuted(subjectId: string, mutes: readonly Mute[], now: Date): boolean {
  return mutes.some(
    (m) =>
      (m.subjectId === subjectId || mutesEverything(m.subjectId)) &&
      (m.until === undefined || Date.parse(m.until) > now.getTime()),
  );
}

function sameFigures(a: Alert, c: AlertCondition): boolean {
  return (
    a.level === c.level &&
    a.message === c.message &&
    a.value === c.value &&
    a.threshold === c.threshold
  );
}

export function reconcileAlerts(args: {
  alerts: readonly Alert[];
  outcome: RuleOutcome;
  mutes: readonly Mute[];
  now: Date;
  newId: () => string;
}): ReconcileResult {
  const at = args.now.toISOString();
  const events: AlertEvent[] = [];
  const wanted = new Map(args.outcome.conditions.map((c) => [alertKey(c.rule, c.subjectId), c]));
  let changed = false;

  const alerts = args.alerts.map((alert): Alert => {
    if (alert.resolvedAt !== undefined) return alert;
    const key = alertKey(alert.rule, alert.subjectId);
    const condition = wanted.get(key);
    wanted.delete(key);
    if (args.outcome.held.has(key) && !condition) return alert;
    if (!condition) {
      changed = true;
      const resolved = { ...alert, resolvedAt: at };
      events.push({ change: 'cleared', alert: resolved, notify: false });
      return resolved;
    }
    if (sameFigures(alert, condition)) return alert;
    changed = true;
    const next: Alert = {
      ...alert,
      level: condition.level,
      severity: condition.severity,
      message: condition.message,
      value: condition.value,
      threshold: condition.threshold,
    };
    if (condition.level > alert.level) {
      next.escalatedAt = at;
      delete next.acknowledgedAt;
      events.push({
        change: 'escalated',
        alert: next,
        notify: !isMuted(next.subjectId, args.mutes, args.now),
      });
    }
    return next;
  });

  for (const condition of wanted.values()) {
    changed = true;
    const alert: Alert = { id: args.newId(), ...condition, raisedAt: at };
    alerts.push(alert);
    events.push({
      change: 'raised',
      alert,
      notify: !isMuted(alert.subjectId, args.mutes, args.now),
    });
  }

  return { alerts: changed ? trimHistory(alerts) : alerts, events, changed };
}

function trimHistory(alerts: Alert[]): Alert[] {
  const resolved = alerts.filter((a) => a.resolvedAt !== undefined);
  if (resolved.length <= RESOLVED_ALERTS_KEPT) return alerts;
  const drop = new Set(
    resolved
      .sort((a, b) => Date.parse(a.resolvedAt!) - Date.parse(b.resolvedAt!))
      .slice(0, resolved.length - RESOLVED_ALERTS_KEPT)
      .map((a) => a.id),
  );
  return alerts.filter((a) => !drop.has(a.id));
}
