import { z } from 'zod';
import { alertSchema, positionSchema, rigFields, storedLoanFields } from './records';
import { EFFICIENCY_UNITS } from '#shared/efficiency';
import { decimalString, isoDate, isoDateTime, recordId } from './fields';
import { loanOddsSchema, positionOddsSchema } from './odds';

// The computed Snapshot (docs/formulas.md states each figure's rule). Field names are part of the contract.

const dec = decimalString;
const decOrNull = decimalString.nullable();

export const priceEntrySchema = z.object({
  usd: dec,
  source: z.string(),
  at: isoDateTime,
  stale: z.boolean(),
  manual: z.boolean(),
  disputed: z.boolean(),
  /**
   * True when only one source quotes this price and it moved more than 30 % from the last
   * price two or more sources agreed on (`multiSourceUsd`): like a stale or disputed price,
   * it raises no liquidation or margin-call alert.
   */
  singleSource: z.boolean().optional(),
  multiSourceUsd: dec.optional(),
  ageSec: z.number().int(),
  /** True when an as-of Snapshot took this price from the stored history. */
  fromHistory: z.boolean().optional(),
});
export type PriceEntry = z.infer<typeof priceEntrySchema>;

export const networkEntrySchema = z.object({
  difficulty: dec,
  blockReward: dec,
  feesPerBlock: dec,
  networkHashrateHs: dec,
  height: z.number().int().nullable(),
  source: z.string(),
  at: isoDateTime,
  stale: z.boolean(),
});
export type NetworkEntry = z.infer<typeof networkEntrySchema>;

export const hashPowerSchema = z.object({
  coin: z.string(),
  algorithm: z.string(),
  nominalHs: dec,
  liveHs: decOrNull,
  /** Live ÷ nominal × 100; null until a rig of the coin has reported. */
  livePct: decOrNull,
  /** The live share is below what the hash-rate-drop threshold allows. */
  liveBelowThreshold: z.boolean(),
  rigsOnline: z.number().int(),
  rigsTotal: z.number().int(),
});
export type HashPower = z.infer<typeof hashPowerSchema>;

export const farmSchema = z.object({
  hashPower: z.array(hashPowerSchema),
  powerWatts: dec,
  revenueUsdPerDay: decOrNull,
  /** Revenue the rigs reported offline would earn per day; 0 when all answer. */
  revenueLostUsdPerDay: decOrNull,
  powerCostUsdPerDay: dec,
  profitUsdPerDay: decOrNull,
  debtUsd: dec,
  collateralUsd: decOrNull,
  worstHealthFactor: decOrNull,
  btcHashpriceUsdPerPhDay: decOrNull,
});
export type FarmFigures = z.infer<typeof farmSchema>;

export const rigLiveSchema = z.object({
  hashrateHs: dec,
  temperatureC: decOrNull,
  uptimeS: z.number().int(),
  at: isoDateTime,
  online: z.boolean(),
  /** Why the rig is offline, as a sentence for the operator (no answer, a bad reply, an impossible figure); null while online. */
  error: z.string().nullable(),
});
export type RigLive = z.infer<typeof rigLiveSchema>;

export const rigViewSchema = rigFields.extend({
  id: recordId,
  nominalHs: dec,
  coinsPerDay: decOrNull,
  revenueUsdPerDay: decOrNull,
  powerCostUsdPerDay: dec,
  profitUsdPerDay: decOrNull,
  breakEvenPriceUsd: decOrNull,
  breakEvenPerKwh: decOrNull,
  efficiencyJPerTh: decOrNull,
  /** Efficiency in the unit the coin's machines are sold in (J/TH, J/GH, J/MH …). */
  efficiency: z.object({ value: decOrNull, unit: z.enum(EFFICIENCY_UNITS) }),
  /** Nameplate revenue not earned while the live poll reports the rig offline; 0 otherwise. */
  revenueLostUsdPerDay: decOrNull,
  live: rigLiveSchema.nullable(),
});
export type RigView = z.infer<typeof rigViewSchema>;

export const loanHealthSchema = z.enum([
  'healthy',
  'watch',
  'margin-call',
  'liquidation',
  'unknown',
  'unsecured',
]);
export type LoanHealthBand = z.infer<typeof loanHealthSchema>;

export const loanViewSchema = storedLoanFields.extend({
  id: recordId,
  accruedInterest: dec,
  principalBalance: dec,
  outstanding: dec,
  /** Each collateral asset priced now (USD-like at 1 unless a scenario moves it). */
  collateralHoldings: z.array(
    z.object({ asset: z.string(), amount: dec, priceUsd: decOrNull, valueUsd: decOrNull }),
  ),
  collateralValueUsd: decOrNull,
  /** Price of the trigger asset now (the collateral asset the trigger prices are for). */
  collateralPriceUsd: decOrNull,
  /** The asset whose price the margin-call and liquidation prices are; null without one. */
  triggerAsset: z.string().nullable(),
  ltvPct: decOrNull,
  marginCallPrice: decOrNull,
  liquidationPrice: decOrNull,
  healthFactor: decOrNull,
  health: loanHealthSchema,
  /** The LTV a cure returns to: targetLtvPct, else the LTV at the start. */
  cureTargetLtvPct: decOrNull,
  cure: z.object({ addCollateral: dec, asset: z.string(), repay: dec }).nullable(),
  nextPayment: z.object({ date: isoDate, amount: dec }).nullable(),
  /** The last scheduled date; from it on everything owed is due. */
  maturityDate: isoDate,
  priceStale: z.boolean(),
  /** Odds of reaching the margin-call and liquidation prices; null without a trigger price. */
  odds: loanOddsSchema.nullable(),
});
export type LoanView = z.infer<typeof loanViewSchema>;

/** `check`: the figures describe a position that cannot exist; `checkReason` says why. */
export const positionStatusSchema = z.enum([
  'safe',
  'warning',
  'danger',
  'breached',
  'check',
  'unknown',
]);
export type PositionStatus = z.infer<typeof positionStatusSchema>;

export const positionViewSchema = positionSchema.extend({
  markPrice: decOrNull,
  notionalUsd: decOrNull,
  unrealizedPnl: decOrNull,
  unrealizedPnlUsd: decOrNull,
  roePct: decOrNull,
  /** Initial margin in USD as the position's exchange style measures it (the ROE base). */
  marginUsd: decOrNull,
  /** Maintenance margin ÷ margin balance × 100 (of the whole cross wallet for cross). */
  marginRatioPct: decOrNull,
  liquidationPrice: decOrNull,
  /** True when hedge-mode legs of one symbol in one cross wallet share this price. */
  liquidationShared: z.boolean(),
  /** Which way the price must move to liquidate (for shared prices: the account's net side). */
  liquidationDirection: z.enum(['fall', 'rise']).nullable(),
  /** The maintenance margin rate in force at the liquidation price (the bracket used). */
  liquidationMaintenanceMarginRate: decOrNull,
  distanceToLiquidationPct: decOrNull,
  stopDistancePct: decOrNull,
  stopPastLiquidation: z.boolean(),
  reportedGapPct: decOrNull,
  status: positionStatusSchema,
  /** When status is `check`: a sentence saying what cannot be right. */
  checkReason: z.string().nullable(),
  priceStale: z.boolean(),
  /** The exchange's funding rate for the coming settlement, percent per funding period. */
  fundingRatePct: decOrNull,
  nextFundingAt: isoDateTime.nullable(),
  /** Estimated funding per day at the current rate in USD: positive received, negative paid. */
  fundingPerDayUsd: decOrNull,
  /** The same per average month (365 / 12 days). */
  fundingPerMonthUsd: decOrNull,
  /** Hours between settlements used for the estimate. */
  fundingIntervalHours: decOrNull,
  /** Which feed quoted the rate ("Binance USDⓈ-M", "demo") and when it was received. */
  fundingSource: z.string().nullable(),
  fundingAt: isoDateTime.nullable(),
  /** Why there is no estimate, or what to keep in mind about it (an old quote); else null. */
  fundingNote: z.string().nullable(),
  /** Odds of reaching the liquidation price and the stop; null without a mark price. */
  odds: positionOddsSchema.nullable(),
});
export type PositionView = z.infer<typeof positionViewSchema>;

export const storeNoticeSchema = z.object({
  /** Stable until dismissed (`notices.dismiss`). */
  id: z.string().min(1).max(100),
  kind: z.enum(['recovered-from-backup', 'recovered-empty', 'migrated']),
  message: z.string(),
  at: isoDateTime,
});
export type StoreNotice = z.infer<typeof storeNoticeSchema>;

export const snapshotSchema = z.object({
  asOf: isoDateTime,
  offline: z.boolean(),
  scenario: z.record(z.string(), dec).nullable(),
  prices: z.record(z.string(), priceEntrySchema),
  /** The assets whose price the farm's records depend on (mined, pledged, traded), sorted. */
  assetsInUse: z.array(z.string()),
  network: z.record(z.string(), networkEntrySchema),
  farm: farmSchema,
  rigs: z.array(rigViewSchema),
  loans: z.array(loanViewSchema),
  positions: z.array(positionViewSchema),
  alerts: z.array(alertSchema),
  notices: z.array(storeNoticeSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
