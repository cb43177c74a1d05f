import { z } from 'zod';
import { HASHRATE_UNITS } from '#shared/units';
import { rigHostProblem } from './rig-host';
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

const hostText = z
  .string()
  .trim()
  .min(1, { error: 'Enter the rig’s IP address or host name.' })
  .max(253);

const port = z
  .number()
  .int()
  .min(1)
  .max(65535, { error: 'A port is between 1 and 65535.' })
  .default(4028);

/** An endpoint as stored: files written before hosts were checked still load. */
export const rigEndpointSchema = z.object({
  host: hostText.regex(/^[A-Za-z0-9.\-:[\]_]+$/, {
    error: 'A host is an IP address or a host name.',
  }),
  port,
  protocol: z.literal('cgminer').default('cgminer'),
});

/** An endpoint as entered (create, update, import): an IPv4, IPv6 or host name (rig-host.ts). */
export const rigEndpointEntrySchema = rigEndpointSchema.extend({
  host: hostText.superRefine((host, ctx) => {
    const problem = rigHostProblem(host);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }),
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
/** A rig as entered: the stored fields, with the host checked. */
export const rigEntryFields = rigFields.extend({ endpoint: rigEndpointEntrySchema.optional() });
export const rigInputSchema = rigEntryFields.strict();
export const rigSchema = rigFields.extend({ id: recordId }).strict();
export type RigInput = z.input<typeof rigInputSchema>;
export type Rig = z.infer<typeof rigSchema>;
