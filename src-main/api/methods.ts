import { z } from 'zod';
import {
  alertSchema,
  muteSchema,
  muteSubjectId,
  loanFields,
  loanInputSchema,
  loanSchema,
  positionFields,
  positionInputSchema,
  positionSchema,
  rigEntryFields,
  rigInputSchema,
  rigSchema,
  settingsSchema,
  bySourceName,
  sourceSchema,
} from './records';
import { riskSettingsSchema } from './settings';
import {
  assetSymbol,
  decimalBetween,
  decimalString,
  isoDate,
  isoDateTime,
  nonNegativeDecimal,
  positiveDecimal,
  recordId,
} from './fields';
import {
  channelInputSchema,
  channelStatusSchema,
  escalationSchema,
  notificationTestResultSchema,
} from './notification-channel';
import { priceEntrySchema, snapshotSchema, storeNoticeSchema } from './snapshot';
import { snapshotSummaryResultSchema } from './snapshot-delta';
import {
  backupPreviewSchema,
  ccxtPositionsParamsSchema,
  ccxtPositionsResultSchema,
  exportCsvParamsSchema,
  exportCsvResultSchema,
  rigsCsvParamsSchema,
  rigsCsvResultSchema,
} from './import-export';
import { LTV_PCT_FIELDS, checkPercentsNotFractions } from './percent-fields';
import { realisedPnlInputSchema, realisedPnlSchema } from './realised-pnl';
import {
  fundingAddParamsSchema,
  fundingImportParamsSchema,
  fundingImportResultSchema,
  fundingListParamsSchema,
  fundingPaymentSchema,
} from './funding';
import { reviewSchema } from './review';
import { runwayParamsSchema, runwaySchema } from './runway';

// The contract: one table of methods, each with a zod schema for its params and its
// result. Both hosts (Electron IPC and HTTP) dispatch through this table; the renderer
// imports only its types. Names are noun first (`rigs.importCsv`, `backup.restore`);
// renamed methods keep their old name for one version (method-aliases.ts), and
// docs/contract.md describes every method in words.

const empty = z.object({}).strict();
const idParams = z.object({ id: recordId }).strict();
const idResult = z.object({ id: recordId });

const sourcePatch = sourceSchema.partial().strict();

export const settingsPatchSchema = settingsSchema
  .omit({ sources: true, thresholds: true, notifications: true, risk: true })
  .partial()
  .extend({
    /** By source name; a name no price source has is refused by the service. */
    sources: bySourceName(sourcePatch).optional(),
    thresholds: settingsSchema.shape.thresholds.partial().strict().optional(),
    notifications: z
      .object({
        desktop: z.boolean(),
        /** The whole list: a channel left out is removed, one without an id is added. */
        channels: z.array(channelInputSchema).max(20, { error: 'At most 20 channels.' }),
        escalation: escalationSchema.partial().strict(),
        dashboardUrl: settingsSchema.shape.notifications.shape.dashboardUrl,
      })
      .partial()
      .strict()
      .optional(),
    risk: riskSettingsSchema.partial().strict().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const scheduleRowSchema = z.object({
  date: isoDate,
  payment: decimalString,
  interest: decimalString,
  principal: decimalString,
  balance: decimalString,
  paid: z.boolean(),
  /** What is still owed on this row after the payments made so far (0 once paid). */
  due: decimalString,
  /** True for a row after the Snapshot's date, projected as if every row is paid on its date. */
  projected: z.boolean(),
});
export type ScheduleRow = z.infer<typeof scheduleRowSchema>;

export const feedStatusSchema = z.object({
  source: z.string(),
  /** How the operator knows the feed: "CoinGecko", "mempool.space chain stats". */
  label: z.string(),
  /** `price` or `funding`: a source configured under its name in settings.sources. */
  kind: z.enum(['price', 'chain', 'funding']),
  enabled: z.boolean(),
  ok: z.boolean(),
  lastSuccessAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  skippedUntil: isoDateTime.nullable(),
});
export type FeedStatus = z.infer<typeof feedStatusSchema>;

export const hedgePlanSchema = z.object({
  coin: assetSymbol,
  days: z.number().int().min(1, { error: 'Plan at least 1 day.' }).max(3650),
  hedgeRatio: decimalBetween('0', '1', '(a fraction: 0.5 hedges half)'),
  leverage: decimalBetween('1', '125', '×'),
  maintenanceMarginRate: decimalBetween('0', '0.5', '(a fraction: 0.005 is 0.5 %)'),
});

export const backupDocumentSchema = z
  .object({
    format: z.literal('rigledger-backup'),
    exportedAt: isoDateTime,
    // The database inside is checked by the service, which upgrades an older backup's
    // data format first (the contract knows nothing of storage formats).
    database: z.record(z.string().max(100), z.unknown(), {
      error: 'Send the "database" object of a file made by Export everything (JSON).',
    }),
    /**
     * The chart and review history (history.json) as it was exported; checked and
     * upgraded by the service. A backup without it leaves the farm's history as it is.
     */
    history: z
      .record(z.string().max(100), z.unknown(), {
        error:
          'Send the "history" object of a file made by Export everything (JSON), or leave it out.',
      })
      .optional(),
    /** Channel secrets by channel id, present only when the export asked for them. */
    secrets: z.record(recordId, z.record(z.string().max(40), z.string().max(500))).optional(),
  })
  .strict();
export type BackupDocumentParams = z.infer<typeof backupDocumentSchema>;

export const backupFileSchema = z.object({
  name: z.string(),
  createdAt: isoDateTime,
  sizeBytes: z.number().int(),
});

/** An update's patch: any field; an optional field may also be `null`, which removes it. */
export type Patch<T> = {
  [K in keyof T]?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K];
};

/**
 * The `patch` of an update: any field may be given; an optional field may be `null`,
 * which removes it (a stop-loss taken off, a rig's endpoint forgotten).
 */
function patchOf<T>(fields: z.ZodObject<z.ZodRawShape, z.core.$strip>): z.ZodType<Patch<T>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(fields.shape)) {
    // A default belongs to creation only: in a patch, a field left out stays as it was.
    const schema =
      value instanceof z.ZodDefault ? (value.removeDefault() as z.ZodType) : (value as z.ZodType);
    shape[key] =
      schema instanceof z.ZodOptional
        ? (schema.unwrap() as z.ZodType).nullable().optional()
        : schema.optional();
  }
  // The runtime shape above is exactly Patch<T>; zod cannot infer a mapped type.
  return z.object(shape).strict() as unknown as z.ZodType<Patch<T>>;
}

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const methods = {
  'snapshot.get': method(z.object({ asOf: isoDateTime.optional() }).strict(), snapshotSchema),
  'snapshot.summary': method(
    z.object({ worst: z.number().int().min(1).max(100).optional() }).strict(),
    snapshotSummaryResultSchema,
  ),

  'rigs.list': method(empty, z.array(rigSchema)),
  'rigs.create': method(rigInputSchema, rigSchema),
  'rigs.update': method(
    z
      .object({ id: recordId, patch: patchOf<z.infer<typeof rigEntryFields>>(rigEntryFields) })
      .strict(),
    rigSchema,
  ),
  'rigs.remove': method(idParams, idResult),
  'rigs.importCsv': method(rigsCsvParamsSchema, rigsCsvResultSchema),

  'loans.list': method(empty, z.array(loanSchema)),
  'loans.create': method(loanInputSchema, loanSchema),
  'loans.update': method(
    z
      .object({
        id: recordId,
        patch: patchOf<z.infer<typeof loanFields>>(loanFields).superRefine(
          checkPercentsNotFractions(LTV_PCT_FIELDS),
        ),
      })
      .strict(),
    loanSchema,
  ),
  'loans.remove': method(idParams, idResult),
  'loans.addPayment': method(
    z.object({ id: recordId, date: isoDate, amount: positiveDecimal }).strict(),
    loanSchema,
  ),
  'loans.updatePayment': method(
    z
      .object({
        id: recordId,
        paymentId: recordId,
        date: isoDate.optional(),
        amount: positiveDecimal.optional(),
      })
      .strict(),
    loanSchema,
  ),
  'loans.removePayment': method(
    z.object({ id: recordId, paymentId: recordId }).strict(),
    loanSchema,
  ),
  'loans.schedule': method(idParams, z.array(scheduleRowSchema)),

  'positions.list': method(empty, z.array(positionSchema)),
  'positions.create': method(positionInputSchema, positionSchema),
  'positions.update': method(
    z
      .object({ id: recordId, patch: patchOf<z.infer<typeof positionFields>>(positionFields) })
      .strict(),
    positionSchema,
  ),
  'positions.remove': method(idParams, idResult),
  'positions.importCcxt': method(ccxtPositionsParamsSchema, ccxtPositionsResultSchema),
  /** The position closed on the exchange: its realised PnL recorded, the record removed. */
  'positions.close': method(
    z
      .object({
        id: recordId,
        /** The price it was closed at; default the mark price now. */
        exitPrice: positiveDecimal.optional(),
        /** The day it was closed (default today); dates the realised PnL entry. */
        date: isoDate.optional(),
        note: realisedPnlInputSchema.shape.note,
      })
      .strict(),
    z.object({ id: recordId, exitPrice: decimalString, realisedPnl: realisedPnlSchema }),
  ),

  'prices.setManual': method(
    z
      .object({
        asset: assetSymbol,
        usd: positiveDecimal,
        /** Take a price more than 30 % away from the last known one (refused otherwise). */
        confirm: z.boolean().optional(),
      })
      .strict(),
    empty,
  ),
  'prices.clearManual': method(z.object({ asset: assetSymbol }).strict(), empty),
  'network.setManual': method(
    z
      .object({
        coin: assetSymbol,
        difficulty: positiveDecimal,
        blockReward: nonNegativeDecimal.optional(),
        feesPerBlock: nonNegativeDecimal.optional(),
        height: z.number().int().min(0).optional(),
      })
      .strict(),
    empty,
  ),

  'settings.get': method(empty, settingsSchema),
  'settings.update': method(settingsPatchSchema, settingsSchema),

  'feeds.refresh': method(
    empty,
    z.object({
      prices: z.record(z.string(), priceEntrySchema),
      errors: z.array(z.object({ source: z.string(), message: z.string() })),
    }),
  ),
  'feeds.status': method(empty, z.array(feedStatusSchema)),

  /** Sends a test message on one channel now and says whether it arrived. */
  'notifications.test': method(
    z.object({ channelId: recordId }).strict(),
    notificationTestResultSchema,
  ),
  /** Per off-desk channel: its last success, last error and waiting messages. */
  'notifications.status': method(empty, z.array(channelStatusSchema)),

  'alerts.list': method(
    z.object({ includeResolved: z.boolean().optional() }).strict(),
    z.array(alertSchema),
  ),
  'alerts.acknowledge': method(idParams, alertSchema),
  'alerts.mute': method(
    z.object({ subjectId: muteSubjectId, until: isoDateTime.optional() }).strict(),
    empty,
  ),
  /** Lifts the subject's mute now; alerts about it notify again. */
  'alerts.unmute': method(z.object({ subjectId: muteSubjectId }).strict(), empty),
  /** The mutes still in force (a mute without `until` lasts until it is lifted). */
  'alerts.mutes': method(empty, z.array(muteSchema)),

  'scenario.run': method(
    z
      .object({
        shocksPct: z.record(assetSymbol, decimalBetween('-100', '1000', '%'), {
          error: 'Send shocksPct as an object of coin to percent, e.g. {"BTC": "-30"}.',
        }),
      })
      .strict(),
    snapshotSchema,
  ),
  'hedge.plan': method(
    hedgePlanSchema.strict(),
    z.object({
      coin: z.string(),
      days: z.number().int(),
      expectedCoins: decimalString,
      /** Coins the plan hedges in all: expected production × hedge ratio. */
      targetShortCoins: decimalString,
      /** Coins already short on the coin in the open positions, counted against the target. */
      openShortCoins: decimalString,
      /** The further short to open (target − already short, never below 0). */
      shortSize: decimalString,
      /** `over-hedged`: the book is already short more than the production over the days. */
      status: z.enum(['to-open', 'hedged', 'over-hedged']),
      /** What the plan means, in a sentence. */
      message: z.string(),
      entryPrice: decimalString,
      liquidationPrice: decimalString.nullable(),
      risePctToLiquidation: decimalString.nullable(),
      marginUsd: decimalString,
      /** The coin's perpetual funding rate now, percent per settlement; null when none is known. */
      fundingRatePct: decimalString.nullable(),
      /** What the short receives (positive) or pays per average month at that rate, in USD. */
      fundingCarryUsdPerMonth: decimalString.nullable(),
      fundingSource: z.string().nullable(),
      fundingNote: z.string().nullable(),
    }),
  ),

  /** Month by month cash, BTC found and each loan's LTV as difficulty climbs and the halving comes. */
  'runway.get': method(runwayParamsSchema, runwaySchema),

  'history.get': method(
    z
      .object({
        series: z
          .string({ error: 'Send the name of a series, as history.series lists them.' })
          .min(1, { error: 'Send the name of a series, as history.series lists them.' })
          .max(200, { error: 'A series name is at most 200 characters.' }),
        from: isoDateTime.optional(),
        to: isoDateTime.optional(),
      })
      .strict(),
    z.array(z.tuple([isoDateTime, decimalString])),
  ),
  'history.series': method(empty, z.array(z.string())),

  // The backup family: the whole farm as one document (export, preview, import) and the
  // rotating copies kept in the data folder (list, create, restore).
  'backup.export': method(
    z
      .object({
        /** Channel tokens and passwords are left out unless this is true. */
        includeSecrets: z.boolean({ error: 'Send includeSecrets as true or false.' }).optional(),
      })
      .strict(),
    backupDocumentSchema,
  ),
  'backup.import': method(
    backupDocumentSchema.extend({
      /** Required when the file would silence alerts (see backup.preview settingsChanges). */
      confirmSilencing: z.boolean({ error: 'Send confirmSilencing as true or false.' }).optional(),
    }),
    z.object({ imported: z.record(z.string(), z.number().int()) }),
  ),
  'backup.preview': method(backupDocumentSchema, backupPreviewSchema),
  'backup.list': method(empty, z.array(backupFileSchema)),
  'backup.create': method(empty, backupFileSchema),
  'backup.restore': method(
    z
      .object({
        name: z
          .string({ error: 'Send the backup’s file name as text, as backup.list shows it.' })
          .min(1, { error: 'Send the backup’s file name, as backup.list shows it.' })
          .max(200, { error: 'A backup’s file name is at most 200 characters.' }),
      })
      .strict(),
    z.object({ restored: z.string() }),
  ),

  // What happened to the data files (a farm restored from a backup, a missing file, an
  // upgrade): each notice stays, across restarts, until the operator dismisses it.
  'notices.list': method(empty, z.array(storeNoticeSchema)),
  'notices.dismiss': method(
    z.object({ id: storeNoticeSchema.shape.id }).strict(),
    z.array(storeNoticeSchema),
  ),

  'pnl.list': method(empty, z.array(realisedPnlSchema)),
  'pnl.add': method(realisedPnlInputSchema, realisedPnlSchema),
  'pnl.remove': method(idParams, idResult),

  // Funding of perpetual positions actually paid (negative) or received (positive).
  'funding.list': method(fundingListParamsSchema, z.array(fundingPaymentSchema)),
  'funding.add': method(fundingAddParamsSchema, fundingPaymentSchema),
  'funding.remove': method(idParams, idResult),
  'funding.import': method(fundingImportParamsSchema, fundingImportResultSchema),

  'review.get': method(
    z
      .object({
        asOf: isoDate,
        months: z
          .number()
          .int()
          .min(1, { error: 'Review at least 1 month.' })
          .max(24, { error: 'Review at most 24 months.' })
          .optional(),
      })
      .strict(),
    reviewSchema,
  ),
  'report.html': method(
    z.object({ asOf: isoDate }).strict(),
    z.object({ fileName: z.string(), html: z.string() }),
  ),
  'csv.export': method(exportCsvParamsSchema, exportCsvResultSchema),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ParamsOf<M extends MethodName> = z.input<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.infer<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
