import { describe, expect, it } from 'vitest';
import { formulaForExchange } from './exchange-formula';

describe('the liquidation formula an exchange uses', () => {
  it('picks the Bybit style for Bybit, however it is written', () => {
    for (const name of ['Bybit', 'bybit', 'BYBIT', 'Bybit UTA', 'ccxt:bybit'])
      expect(formulaForExchange(name)).toBe('maintenance-at-entry');
  });

  it('picks the Binance style for Binance, OKX and exchanges it does not know', () => {
    for (const name of ['Binance', 'OKX', 'okx', 'Deribit', 'ccxt', 'Bybitcoin Ltd'])
      expect(formulaForExchange(name)).toBe('maintenance-at-liquidation');
  });
});
