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
  reportedLiquidationPrice: positiveDecimal.optional(),
  stopLoss: positiveDecimal.optional(),
  stopTrigger: z.enum(['mark', 'last']).optional(),
  takeProfit: positiveDecimal.optional(),
  openedAt: isoDateTime,
});
export const positionInputSchema = positionFields.strict();
export const positionSchema = positionFields.extend({ id: recordId }).strict();
export type PositionInput = z.input<typeof positionInputSchema>;
export type Position = z.infer<typeof positionSchema>;
