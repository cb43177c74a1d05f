import { describe, expect, it } from 'vitest';
import type { Position } from '#api/records';
import type { PriceEntry } from '#api/snapshot';
import { positionViews } from './position-views';
import { BINANCE_BTCUSDT_BRACKETS } from './test-fixtures/position-brackets';
import { samplePosition, sampleSettings } from './test-fixtures/sample-records';

// Position rows as the dashboard receives them: hedge-mode legs, margin, margin ratio and
// positions that cannot exist (docs/formulas-positions.md).

function prices(marks: Record<string, string>): Record<string, PriceEntry> {
  return Object.fromEntries(
    Object.entries(marks).map(([asset, usd]) => [
      asset,
      {
        usd,
        source: 'manual',
        at: '2026-11-24T12:00:00Z',
        stale: false,
        manual: true,
        disputed: false,
        ageSec: 0,
      },
    ]),
  );
}

const views = (positions: Position[], marks: Record<string, string> = { BTC: '60000' }) =>
  positionViews(positions, sampleSettings(), prices(marks));

const cross = { marginMode: 'cross' as const, walletBalance: '10000' };
const LONG = samplePosition({ ...cross, id: 'long', size: '2' });
const SHORT = samplePosition({ ...cross, id: 'short', side: 'short', entryPrice: '62000' });

describe('hedge-mode legs in one cross wallet (Binance USDⓈ-M FAQ: long and short share one price)', () => {
  it('both legs show the one price, marked shared; the net-long account’s short leg is safe, not breached', () => {
    const [long, short] = views([LONG, SHORT]);
    for (const leg of [long, short]) {
      expect(leg).toMatchObject({ liquidationShared: true, liquidationDirection: 'fall' });
      expect(leg?.liquidationPrice?.slice(0, 8)).toBe('48629.44');
    }
    // (60,000 − 48,629.44) / 60,000 = 18.95 % of fall room, for both legs.
    expect(short?.distanceToLiquidationPct?.slice(0, 5)).toBe('18.95');
    expect(short?.status).toBe('safe');
    expect(long?.status).toBe('safe');
  });

  it('another symbol of the wallet enters through TMM and UPNL as before', () => {
    const eth = samplePosition({
      ...cross,
      id: 'eth',
      symbol: 'ETHUSDT',
      baseAsset: 'ETH',
      side: 'short',
      size: '10',
      entryPrice: '3000',
      maintenanceAmount: '0',
    });
    // ETH at entry: TMM 150, UPNL 0 → (10,000 − 150 + 100 − 120,000 + 62,000) / −0.985.
    const [long, short, ethView] = views([LONG, SHORT, eth], { BTC: '60000', ETH: '3000' });
    expect(long?.liquidationPrice?.slice(0, 8)).toBe('48781.72');
    expect(short?.liquidationPrice).toBe(long?.liquidationPrice);
    expect(ethView?.liquidationShared).toBe(false);
  });

  it('isolated legs of one symbol keep a price each (Binance: isolated positions are separate)', () => {
    const [long, short] = views([
      { ...LONG, marginMode: 'isolated' },
      { ...SHORT, marginMode: 'isolated' },
    ]);
    expect(long?.liquidationShared).toBe(false);
    expect(long?.liquidationPrice).not.toBe(short?.liquidationPrice);
  });
});

describe('margin, margin ratio and the bracket in force', () => {
  it('isolated: margin ratio = maintenance margin ÷ (wallet + uPnL) (Binance "Margin Ratio")', () => {
    // 1 BTC long at 60,000, WB 6,000, mark 58,000: MM = 290 − 50 = 240; balance 4,000 → 6 %.
    const [view] = views([samplePosition()], { BTC: '58000' });
    expect(view?.marginRatioPct).toBe('6');
    // Binance style margin at the mark: 58,000 / 10.
    expect(view?.marginUsd).toBe('5800');
    expect(view?.roePct?.slice(0, 6)).toBe('-34.48');
  });

  it('cross: one ratio for the whole wallet, shown on every position of it', () => {
    // MM: 2 × 60,000 × 0.5 % − 50 = 550 and 300 − 50 = 250; balance 10,000 + 0 + 2,000 → 800 / 12,000.
    const [long, short] = views([LONG, SHORT]);
    expect(long?.marginRatioPct?.slice(0, 6)).toBe('6.6666');
    expect(short?.marginRatioPct).toBe(long?.marginRatioPct);
  });

  it('names the maintenance margin rate of the bracket at the liquidation price', () => {
    const [view] = views([
      samplePosition({
        size: '5',
        entryPrice: '50500',
        leverage: '20',
        walletBalance: '12625',
        maintenanceBrackets: BINANCE_BTCUSDT_BRACKETS,
      }),
    ]);
    expect(view?.liquidationPrice?.slice(0, 8)).toBe('48206.03');
    expect(view?.liquidationMaintenanceMarginRate).toBe('0.005');
  });
});

describe('positions that cannot exist get status check and a sentence', () => {
  it('a long whose liquidation price is above its entry', () => {
    // (200 + 50 − 60,000) / (0.005 − 1) = 60,050.25 > 60,000.
    const [view] = views([samplePosition({ walletBalance: '200' })], { BTC: '60100' });
    expect(view?.status).toBe('check');
    expect(view?.checkReason).toBe(
      'Its liquidation price $60,050.25 is at or above its entry $60,000.00: a long like this ' +
        'would be liquidated as it opened. Check the wallet balance, leverage and maintenance ' +
        'margin rate against the exchange.',
    );
  });

  it('a short whose liquidation price is below its entry (inverse)', () => {
    // C·(1 − MMR) / (C/EP − WB − cum) with WB 0: 10,000 × 0.995 / 0.2 = 49,750 < 50,000.
    const [view] = views([
      samplePosition({
        kind: 'inverse',
        side: 'short',
        size: '10000',
        entryPrice: '50000',
        walletBalance: '0',
        maintenanceAmount: '0',
      }),
    ]);
    expect(view?.status).toBe('check');
    expect(view?.checkReason).toMatch(/^Its liquidation price \$49,750\.00 is at or below/);
  });

  it('leverage above the bracket’s maximum (Binance BTCUSDT: 50× up to 1,000,000 USDT)', () => {
    const [view] = views([
      samplePosition({
        size: '5',
        entryPrice: '50500',
        leverage: '75',
        walletBalance: '12625',
        maintenanceBrackets: BINANCE_BTCUSDT_BRACKETS,
      }),
    ]);
    expect(view?.status).toBe('check');
    expect(view?.checkReason).toBe(
      'Leverage 75× is more than the 50× Binance allows for a 252,500 USDT position ' +
        '(the bracket up to 1,000,000 USDT). Check the leverage and the size against the exchange.',
    );
  });

  it('a cross long past its entry is judged by its distance: the wallet may have shrunk since it gained', () => {
    // Cross WB 200 after losses elsewhere, mark 80,000: LP 60,050.25 is 24.94 % below the mark.
    const [view] = views([samplePosition({ marginMode: 'cross', walletBalance: '200' })], {
      BTC: '80000',
    });
    expect(view).toMatchObject({ status: 'safe', checkReason: null });
    expect(view?.distanceToLiquidationPct?.slice(0, 5)).toBe('24.93');
  });

  it('a sound position is never check, and the 1 BTC at 60,000 example still holds', () => {
    const [long] = views([samplePosition()]);
    expect(long).toMatchObject({ status: 'warning', checkReason: null });
    expect(long?.liquidationPrice?.slice(0, 8)).toBe('54221.10');
  });
});
