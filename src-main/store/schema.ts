import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  alertSchema,
  loanSchema,
  manualNetworkSchema,
  manualPriceSchema,
  muteSchema,
  positionSchema,
  rigSchema,
  settingsSchema,
  storedNetworkSchema,
  storedPriceSchema,
} from '#api/records';
import { realisedPnlSchema } from '#api/realised-pnl';
import { fundingPaymentSchema, fundingQuoteSchema } from '#api/funding';

// The shape of rigledger.json. Bump CURRENT_SCHEMA_VERSION and add a step to
// migrations.ts whenever this changes in a way old files do not satisfy.
export const CURRENT_SCHEMA_VERSION = 6;

/** Keys of the per-asset maps: asset symbols, capped so a file cannot carry huge keys. */
const assetKey = z.string().min(1).max(40);

export const databaseSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    rigs: z.array(rigSchema),
    loans: z.array(loanSchema),
    positions: z.array(positionSchema),
    settings: settingsSchema,
    alerts: z.array(alertSchema),
    mutes: z.array(muteSchema),
    manualPrices: z.record(assetKey, manualPriceSchema),
    manualNetwork: z.record(assetKey, manualNetworkSchema),
    lastPrices: z.record(assetKey, storedPriceSchema),
    lastNetwork: z.record(assetKey, storedNetworkSchema),
    realisedPnl: z.array(realisedPnlSchema),
    /** Funding each position paid or received, by payment. */
    fundingPayments: z.array(fundingPaymentSchema),
    /** Last funding quote per exchange and symbol ("binance-usdm:BTCUSDT"). */
    lastFunding: z.record(z.string().min(1).max(80), fundingQuoteSchema),
  })
  .strict();
export type Database = z.infer<typeof databaseSchema>;

export function emptyDatabase(): Database {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    rigs: [],
    loans: [],
    positions: [],
    settings: structuredClone(DEFAULT_SETTINGS),
    alerts: [],
    mutes: [],
    manualPrices: {},
    manualNetwork: {},
    lastPrices: {},
    lastNetwork: {},
    realisedPnl: [],
    fundingPayments: [],
    lastFunding: {},
  };
}

/**
 * history.json (docs/architecture.md "History"): per series name, runs of points a fixed
 * step apart (history-encoding.ts). Version 1 held [ISO time, value] pairs.
 */
export const HISTORY_SCHEMA_VERSION = 2;
/** A point as history.get returns it: [ISO time, decimal string]. */
export const historyPointSchema = z.tuple([z.string(), z.string()]);
export type HistoryPoint = z.infer<typeof historyPointSchema>;
const DELTA_VALUES = /^-?\d+(?:\.\d+)?(?:,-?\d+(?:\.\d+)?)*$/;
export const historySegmentSchema = z
  .object({
    start: z.iso.datetime(),
    stepSec: z.number().int().positive(),
    values: z.string().regex(DELTA_VALUES),
  })
  .strict();
export type HistorySegment = z.infer<typeof historySegmentSchema>;
export const historySchema = z
  .object({
    schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
    series: z.record(z.string(), z.array(historySegmentSchema)),
  })
  .strict();
export type HistoryDocument = z.infer<typeof historySchema>;
