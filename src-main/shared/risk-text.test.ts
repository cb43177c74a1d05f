import { describe, expect, it } from 'vitest';
import {
  formatOdds,
  liquidationOddsSentence,
  marginCallOddsSentence,
  runwaySentence,
  volatilityText,
} from './risk-text';

const odds = (mc: string | null, liq: string | null) => ({
  volatilityPct: '60',
  volatilitySource: 'default' as const,
  days7: { marginCallPct: mc, liquidationPct: liq },
});

const loans = [
  {
    id: 'a',
    lender: 'Northwind Credit',
    marginCallPrice: '68681.32',
    liquidationPrice: '60096.15',
    odds: odds('0.07', '0'),
  },
  {
    id: 'b',
    lender: 'Ledn',
    marginCallPrice: '70000',
    liquidationPrice: '61000',
    odds: odds('3.4', '0.5'),
  },
  { id: 'c', lender: 'Unsecured Co', marginCallPrice: null, liquidationPrice: null, odds: null },
];
const positions = [
  {
    id: 'p',
    symbol: 'BTCUSDT',
    side: 'short' as const,
    account: 'Hedge desk',
    liquidationPrice: '110533.12',
    odds: {
      volatilityPct: '60',
      volatilitySource: 'default' as const,
      days7: { liquidationPct: '1.25' },
    },
  },
];

describe('risk sentences', () => {
  it('names the loan with the worst odds of a margin call this week', () => {
    expect(marginCallOddsSentence(loans)).toBe(
      "This week's odds of a margin call: 3.4 % at worst (Ledn, margin call at $70,000.00).",
    );
  });
  it('takes the worst liquidation among loans and positions', () => {
    expect(liquidationOddsSentence(loans, positions)).toBe(
      "This week's odds of a liquidation: 1.25 % at worst (the BTCUSDT short on Hedge desk, liquidation at $110,533.12).",
    );
    expect(liquidationOddsSentence([], [])).toBeNull();
  });
  it('prints a chance too small to show as below 0.01 %, and says where σ came from', () => {
    expect(formatOdds('0')).toBe('< 0.01 %');
    expect(formatOdds('0.07')).toBe('0.07 %');
    expect(volatilityText(odds(null, null))).toBe(
      'volatility 60 % a year, your default (the price history is shorter than the window)',
    );
  });
  it('says when the runway ends, after the halving, and which loan reaches margin call', () => {
    const sentence = runwaySentence({
      assumptions: {
        difficultyPerRetargetPct: '2.1',
        pricePathPctPerMonth: '0',
        halvingDate: '2028-04-11T08:00:00.000Z',
      },
      months: [{ month: '2027-08' }, { month: '2028-04' }],
      cashNegativeFrom: '2028-04',
      marginCallFrom: [{ lender: 'Northwind Credit', month: '2027-08' }],
    });
    expect(sentence).toBe(
      "At today's price and +2.1 % difficulty per retarget, Northwind Credit reaches margin call in Aug 2027; the farm's cash turns negative in Apr 2028, after the Apr 2028 halving.",
    );
  });
  it('says so when the cash stays positive', () => {
    const sentence = runwaySentence({
      assumptions: {
        difficultyPerRetargetPct: '0',
        pricePathPctPerMonth: '-2',
        halvingDate: '2028-04-11T08:00:00.000Z',
      },
      months: [{ month: '2026-12' }, { month: '2027-11' }],
      cashNegativeFrom: null,
      marginCallFrom: [],
    });
    expect(sentence).toBe(
      "At a price falling 2 % a month and 0 % difficulty per retarget, no loan reaches margin call; the farm's cash stays positive through Nov 2027.",
    );
  });
});
