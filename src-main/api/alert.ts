import { z } from 'zod';
import { SEVERITIES } from '#shared/severity';
import { decimalString, isoDateTime, recordId } from './fields';

// Alerts as stored and shown, and mutes.

export const ALERT_RULES = [
  'position.liquidation',
  'position.stop-past-liquidation',
  'loan.ltv',
  'loan.payment-due',
  'price.stale',
  'price.disputed',
  'price.single-source',
  'rig.offline',
  'rig.hashrate-drop',
  'farm.unprofitable',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export { SEVERITIES, type Severity } from '#shared/severity';

export const alertSchema = z
  .object({
    id: recordId,
    rule: z.enum(ALERT_RULES),
    severity: z.enum(SEVERITIES),
    /** Rank within the rule (e.g. loan: 1 watch, 2 margin call, 3 liquidation); a rise is an escalation. */
    level: z.number().int().min(1).max(9),
    subjectKind: z.enum(['position', 'loan', 'price', 'rig', 'farm']),
    subjectId: z.string().min(1),
    message: z.string(),
    value: decimalString.nullable(),
    threshold: decimalString.nullable(),
    raisedAt: isoDateTime,
    escalatedAt: isoDateTime.optional(),
    acknowledgedAt: isoDateTime.optional(),
    resolvedAt: isoDateTime.optional(),
  })
  .strict();
export type Alert = z.infer<typeof alertSchema>;

export const muteSchema = z
  .object({ subjectId: z.string().min(1), until: isoDateTime.optional() })
  .strict();
export type Mute = z.infer<typeof muteSchema>;
