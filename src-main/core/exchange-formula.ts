import type { Position } from '#api/records';

// The liquidation formula an exchange uses (docs/formulas-positions.md "Which formula an
// exchange uses"): Bybit fixes the maintenance margin at entry; Binance, OKX and the
// others compute it at the mark price, the Binance style. The operator can override it.

export type LiquidationFormula = Position['formula'];

const AT_ENTRY_EXCHANGES = ['bybit'];

/** "Bybit", "bybit", "Bybit UTA", "ccxt:bybit" → Bybit style; anything else Binance style. */
export function formulaForExchange(exchange: string): LiquidationFormula {
  const words = exchange.toLowerCase().split(/[^a-z0-9]+/);
  return words.some((w) => AT_ENTRY_EXCHANGES.includes(w))
    ? 'maintenance-at-entry'
    : 'maintenance-at-liquidation';
}
