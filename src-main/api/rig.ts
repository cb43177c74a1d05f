import { z } from 'zod';
import { HASHRATE_UNITS } from '#shared/units';
import {
  assetSymbol,
  isoDate,
  nonNegativeDecimal,
  percent,
  positiveDecimal,
  recordId,
  shortText,
} from './fields';

// A rig: one model of machine, how many of them, what they mine and draw.

export const rigEndpointSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, { error: 'Enter the rig’s IP address or host name.' })
    .max(253)
    .regex(/^[A-Za-z0-9.\-:[\]]+$/, { error: 'A host is an IP address or a host name.' }),
  port: z
    .number()
    .int()
    .min(1)
    .max(65535, { error: 'A port is between 1 and 65535.' })
    .default(4028),
  protocol: z.literal('cgminer').default('cgminer'),
});

export const rigFields = z.object({
  name: shortText('rig name'),
  model: z.string().trim().max(80).optional(),
  coin: assetSymbol,
  hashrate: positiveDecimal,
  hashrateUnit: z.enum(HASHRATE_UNITS, { error: `Pick a unit: ${HASHRATE_UNITS.join(', ')}.` }),
  powerWatts: nonNegativeDecimal,
  quantity: z
    .number({ error: 'Enter how many machines.' })
    .int({ error: 'Quantity is a whole number.' })
    .min(1, { error: 'Quantity is at least 1.' })
    .max(1_000_000),
  poolFeePct: percent.default('0'),
  electricityPerKwh: nonNegativeDecimal.optional(),
  status: z.enum(['active', 'maintenance', 'retired']).default('active'),
  endpoint: rigEndpointSchema.optional(),
  purchasePriceUsd: nonNegativeDecimal.optional(),
  purchasedAt: isoDate.optional(),
  /**
   * The day the rig was entered in RigLedger, set on create when the operator gives none:
   * without a purchase date, the rig counts in the books from this day (never earlier).
   */
  enteredAt: isoDate.optional(),
  notes: z.string().max(2000).optional(),
});
export const rigInputSchema = rigFields.strict();
export const rigSchema = rigFields.extend({ id: recordId }).strict();
export type RigInput = z.input<typeof rigInputSchema>;
export type Rig = z.infer<typeof rigSchema>;
