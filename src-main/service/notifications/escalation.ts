import type { Alert } from '#api/records';
import type { AlertProgress } from '#store/outbox';
import type { RepeatFacts } from './compose';

// Escalation until acknowledged (docs/notifications.md "Escalation"): a critical alert not
// acknowledged `afterMinutes` after it was raised (or reached its level) is sent again,
// then again every `afterMinutes`, at most `maxRepeats` times. Progress is kept per alert
// in the outbox file, so a restart neither repeats a repeat nor forgets one; after a long
// pause only the latest repeat is sent, not every one missed.

export interface EscalationPlan {
  progress: Record<string, AlertProgress>;
  repeats: { alert: Alert; facts: RepeatFacts }[];
  /** Alerts the notifier sees for the first time, raised within the last afterMinutes. */
  recent: Alert[];
  changed: boolean;
}

export function pendingEscalations(args: {
  /** Active, unmuted alerts. */
  alerts: readonly Alert[];
  progress: Readonly<Record<string, AlertProgress>>;
  escalation: { afterMinutes: number; maxRepeats: number };
  now: Date;
}): EscalationPlan {
  const afterMs = args.escalation.afterMinutes * 60_000;
  const progress: Record<string, AlertProgress> = {};
  const repeats: EscalationPlan['repeats'] = [];
  const recent: Alert[] = [];
  let changed = Object.keys(args.progress).some((id) => !args.alerts.some((a) => a.id === id));
  for (const alert of args.alerts) {
    const since = alert.escalatedAt ?? alert.raisedAt;
    let entry = args.progress[alert.id];
    if (entry === undefined || entry.level !== alert.level) {
      if (args.now.getTime() - Date.parse(since) < afterMs && alert.acknowledgedAt === undefined)
        recent.push(alert);
      entry = { level: alert.level, valueAtRaise: alert.value, since, repeats: 0 };
      changed = true;
    }
    if (alert.severity === 'critical' && alert.acknowledgedAt === undefined) {
      const due = Math.floor((args.now.getTime() - Date.parse(entry.since)) / afterMs);
      const repeat = Math.min(due, args.escalation.maxRepeats);
      if (repeat > entry.repeats) {
        repeats.push({
          alert,
          facts: { repeat, since: entry.since, valueAtRaise: entry.valueAtRaise },
        });
        entry = { ...entry, repeats: repeat };
        changed = true;
      }
    }
    progress[alert.id] = entry;
  }
  return { progress, repeats, recent, changed };
}
