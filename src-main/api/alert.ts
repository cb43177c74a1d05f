import { z } from 'zod';
import { SEVERITIES } from '#shared/severity';
export { MUTE_ALL, mutesEverything } from '#shared/mute-all';
import { figureString, isoDateTime, recordId } from './fields';
import { ALERT_RULES, ALERT_SUBJECT_KINDS } from './alert-rules';

// Alerts as stored and shown, and mutes. The rules and subject kinds are plain lists apart
// from the schema (./alert-rules.ts), so the page can check a pushed alert without zod.

export { ALERT_RULES, ALERT_SUBJECT_KINDS, type AlertRule } from './alert-rules';
export { SEVERITIES, type Severity } from '#shared/severity';

export const alertSchema = z
  .object({
    id: recordId,
    rule: z.enum(ALERT_RULES),
    severity: z.enum(SEVERITIES),
    /** Rank within the rule (e.g. loan: 1 watch, 2 margin call, 3 liquidation); a rise is an escalation. */
    level: z.number().int().min(1).max(9),
    subjectKind: z.enum(ALERT_SUBJECT_KINDS),
    subjectId: z.string().min(1).max(200),
    message: z.string().max(2000),
    value: figureString.nullable(),
    threshold: figureString.nullable(),
    raisedAt: isoDateTime,
    escalatedAt: isoDateTime.optional(),
    acknowledgedAt: isoDateTime.optional(),
    resolvedAt: isoDateTime.optional(),
  })
  .strict();
export type Alert = z.infer<typeof alertSchema>;

/** What alerts.mute takes: the subjectId of an alert (a record id, a coin, "farm") or "all". */
export const muteSubjectId = z
  .string({
    error: 'Send the subjectId of an alert (a rig, loan or position id, a coin, "farm") or "all".',
  })
  .trim()
  .min(1, { error: 'Send the subjectId of an alert, or "all" to mute every alert.' })
  .max(64, {
    error: 'A subjectId is at most 64 characters: send the one shown on the alert, or "all".',
  });

export const muteSchema = z
  .object({ subjectId: z.string().min(1).max(200), until: isoDateTime.optional() })
  .strict();
export type Mute = z.infer<typeof muteSchema>;
