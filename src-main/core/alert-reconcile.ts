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
  /**
   * Alerts already raised or escalated by this evaluation's first look
   * (alert-first-look.ts), by alertKey: they keep their id and times, and what was
   * announced is not announced again. One the whole evaluation no longer finds is cleared.
   */
  announced?: ReadonlyMap<string, Alert>;
}): ReconcileResult {
  const at = args.now.toISOString();
  const events: AlertEvent[] = [];
  const wanted = new Map(args.outcome.conditions.map((c) => [alertKey(c.rule, c.subjectId), c]));
  const announced = new Map(args.announced ?? []);
  let changed = announced.size > 0;

  const alerts = args.alerts.map((stored): Alert => {
    if (stored.resolvedAt !== undefined) return stored;
    const key = alertKey(stored.rule, stored.subjectId);
    // An escalation the first look announced is this alert as it was announced.
    const early = announced.get(key);
    announced.delete(key);
    const alert = early ?? stored;
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

  for (const [key, condition] of wanted) {
    changed = true;
    // Raised by the first look: the same alert (id, time), with the figures found now.
    const early = announced.get(key);
    announced.delete(key);
    const alert: Alert = early
      ? {
          ...early,
          level: condition.level,
          severity: condition.severity,
          message: condition.message,
          value: condition.value,
          threshold: condition.threshold,
        }
      : { id: args.newId(), ...condition, raisedAt: at };
    const rose = early !== undefined && condition.level > early.level;
    if (rose) alert.escalatedAt = at;
    alerts.push(alert);
    if (early === undefined || rose) {
      events.push({
        change: early === undefined ? 'raised' : 'escalated',
        alert,
        notify: !isMuted(alert.subjectId, args.mutes, args.now),
      });
    }
  }

  // Announced by the first look but not found by the whole evaluation (the prices moved
  // back in between): stored, except where its state cannot be judged now, as cleared.
  for (const [key, early] of announced) {
    if (args.outcome.held.has(key)) {
      alerts.push(early);
      continue;
    }
    const resolved = { ...early, resolvedAt: at };
    alerts.push(resolved);
    events.push({ change: 'cleared', alert: resolved, notify: false });
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
