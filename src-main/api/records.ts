import { z } from 'zod';
import { HASHRATE_UNITS } from '../core/units';
import {
  assetSymbol,
  decimalBetween,
  decimalCompare,
  decimalString,
  isoDate,
  isoDateTime,
  nonNegativeDecimal,
  percent,
  positiveDecimal,
  recordId,
  shortText,
} from './fields';

// SPEC §4: the stored records. Field names are part of the contract.

export const BUILTIN_COINS = ['BTC', 'LTC', 'KAS', 'ETC'] as const;

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
  notes: z.string().max(2000).optional(),
});
export const rigInputSchema = rigFields.strict();
export const rigSchema = rigFields.extend({ id: recordId }).strict();
export type RigInput = z.input<typeof rigInputSchema>;
export type Rig = z.infer<typeof rigSchema>;

export const loanPaymentSchema = z.object({ date: isoDate, amount: positiveDecimal }).strict();
export type LoanPayment = z.infer<typeof loanPaymentSchema>;

export const loanFields = z.object({
  lender: shortText('lender name'),
  principal: positiveDecimal,
  currency: z.enum(['USD', 'USDT', 'USDC']).default('USD'),
  aprPct: decimalBetween('0', '1000', '%'),
  dayCount: z
    .union([z.literal(365), z.literal(360)], { error: 'Day count is 365 or 360.' })
    .default(365),
  startDate: isoDate,
  termMonths: z.number().int().min(1, { error: 'Term is at least 1 month.' }).max(600),
  repayment: z.enum(['bullet', 'interest-only', 'amortizing']),
  collateralAsset: z.union([z.literal('USD'), assetSymbol]),
  collateralAmount: nonNegativeDecimal,
  marginCallLtvPct: decimalBetween('0.01', '100', '%'),
  liquidationLtvPct: decimalBetween('0.01', '100', '%'),
  targetLtvPct: decimalBetween('0.01', '100', '%').optional(),
  payments: z.array(loanPaymentSchema).max(10_000).default([]),
  rigIds: z.array(recordId).optional(),
});

/** Cross-field rules every loan obeys; applied to creates and to patched records. */
export function checkLoanThresholds(
  loan: { marginCallLtvPct: string; liquidationLtvPct: string; targetLtvPct?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (decimalCompare(loan.marginCallLtvPct, loan.liquidationLtvPct) >= 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['marginCallLtvPct'],
      message: 'The margin-call LTV must be below the liquidation LTV.',
    });
  }
  if (
    loan.targetLtvPct !== undefined &&
    decimalCompare(loan.targetLtvPct, loan.marginCallLtvPct) >= 0
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['targetLtvPct'],
      message: 'The target LTV a cure returns to must be below the margin-call LTV.',
    });
  }
}

export const loanInputSchema = loanFields.strict().superRefine(checkLoanThresholds);
export const loanSchema = loanFields
  .extend({ id: recordId })
  .strict()
  .superRefine(checkLoanThresholds);
export type LoanInput = z.input<typeof loanInputSchema>;
export type Loan = z.infer<typeof loanSchema>;

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

export const customCoinSchema = z
  .object({
    symbol: assetSymbol,
    algorithm: shortText('algorithm', 40),
    blockTimeSec: positiveDecimal,
    hashesPerDifficulty: positiveDecimal,
  })
  .strict();
export type CustomCoin = z.infer<typeof customCoinSchema>;

export const sourceSchema = z
  .object({
    enabled: z.boolean(),
    baseUrl: z.url({ protocol: /^https?$/, error: 'Enter an http(s) URL.' }),
    apiKey: z.string().max(200).optional(),
  })
  .strict();

export const PRICE_SOURCES = ['coingecko', 'binance', 'kraken', 'mempool'] as const;
export type PriceSourceName = (typeof PRICE_SOURCES)[number];

export const settingsSchema = z
  .object({
    electricityPerKwh: nonNegativeDecimal,
    pollIntervalSec: z.number().int().min(1, { error: 'Poll at most once a second.' }).max(86_400),
    rigPollIntervalSec: z.number().int().min(1).max(86_400),
    staleAfterSec: z.number().int().min(1).max(604_800),
    offline: z.boolean(),
    sources: z
      .object({
        coingecko: sourceSchema,
        binance: sourceSchema,
        kraken: sourceSchema,
        mempool: sourceSchema,
      })
      .strict(),
    thresholds: z
      .object({
        positionWarningPct: percent,
        positionCriticalPct: percent,
        loanWatchPoints: percent,
        hysteresisPoints: percent,
        rigOfflineMin: z.number().int().min(1).max(10_080),
        hashrateDropPct: percent,
        paymentDueDays: z.number().int().min(0).max(365),
      })
      .strict(),
    notifications: z.object({ desktop: z.boolean() }).strict(),
    coins: z.array(customCoinSchema).max(50),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** Rules across settings fields, checked whenever settings change. */
export function checkSettings(settings: Settings, ctx: z.RefinementCtx): void {
  const seen = new Set<string>(BUILTIN_COINS);
  settings.coins.forEach((coin, index) => {
    if (seen.has(coin.symbol)) {
      ctx.addIssue({
        code: 'custom',
        path: ['coins', index, 'symbol'],
        message: (BUILTIN_COINS as readonly string[]).includes(coin.symbol)
          ? `${coin.symbol} is built in; a custom coin needs a symbol of its own.`
          : `${coin.symbol} is listed twice.`,
      });
    }
    seen.add(coin.symbol);
  });
  const { positionWarningPct, positionCriticalPct } = settings.thresholds;
  if (decimalCompare(positionCriticalPct, positionWarningPct) >= 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['thresholds', 'positionCriticalPct'],
      message: 'The critical distance to liquidation must be smaller than the warning distance.',
    });
  }
}

export const validSettingsSchema = settingsSchema.superRefine(checkSettings);

export const DEFAULT_SETTINGS: Settings = {
  electricityPerKwh: '0.08',
  pollIntervalSec: 60,
  rigPollIntervalSec: 60,
  staleAfterSec: 300,
  offline: false,
  sources: {
    coingecko: { enabled: true, baseUrl: 'https://api.coingecko.com' },
    binance: { enabled: true, baseUrl: 'https://api.binance.com' },
    kraken: { enabled: true, baseUrl: 'https://api.kraken.com' },
    mempool: { enabled: true, baseUrl: 'https://mempool.space' },
  },
  thresholds: {
    positionWarningPct: '10',
    positionCriticalPct: '5',
    loanWatchPoints: '5',
    hysteresisPoints: '1',
    rigOfflineMin: 10,
    hashrateDropPct: '20',
    paymentDueDays: 7,
  },
  notifications: { desktop: true },
  coins: [],
};

export const ALERT_RULES = [
  'position.liquidation',
  'position.stop-past-liquidation',
  'loan.ltv',
  'loan.payment-due',
  'price.stale',
  'price.disputed',
  'rig.offline',
  'rig.hashrate-drop',
  'farm.unprofitable',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

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

export const manualPriceSchema = z.object({ usd: positiveDecimal, at: isoDateTime }).strict();
export const manualNetworkSchema = z
  .object({
    difficulty: positiveDecimal,
    blockReward: nonNegativeDecimal.optional(),
    feesPerBlock: nonNegativeDecimal.optional(),
    height: z.number().int().min(0).optional(),
    at: isoDateTime,
  })
  .strict();
export type ManualNetwork = z.infer<typeof manualNetworkSchema>;

/** Last price each feed round agreed on, kept so a restart offline still has numbers. */
export const storedPriceSchema = z
  .object({
    usd: positiveDecimal,
    source: z.string(),
    at: isoDateTime,
    disputed: z.boolean().default(false),
  })
  .strict();
export type StoredPrice = z.infer<typeof storedPriceSchema>;

export const storedNetworkSchema = z
  .object({
    difficulty: positiveDecimal,
    blockReward: nonNegativeDecimal,
    feesPerBlock: nonNegativeDecimal,
    height: z.number().int().min(0).optional(),
    source: z.string(),
    at: isoDateTime,
  })
  .strict();
export type StoredNetwork = z.infer<typeof storedNetworkSchema>;
