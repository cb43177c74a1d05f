import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loanFields,
  loanInputSchema,
  loanRecordSchema,
  positionInputSchema,
  positionSchema,
  rigInputSchema,
  rigSchema,
} from '#api/records';
import { recordInput } from './record-input';

// A record as the Snapshot shows it (stored fields, its id and computed figures, some of
// them null) goes back to its create method with exactly the stored fields.

const rig = rigSchema.parse({
  id: 'rig-1',
  name: 'Rack 1',
  coin: 'BTC',
  hashrate: '200',
  hashrateUnit: 'TH/s',
  powerWatts: '3500',
  quantity: 4,
  poolFeePct: '2',
  status: 'maintenance',
  endpoint: { host: '10.0.0.4', port: 4028 },
  enteredAt: '2026-11-01',
});

const loan = loanRecordSchema.parse({
  id: 'loan-1',
  lender: 'Ledn',
  principal: '50000',
  currency: 'USD',
  aprPct: '11',
  dayCount: 365,
  startDate: '2026-10-01',
  termMonths: 12,
  repayment: 'interest-only',
  collateralAsset: 'BTC',
  collateralAmount: '2',
  marginCallLtvPct: '70',
  liquidationLtvPct: '80',
  payments: [{ id: 'pay-1', date: '2026-11-01', amount: '458.33' }],
});

const position = positionSchema.parse({
  id: 'pos-1',
  account: 'Main',
  exchange: 'Binance',
  symbol: 'BTCUSDT',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  kind: 'linear',
  side: 'short',
  size: '0.1',
  entryPrice: '90000',
  leverage: '5',
  marginMode: 'isolated',
  walletBalance: '1800',
  maintenanceMarginRate: '0.004',
  stopLoss: '95000',
  openedAt: '2026-11-20T00:00:00.000Z',
});

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

// Figures a view adds: names the input schemas do not know, any JSON value or null.
const computed = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).map((k) => `figure_${k}`),
  fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(fc.string())),
);

describe('recordInput', () => {
  it('gives rigs.create the stored rig, whatever the view computed beside it', () => {
    fc.assert(
      fc.property(computed, (figures) => {
        const input = recordInput(rigInputSchema.shape, { ...rig, ...figures });
        expect(rigInputSchema.parse(input)).toEqual(withoutId(rig));
      }),
    );
  });

  it('gives loans.create the stored loan with its collateral and payments', () => {
    fc.assert(
      fc.property(computed, (figures) => {
        const input = recordInput(loanFields.shape, { ...loan, ...figures });
        expect(loanInputSchema.parse(input)).toEqual(withoutId(loan));
      }),
    );
  });

  it('gives positions.create the stored position, formula included', () => {
    fc.assert(
      fc.property(computed, (figures) => {
        const input = recordInput(positionInputSchema.shape, {
          ...position,
          ...figures,
          markPrice: null,
          status: 'danger',
        });
        expect(positionInputSchema.parse(input)).toEqual(withoutId(position));
      }),
    );
  });

  it('leaves out the id and the null figures', () => {
    expect(
      recordInput({ id: true, name: true, model: true }, { id: 'x', name: 'A', model: null }),
    ).toEqual({ name: 'A' });
  });
});
