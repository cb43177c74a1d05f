import { z } from 'zod';
import {
  assetSymbol,
  decimalBetween,
  decimalCompare,
  isoDateTime,
  nonNegativeDecimal,
  positiveDecimal,
  recordId,
  shortText,
} from './fields';

// An open leveraged position on an exchange (Position record).

/**
 * One row of an exchange's maintenance-margin table (Binance "leverage brackets", Bybit
 * "risk limit", ccxt `fetchLeverageTiers`). A bracket covers the notional above the
 * previous bracket's cap up to its own cap: in the quote asset for linear contracts, in
 * the coin for inverse ones. The last bracket also covers anything beyond its cap.
 */
export const maintenanceBracketSchema = z
  .object({
    notionalCap: positiveDecimal,
    maintenanceMarginRate: decimalBetween('0', '1', '(a fraction: 0.005 is 0.5 %)'),
    maintenanceAmount: nonNegativeDecimal.default('0'),
    maxLeverage: decimalBetween('1', '1000', '×'),
  })
  .strict();
export type MaintenanceBracket = z.infer<typeof maintenanceBracketSchema>;

export const maintenanceBracketsSchema = z
  .array(maintenanceBracketSchema)
  .min(1, { error: 'List at least one bracket, or leave the brackets out.' })
  .max(60, { error: 'At most 60 brackets.' })
  .refine(
    (brackets) =>
      brackets.every(
        (b, i) => i === 0 || decimalCompare(b.notionalCap, brackets[i - 1]!.notionalCap) > 0,
      ),
    { error: 'List the brackets from the smallest notional cap up, each cap above the last.' },
  );

export const positionFields = z.object({
  account: shortText('account name'),
  exchange: shortText('exchange name'),
  symbol: shortText('symbol', 40),
  baseAsset: assetSymbol,
  quoteAsset: z.union([z.literal('USD'), assetSymbol]),
  kind: z.enum(['linear', 'inverse']),
  side: z.enum(['long', 'short']),
  size: positiveDecimal,
  entryPrice: positiveDecimal,
  leverage: decimalBetween('1', '1000', '×').refine((v) => decimalCompare(v, '0') > 0, {
    error: 'Leverage must be greater than 0.',
  }),
  marginMode: z.enum(['isolated', 'cross']),
  walletBalance: nonNegativeDecimal,
  maintenanceMarginRate: decimalBetween('0', '1', '(a fraction: 0.005 is 0.5 %)'),
  maintenanceAmount: nonNegativeDecimal.default('0'),
  formula: z
    .enum(['maintenance-at-liquidation', 'maintenance-at-entry'])
    .default('maintenance-at-liquidation'),
  /** Optional: when given, the bracket at the liquidation price replaces the flat rate and amount. */
  maintenanceBrackets: maintenanceBracketsSchema.optional(),
  reportedLiquidationPrice: positiveDecimal.optional(),
  stopLoss: positiveDecimal.optional(),
  stopTrigger: z.enum(['mark', 'last']).optional(),
  takeProfit: positiveDecimal.optional(),
  openedAt: isoDateTime,
});
/**
 * A new position: without a `formula`, the service picks the one its exchange uses
 * (Bybit → Bybit style, else Binance style); a given one always wins.
 */
export const positionInputSchema = positionFields
  .extend({ formula: positionFields.shape.formula.removeDefault().optional() })
  .strict();
export const positionSchema = positionFields.extend({ id: recordId }).strict();
export type PositionInput = z.input<typeof positionInputSchema>;
export type Position = z.infer<typeof positionSchema>;
