import { alertSchema } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { degradedCondition, subjectLabel } from '#core/alert-degraded';
import { RULES_OF, alertKey, type AlertCondition, type RuleOutcome } from '#core/alert-rules';

// The store validates every alert it writes; a condition it would refuse must not take
// the whole write (and so every other alert) down with it.

/** The parts of a stored alert that come from a rule's condition. */
const storedFields = alertSchema.pick({
  subjectId: true,
  message: true,
  value: true,
  threshold: true,
});

/**
 * Every condition is checked against the stored alert's schema before it is reconciled:
 * one that could not be saved is replaced by an `alerts.degraded` for its subject (its
 * other alerts held), so one unstorable figure never blocks the write of all the others.
 */
export function storableOnly(
  outcome: RuleOutcome,
  snapshot: Snapshot,
  log: (line: string) => void,
): RuleOutcome {
  const refused = new Map<string, AlertCondition>();
  for (const condition of outcome.conditions) {
    const { subjectId, message, value, threshold } = condition;
    const check = storedFields.safeParse({ subjectId, message, value, threshold });
    if (check.success || refused.has(condition.subjectId)) continue;
    const issue = check.error.issues[0];
    const cause = new Error(
      `its ${condition.rule} alert could not be saved: ${issue?.path.join('.')}: ${issue?.message}`,
    );
    const label = subjectLabel(snapshot, condition.subjectKind, condition.subjectId);
    log(`Alerts for ${label} (${condition.subjectId}) could not be saved: ${cause.message}`);
    refused.set(condition.subjectId, degradedCondition({ ...condition, label, cause }));
  }
  if (refused.size === 0) return outcome;
  const held = new Set(outcome.held);
  for (const degraded of refused.values()) {
    for (const rule of RULES_OF[degraded.subjectKind]) held.add(alertKey(rule, degraded.subjectId));
  }
  const conditions = outcome.conditions.filter((c) => !refused.has(c.subjectId));
  return { ...outcome, held, conditions: [...conditions, ...refused.values()] };
}
