import { D, DECIMAL_PATTERN, dec } from '#shared/decimal';

// Reading one ccxt Position's fields (the unified structure fetchPositions() returns):
// numbers as decimal strings, the symbol in the exchange's own form, and every problem
// as a sentence in words rather than ccxt's field names.

/** A ccxt entry that cannot be read; its message completes "Position N: …" or "Payment N: …". */
export class EntryProblem extends Error {}

/** The entry has no maintenance margin rate and no default was given: asked for once. */
export class MissingMaintenanceMargin extends EntryProblem {}

/** ccxt's field names in words, for the sentences a bad entry gets. */
const CCXT_FIELD_WORDS: Record<string, string> = {
  contracts: 'the number of contracts',
  contractSize: 'the contract size',
  entryPrice: 'the entry price',
  leverage: 'the leverage',
  initialMarginPercentage: 'the initial margin rate',
  maintenanceMarginPercentage: 'the maintenance margin rate',
  collateral: 'the margin (collateral)',
  initialMargin: 'the initial margin',
  stopLossPrice: 'the stop-loss price',
  takeProfitPrice: 'the take-profit price',
  liquidationPrice: 'the liquidation price',
};

/** The position fields in the words of the position form. */
export const POSITION_FIELD_WORDS: Record<string, string> = {
  account: 'Account',
  exchange: 'Exchange',
  symbol: 'Symbol',
  baseAsset: 'Base asset',
  quoteAsset: 'Quote asset',
  size: 'Size',
  entryPrice: 'Entry price',
  leverage: 'Leverage',
  walletBalance: 'Wallet balance',
  maintenanceMarginRate: 'Maintenance margin rate',
  maintenanceAmount: 'Maintenance amount',
  reportedLiquidationPrice: 'Reported liquidation price',
  stopLoss: 'Stop loss',
  takeProfit: 'Take profit',
  openedAt: 'Opened at',
};

function words(field: string): string {
  return CCXT_FIELD_WORDS[field] ?? field;
}

const EXPONENT_NUMBER = /^-?\d+(?:\.\d+)?e[+-]?\d+$/i;

/**
 * A ccxt number (a JS float, or a numeric string) as a decimal string. String() gives the
 * shortest text that reads back as the same float — the digits the exchange sent — and
 * decimal.js rewrites an exponent form (1e-7) in plain digits.
 */
export function decimalFromCcxt(raw: unknown, field: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw))
      throw new EntryProblem(`${words(field)} is ${String(raw)}, not a number`);
    const text = String(raw);
    return DECIMAL_PATTERN.test(text) ? text : dec(raw).toFixed();
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (DECIMAL_PATTERN.test(text)) return text;
    if (EXPONENT_NUMBER.test(text)) return new D(text).toFixed();
    throw new EntryProblem(`${words(field)} is "${raw}", not a number`);
  }
  throw new EntryProblem(`${words(field)} is not a number`);
}

export function required(entry: Record<string, unknown>, field: string): string {
  const value = decimalFromCcxt(entry[field], field);
  if (value === undefined) throw new EntryProblem(`${words(field)} is missing`);
  return value;
}

/** The entry's maintenance margin rate, else the default asked for (a percent → a fraction). */
export function maintenanceRate(
  entry: Record<string, unknown>,
  defaultPct: string | undefined,
): string {
  const value = decimalFromCcxt(entry.maintenanceMarginPercentage, 'maintenanceMarginPercentage');
  if (value !== undefined) return value;
  if (defaultPct !== undefined) return dec(defaultPct).div(100).toFixed();
  throw new MissingMaintenanceMargin(
    'the file does not give its maintenance margin rate; enter the rate to use for every such position and check again',
  );
}

/**
 * The symbol as the exchange writes it: "BTC/USDT:USDT" → "BTCUSDT", "BTC/USD:BTC" →
 * "BTCUSD" (inverse), a dated future "BTC/USD:BTC-261225" → "BTCUSD-261225".
 */
export function exchangeSymbol(ccxtSymbol: string): string {
  const match = /^([A-Z0-9]+)\/([A-Z0-9]+):[A-Z0-9]+(?:-([A-Z0-9]+))?$/i.exec(ccxtSymbol.trim());
  if (!match) return ccxtSymbol.trim();
  const [, base = '', quote = '', expiry] = match;
  const pair = `${base}${quote}`.toUpperCase();
  return expiry === undefined ? pair : `${pair}-${expiry.toUpperCase()}`;
}

export function optionalPositive(
  entry: Record<string, unknown>,
  field: string,
): string | undefined {
  const value = decimalFromCcxt(entry[field], field);
  return value !== undefined && dec(value).gt(0) ? value : undefined;
}

/** "BTC/USDT:USDT" → linear; "BTC/USD:BTC" (settled in the base coin) → inverse; a dated future "BTC/USD:BTC-261225" too. */
export function readSymbol(raw: unknown): {
  base: string;
  quote: string;
  kind: 'linear' | 'inverse';
} {
  const match =
    typeof raw === 'string'
      ? /^([A-Z0-9]+)\/([A-Z0-9]+):([A-Z0-9]+)(?:-[A-Z0-9]+)?$/i.exec(raw.trim())
      : null;
  if (!match) {
    throw new EntryProblem(
      `the symbol ${typeof raw === 'string' ? `"${raw}"` : 'is missing or'} is not a ccxt derivatives symbol such as "BTC/USDT:USDT"`,
    );
  }
  const [, base = '', quote = '', settle = ''] = match;
  return {
    base: base.toUpperCase(),
    quote: quote.toUpperCase(),
    kind: settle.toUpperCase() === base.toUpperCase() ? 'inverse' : 'linear',
  };
}

export function readOpenedAt(entry: Record<string, unknown>, fallback: Date): string {
  if (typeof entry.datetime === 'string' && !Number.isNaN(Date.parse(entry.datetime))) {
    return new Date(Date.parse(entry.datetime)).toISOString();
  }
  if (typeof entry.timestamp === 'number' && Number.isFinite(entry.timestamp))
    return new Date(entry.timestamp).toISOString();
  return fallback.toISOString();
}

export function readLeverage(entry: Record<string, unknown>): string {
  const leverage = decimalFromCcxt(entry.leverage, 'leverage');
  if (leverage !== undefined) return leverage;
  // Without a leverage figure, the initial margin rate gives it: 0.1 → 10×.
  const initialRate = decimalFromCcxt(entry.initialMarginPercentage, 'initialMarginPercentage');
  if (initialRate !== undefined && dec(initialRate).gt(0))
    return dec(1).div(dec(initialRate)).toDecimalPlaces(8).toFixed();
  throw new EntryProblem(
    'the leverage is missing (and there is no initial margin rate to derive it)',
  );
}
