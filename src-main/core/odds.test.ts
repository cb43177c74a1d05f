import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PriceEntry } from '#api/snapshot';
import { dec } from '#shared/decimal';
import type { Loan } from '#api/records';
import { horizonOutstanding } from './loan-odds';
import { loanFigures } from './loan-views';
import { type VolatilityTable, crossingOddsPct } from './odds';
import { positionViews } from './position-views';
import { sampleLoan, samplePosition, sampleSettings } from './test-fixtures/sample-records';

// docs/formulas-risk.md "Odds of crossing": worked examples through the Snapshot's loan and
// position rows, each value computed by hand from the closed form (30-digit arithmetic).

const AS_OF = new Date('2024-01-31T12:00:00Z');
const price = (usd: string): PriceEntry => ({
  usd,
  source: 'median',
  at: '2024-01-31T11:59:00Z',
  stale: false,
  manual: false,
  disputed: false,
  ageSec: 60,
});
const settings = sampleSettings();
const sixtyPctDefault = {};

/** A loan's row as the live Snapshot builds it: with σ and the debt at each horizon. */
const withOdds = (
  loan: Loan,
  prices: Record<string, PriceEntry>,
  volatility: VolatilityTable = sixtyPctDefault,
) =>
  loanFigures(loan, AS_OF, settings, prices, undefined, {
    volatility,
    outstandingAt: horizonOutstanding(loan, AS_OF),
  }).view;

describe("a loan's odds of a margin call and a liquidation", () => {
  // $500,000 bullet at 12 % ACT/365 from 2024-01-01 on 10 BTC at $80,000, σ 60 % (default).
  const view = withOdds(sampleLoan(), { BTC: price('80000') });

  it('uses the debt at the horizon’s end: 7 days on, 500,000 × (1 + 0.12 × 37/365) owed', () => {
    // Interest from 2024-01-01 to 2024-02-07 (37 days): 506,082.19 owed, margin call at
    // 506,082.19 / (10 × 0.7) = 72,297.46 → 23.45 %; liquidation at 63,260.27 → 0.53 %.
    expect(view.odds?.days7).toEqual({ marginCallPct: '23.45', liquidationPct: '0.53' });
    expect(view.odds?.days1).toEqual({ marginCallPct: '0.11', liquidationPct: '0' });
    expect(view.odds?.days30).toEqual({ marginCallPct: '61.29', liquidationPct: '20.83' });
  });
  it('says which volatility it used and where it came from', () => {
    expect(view.odds).toMatchObject({ volatilityPct: '60', volatilitySource: 'default' });
    const measured = withOdds(
      sampleLoan(),
      { BTC: price('80000') },
      {
        BTC: { volatilityPct: dec('45.5'), source: 'history' },
      },
    );
    expect(measured.odds).toMatchObject({ volatilityPct: '45.5', volatilitySource: 'history' });
  });
  it('has no odds without collateral that moves with a price', () => {
    const unsecured = sampleLoan({ collateral: [] });
    const stable = sampleLoan({ collateral: [{ asset: 'USDC', amount: '900000' }] });
    const prices = { BTC: price('80000') };
    expect(withOdds(unsecured, prices).odds).toBeNull();
    expect(withOdds(stable, prices).odds).toBeNull();
  });
  it('a loan past its margin call has touched it: 100 %', () => {
    const view = withOdds(sampleLoan(), { BTC: price('70000') });
    expect(view.odds?.days1.marginCallPct).toBe('100');
  });
  it('past charts of the LTV compute no odds', () => {
    expect(
      loanFigures(sampleLoan(), AS_OF, settings, { BTC: price('80000') }).view.odds,
    ).toBeNull();
  });
});

describe("a position's odds of liquidation and of its stop", () => {
  it('a long at 60,000 with liquidation at 54,221.11 and a stop at 57,000, σ 60 %', () => {
    const [view] = positionViews(
      [samplePosition({ stopLoss: '57000' })],
      settings,
      { BTC: price('60000'), USDT: price('1') },
      {},
    );
    expect(view?.odds).toEqual({
      volatilityPct: '60',
      volatilitySource: 'default',
      days1: { liquidationPct: '0.13', stopPct: '10.51' },
      days7: { liquidationPct: '23.44', stopPct: '55.08' },
      days30: { liquidationPct: '58.41', stopPct: '78.48' },
    });
  });
  it('without a stop-loss the stop odds are null; without a mark there are no odds', () => {
    const [priced] = positionViews([samplePosition()], settings, { BTC: price('60000') }, {});
    expect(priced?.odds?.days7.stopPct).toBeNull();
    const [unpriced] = positionViews([samplePosition()], settings, {}, {});
    expect(unpriced?.odds).toBeNull();
  });
});

describe('odds properties', () => {
  it('rise with volatility and with the horizon, and fall with the distance to the trigger', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 5, max: 200 }),
        fc.constantFrom(1, 7, 30),
        (distancePct, volPct, days) => {
          const odds = (distance: number, vol: number, horizon: number) =>
            Number(
              crossingOddsPct({
                price: dec(100),
                trigger: dec(100 - distance * 0.9),
                direction: 'fall',
                volatilityPct: dec(vol),
                days: horizon,
              }),
            );
          const p = odds(distancePct, volPct, days);
          expect(odds(distancePct, volPct + 10, days)).toBeGreaterThanOrEqual(p);
          expect(odds(distancePct, volPct, days + 1)).toBeGreaterThanOrEqual(p);
          expect(odds(distancePct + 5, volPct, days)).toBeLessThanOrEqual(p);
        },
      ),
    );
  });
});
