import { z } from 'zod';
import { decimalBetween, isoDateTime, shortText } from './fields';

// Files in and out of RigLedger for the offline review: CSV exports, a rigs CSV import,
// positions saved from ccxt, and the preview of a backup import.

export const CSV_KINDS = ['rigs', 'loans', 'payments', 'positions', 'alerts'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** 5 MB of text is some 50,000 rig rows, far past any farm. */
export const MAX_IMPORT_TEXT_CHARS = 5_000_000;
export const MAX_CCXT_POSITIONS = 1_000;

export const exportCsvParamsSchema = z
  .object({ kind: z.enum(CSV_KINDS, { error: `Pick what to export: ${CSV_KINDS.join(', ')}.` }) })
  .strict();
export const exportCsvResultSchema = z.object({ fileName: z.string(), csv: z.string() });

export const rigsCsvParamsSchema = z
  .object({
    csv: z
      .string({ error: 'Paste or choose a CSV file.' })
      .max(MAX_IMPORT_TEXT_CHARS, { error: 'That CSV is over 5 MB; split it into smaller files.' }),
    dryRun: z.boolean().optional(),
  })
  .strict();

export const rigsCsvResultSchema = z.object({
  rows: z.array(
    z.object({
      /** Line of the file the row starts on (1 is the header). */
      line: z.number().int(),
      ok: z.boolean(),
      name: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
  created: z.number().int(),
  /** Rows left out for a problem; the good rows are imported all the same. */
  rejected: z.number().int(),
  /** The header and the rejected rows as they were, to fix and import again. */
  rejectedCsv: z.string().optional(),
  message: z.string(),
});

export const ccxtPositionsParamsSchema = z
  .object({
    positions: z
      .array(z.unknown(), { error: 'Expected the list ccxt’s fetchPositions() returns.' })
      .max(MAX_CCXT_POSITIONS, {
        error: `Import at most ${MAX_CCXT_POSITIONS} positions at a time.`,
      }),
    account: shortText('account name'),
    exchange: shortText('exchange name').optional(),
    dryRun: z.boolean().optional(),
    /** Optional: what ccxt's fetchLeverageTiers() returns; gives positions their brackets. */
    leverageTiers: z.unknown().optional(),
    /** The maintenance margin rate (a percent) for every entry the file gives none. */
    defaultMaintenanceMarginPct: decimalBetween('0', '50', '%').optional(),
  })
  .strict();

export const ccxtPositionsResultSchema = z.object({
  rows: z.array(
    z.object({
      /** 1-based place of the entry in the list. */
      index: z.number().int(),
      ok: z.boolean(),
      symbol: z.string().optional(),
      /** A closed position (0 contracts): not imported, not an error. */
      skipped: z.boolean().optional(),
      error: z.string().optional(),
    }),
  ),
  created: z.number().int(),
  /** Entries left out for a problem; the good ones are imported all the same. */
  rejected: z.number().int(),
  /** Entries with no maintenance margin rate while no default was given: ask for one. */
  missingMaintenanceMargin: z.number().int(),
  message: z.string(),
});

const collectionChangeSchema = z.object({
  current: z.number().int(),
  incoming: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
});

/** One settings change a backup brings (mutes and manual prices included). */
export const settingsChangeSchema = z.object({
  /** Where it is: "thresholds.positionCriticalPct", "mutes.all", "manualPrices.BTC"… */
  setting: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** True when it could keep an alert from being raised or heard: needs confirmSilencing. */
  silencesAlerts: z.boolean(),
  sentence: z.string(),
});
export type SettingsChange = z.infer<typeof settingsChangeSchema>;

/** The history a backup brings: what the charts and the monthly review will show after it. */
export const backupHistorySchema = z.object({
  /** False for an older backup made without it: the farm keeps its own history. */
  included: z.boolean(),
  seriesCount: z.number().int(),
  pointCount: z.number().int(),
  /** The oldest and newest point of any series; null without points. */
  from: isoDateTime.nullable(),
  to: isoDateTime.nullable(),
  sentence: z.string(),
});
export type BackupHistory = z.infer<typeof backupHistorySchema>;

export const backupPreviewSchema = z.object({
  collections: z.record(z.string(), collectionChangeSchema),
  history: backupHistorySchema,
  settingsChanged: z.boolean(),
  /** Every settings change, mutes and manual prices the file brings. */
  settingsChanges: z.array(settingsChangeSchema),
});
