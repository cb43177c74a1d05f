import { z } from 'zod';
import { customCoinClash } from '#shared/coins';
import { EFFICIENCY_UNITS } from '#shared/efficiency';
import {
  assetSymbol,
  decimalBetween,
  decimalCompare,
  nonNegativeDecimal,
  percent,
  positiveDecimal,
  shortText,
} from './fields';

// The one settings document and its defaults.

export const customCoinSchema = z
  .object({
    symbol: assetSymbol,
    algorithm: shortText('algorithm', 40),
    blockTimeSec: positiveDecimal,
    hashesPerDifficulty: positiveDecimal,
    /** The unit its machines' efficiency is read in; J/TH when left out. */
    efficiencyUnit: z
      .enum(EFFICIENCY_UNITS, { error: `Pick a unit: ${EFFICIENCY_UNITS.join(', ')}.` })
      .optional(),
  })
  .strict();
export type CustomCoin = z.infer<typeof customCoinSchema>;

export const sourceSchema = z
  .object({
    enabled: z.boolean(),
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'Enter an http(s) URL.' })
      .max(2000, { error: 'Keep the URL under 2,000 characters.' }),
    apiKey: z.string().max(200).optional(),
  })
  .strict();

export type SourceSettings = z.infer<typeof sourceSchema>;

const SOURCE_NAME_RULE =
  'A price source is named in lowercase letters, digits and dashes, such as "coingecko".';

/** A price source's key in settings: "coingecko", "binance", … */
export const priceSourceNameSchema = z
  .string()
  .max(40, { error: SOURCE_NAME_RULE })
  .regex(/^[a-z][a-z0-9-]{0,39}$/, { error: SOURCE_NAME_RULE });

/** A record keyed by price-source name (settings, or a settings patch). */
export function bySourceName<T extends z.ZodType>(value: T) {
  return z
    .record(priceSourceNameSchema, value, {
      error: (issue) => (issue.code === 'invalid_key' ? SOURCE_NAME_RULE : undefined),
    })
    .refine((sources) => Object.keys(sources).length <= 50, {
      error: 'At most 50 price sources can be configured.',
    });
}

/**
 * Price-source settings by source name. Which names exist is the feeds registry's business
 * (feeds/sources/registry.ts): the service refuses a name no source has and fills in each
 * source's defaults, so a source the operator never changed needs no entry here.
 */
export const sourcesSettingsSchema = bySourceName(sourceSchema);

/** Odds of crossing and the runway (docs/formulas-risk.md). */
export const riskSettingsSchema = z
  .object({
    /** Days of daily closes the realised volatility is measured over. */
    volatilityWindowDays: z
      .number()
      .int()
      .min(7, { error: 'Measure volatility over at least 7 days.' })
      .max(365, { error: 'Measure volatility over at most 365 days.' }),
    /** Annualised volatility used while the history is shorter than the window. */
    defaultVolatilityPct: decimalBetween('1', '500', '% a year'),
    /** The 7-day odds of a margin call or liquidation that raise `risk.odds`. */
    oddsAlertPct: decimalBetween('0.01', '100', '%'),
    oddsAlert: z.boolean(),
    /** Difficulty change per retarget the runway uses when history and the chain feed have none. */
    difficultyPerRetargetPct: decimalBetween('-50', '100', '% per retarget'),
  })
  .strict();
export type RiskSettings = z.infer<typeof riskSettingsSchema>;

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  volatilityWindowDays: 30,
  defaultVolatilityPct: '60',
  oddsAlertPct: '10',
  oddsAlert: false,
  difficultyPerRetargetPct: '0',
};

export const settingsSchema = z
  .object({
    electricityPerKwh: nonNegativeDecimal,
    pollIntervalSec: z.number().int().min(1, { error: 'Poll at most once a second.' }).max(86_400),
    rigPollIntervalSec: z.number().int().min(1).max(86_400),
    staleAfterSec: z.number().int().min(1).max(604_800),
    offline: z.boolean(),
    sources: sourcesSettingsSchema,
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
    // A file written before the risk settings existed gets their defaults.
    risk: riskSettingsSchema.default(() => ({ ...DEFAULT_RISK_SETTINGS })),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** Rules across settings fields, checked whenever settings change. */
export function checkSettings(settings: Settings, ctx: z.RefinementCtx): void {
  settings.coins.forEach((coin, index) => {
    const earlier = settings.coins.slice(0, index).map((c) => c.symbol);
    const clash = customCoinClash(coin.symbol, earlier);
    if (clash !== null)
      ctx.addIssue({ code: 'custom', path: ['coins', index, 'symbol'], message: clash });
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
  // Each source's default (enabled, at its own address) comes from its definition.
  sources: {},
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
  risk: DEFAULT_RISK_SETTINGS,
};
