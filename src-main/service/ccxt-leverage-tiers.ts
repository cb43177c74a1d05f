import type { MaintenanceBracket } from '#api/records';
import { type Dec, ZERO, dec, decStr } from '#shared/decimal';

// Maintenance brackets from ccxt's fetchLeverageTiers(): an object keyed by unified symbol,
// each a list of `{ tier, minNotional, maxNotional, maintenanceMarginRate, maxLeverage,
// info }` (or one symbol's list from fetchMarketLeverageTiers, each tier naming its
// symbol). ccxt's unified tier has no maintenance amount: Binance sends it as `info.cum`,
// Bybit as `info.mmDeduction`; without either it follows from Binance's published
// "Maintenance Amount formula" (docs/formulas-positions.md "Maintenance brackets").

export class TierProblem extends Error {}

type ReadDecimal = (raw: unknown, field: string) => string | undefined;

function record(raw: unknown): Record<string, unknown> | null {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? Object.fromEntries(Object.entries(raw))
    : null;
}

/** The tier lists by ccxt symbol, from either shape ccxt returns. */
export function tiersBySymbol(raw: unknown): Map<string, unknown[]> {
  const bySymbol = new Map<string, unknown[]>();
  if (raw === undefined || raw === null) return bySymbol;
  if (Array.isArray(raw)) {
    for (const tier of raw) {
      const symbol = record(tier)?.symbol;
      if (typeof symbol !== 'string')
        throw new TierProblem('a leverage tier in the list does not name its symbol');
      bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), tier]);
    }
    return bySymbol;
  }
  const table = record(raw);
  if (table === null)
    throw new TierProblem('the leverage tiers are not the object fetchLeverageTiers() returns');
  for (const [symbol, tiers] of Object.entries(table)) {
    if (!Array.isArray(tiers))
      throw new TierProblem(`the leverage tiers of ${symbol} are not a list`);
    bySymbol.set(symbol, tiers);
  }
  return bySymbol;
}

interface TierFigures {
  floor: Dec;
  cap: string;
  rate: string;
  maxLeverage: string;
  amount: string | undefined;
}

function readTier(raw: unknown, n: number, symbol: string, read: ReadDecimal): TierFigures {
  const tier = record(raw);
  const where = `tier ${n} of ${symbol}`;
  if (tier === null) throw new TierProblem(`${where} is not a tier object`);
  const need = (field: string) => {
    const value = read(tier[field], `${where}: ${field}`);
    if (value === undefined) throw new TierProblem(`${where} has no ${field}`);
    return value;
  };
  const info = record(tier.info) ?? {};
  return {
    floor: dec(read(tier.minNotional, `${where}: minNotional`) ?? '0'),
    cap: need('maxNotional'),
    rate: need('maintenanceMarginRate'),
    maxLeverage: need('maxLeverage'),
    amount:
      read(info.cum, `${where}: info.cum`) ?? read(info.mmDeduction, `${where}: info.mmDeduction`),
  };
}

/** One symbol's tiers as our brackets, lowest first. */
export function bracketsFromTiers(
  tiers: readonly unknown[],
  symbol: string,
  read: ReadDecimal,
): MaintenanceBracket[] {
  const figures = tiers
    .map((t, i) => readTier(t, i + 1, symbol, read))
    .sort((a, b) => a.floor.comparedTo(b.floor));
  let previousRate = ZERO;
  let previousAmount = ZERO;
  return figures.map((t) => {
    const rate = dec(t.rate);
    // Binance "Maintenance Amount formula": cum(n) = floor(n) × (MMR(n) − MMR(n−1)) + cum(n−1).
    const amount =
      t.amount === undefined
        ? t.floor.mul(rate.minus(previousRate)).plus(previousAmount)
        : dec(t.amount);
    previousRate = rate;
    previousAmount = amount;
    return {
      notionalCap: t.cap,
      maintenanceMarginRate: t.rate,
      maintenanceAmount: decStr(amount, 12),
      maxLeverage: t.maxLeverage,
    };
  });
}
