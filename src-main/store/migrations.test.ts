import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#api/records';
import { decodeDatabase } from './documents';
import {
  DATABASE_DOCUMENT,
  databaseV0toV1,
  databaseV1toV2,
  databaseV2toV3,
  databaseV3toV4,
  databaseV4toV5,
  databaseV5toV6,
  migrate,
} from './migrations';
import { CURRENT_SCHEMA_VERSION, emptyDatabase } from './schema';
import { sampleRig } from './test-fixtures/store-fixtures';

/** A loan as data format 2 stored it: one collateral asset, payments without ids. */
const v2Loan = (id: string, asset: string, amount: string) => ({
  id,
  lender: 'Ledn',
  principal: '500000',
  currency: 'USD',
  aprPct: '12',
  dayCount: 365,
  startDate: '2026-01-01',
  termMonths: 12,
  repayment: 'interest-only',
  collateralAsset: asset,
  collateralAmount: amount,
  marginCallLtvPct: '70',
  liquidationLtvPct: '80',
  payments: [
    { date: '2026-02-01', amount: '5095.89' },
    { date: '2026-03-01', amount: '4602.74' },
  ],
});

describe('migrations', () => {
  it('v0 → v1: a file without schemaVersion gains it, the new collections and missing settings', () => {
    const v0 = {
      rigs: [sampleRig('s19')],
      loans: [],
      positions: [],
      settings: {
        electricityPerKwh: '0.065',
        pollIntervalSec: 30,
        thresholds: { positionWarningPct: '12' },
      },
      alerts: [],
    };

    const v1 = databaseV0toV1.up(v0, '2026-12-02');

    expect(v1).toMatchObject({
      schemaVersion: 1,
      rigs: v0.rigs,
      mutes: [],
      manualPrices: {},
      manualNetwork: {},
      lastPrices: {},
      lastNetwork: {},
    });
    const decoded = decodeDatabase(v0);
    expect(decoded.document.settings.electricityPerKwh).toBe('0.065');
    expect(decoded.document.settings.pollIntervalSec).toBe(30);
    expect(decoded.document.settings.thresholds.positionWarningPct).toBe('12');
    expect(decoded.document.settings.thresholds.positionCriticalPct).toBe('5');
    expect(decoded.document.settings.sources).toEqual(DEFAULT_SETTINGS.sources);
    expect(decoded.migrated).toEqual([
      expect.stringMatching(/^v0 → v1: /),
      expect.stringMatching(/^v1 → v2: /),
      expect.stringMatching(/^v2 → v3: /),
      expect.stringMatching(/^v3 → v4: /),
      expect.stringMatching(/^v4 → v5: /),
      expect.stringMatching(/^v5 → v6: /),
    ]);
  });

  it('v1 → v2: a v1 file keeps every record and gains an empty realised PnL list', () => {
    const v1: Record<string, unknown> = {
      ...emptyDatabase(),
      schemaVersion: 1,
      rigs: [sampleRig('s19')],
    };
    delete v1.realisedPnl;

    const v2 = databaseV1toV2.up(v1, '2026-12-02');

    expect(v2).toEqual({ ...v1, schemaVersion: 2, realisedPnl: [] });
    const decoded = decodeDatabase(v1);
    expect(decoded.document.realisedPnl).toEqual([]);
    expect(decoded.document.rigs.map((r) => r.name)).toEqual(['s19']);
    expect(decoded.migrated).toEqual([
      'v1 → v2: added the realised PnL list',
      'v2 → v3: loans hold a collateral list and their payments have ids',
      expect.stringMatching(/^v3 → v4: rigs without a purchase date count in the books from today/),
      'v4 → v5: added notification channels and escalation settings',
      'v5 → v6: added funding payments and funding rates of perpetual positions',
    ]);
  });

  it('v3 → v4: a rig without a purchase date counts from the day of the upgrade, and the notice says so', () => {
    const v3 = {
      ...emptyDatabase(),
      schemaVersion: 3,
      rigs: [
        { ...sampleRig('undated'), purchasedAt: undefined },
        { ...sampleRig('bought'), purchasedAt: '2025-09-03' },
      ],
    };
    const { document, applied } = migrate(DATABASE_DOCUMENT, v3, new Date('2026-12-02T09:30:00Z'));
    expect(databaseV3toV4.up(v3, '2026-12-02').schemaVersion).toBe(4);
    expect(document.rigs).toEqual([
      { ...sampleRig('undated'), purchasedAt: undefined, enteredAt: '2026-12-02' },
      { ...sampleRig('bought'), purchasedAt: '2025-09-03' },
    ]);
    expect(applied).toEqual([
      "v3 → v4: rigs without a purchase date count in the books from today (2026-12-02), for lack of a better date; set a rig's purchase date to count it from earlier",
      'v4 → v5: added notification channels and escalation settings',
      'v5 → v6: added funding payments and funding rates of perpetual positions',
    ]);
  });

  it('v4 → v5: a farm without notification channels gets none, escalation every 10 min up to 6 times', () => {
    const v4: Record<string, unknown> = {
      ...emptyDatabase(),
      schemaVersion: 4,
      settings: { ...emptyDatabase().settings, notifications: { desktop: false } },
    };
    expect(databaseV4toV5.up(v4, '2026-12-02').schemaVersion).toBe(5);
    const decoded = decodeDatabase(v4);
    expect(decoded.document.settings.notifications).toEqual({
      desktop: false,
      channels: [],
      escalation: { afterMinutes: 10, maxRepeats: 6 },
      dashboardUrl: '',
    });
    expect(decoded.migrated).toEqual([
      'v4 → v5: added notification channels and escalation settings',
      'v5 → v6: added funding payments and funding rates of perpetual positions',
    ]);
  });

  it('v2 → v3: a one-asset loan gets a collateral list, a zero amount becomes unsecured, payments get ids', () => {
    const v2 = {
      ...emptyDatabase(),
      schemaVersion: 2,
      loans: [v2Loan('loan-btc', 'BTC', '10'), v2Loan('loan-none', 'BTC', '0')],
    };

    expect(databaseV2toV3.up(v2, '2026-12-02').schemaVersion).toBe(3);
    const decoded = decodeDatabase(v2);

    const [btc, none] = decoded.document.loans;
    expect(btc?.collateral).toEqual([{ asset: 'BTC', amount: '10' }]);
    expect(btc).not.toHaveProperty('collateralAsset');
    expect(btc?.payments).toEqual([
      { id: 'pay-1', date: '2026-02-01', amount: '5095.89' },
      { id: 'pay-2', date: '2026-03-01', amount: '4602.74' },
    ]);
    expect(none?.collateral).toEqual([]);
    expect(decoded.migrated).toEqual([
      'v2 → v3: loans hold a collateral list and their payments have ids',
      expect.stringMatching(/^v3 → v4: /),
      'v4 → v5: added notification channels and escalation settings',
      'v5 → v6: added funding payments and funding rates of perpetual positions',
    ]);
  });

  it('v2 → v3: LTV bands saved as fractions (0.7 for 70 %) become the percents they meant', () => {
    const fractional = {
      ...v2Loan('loan-fraction', 'BTC', '10'),
      marginCallLtvPct: '0.7',
      liquidationLtvPct: '0.8',
      targetLtvPct: '0.5',
    };
    const percents = { ...v2Loan('loan-percent', 'BTC', '10'), marginCallLtvPct: '0.5' };
    const decoded = decodeDatabase({
      ...emptyDatabase(),
      schemaVersion: 2,
      loans: [fractional, percents],
    });
    const [fixed, kept] = decoded.document.loans;
    expect(fixed).toMatchObject({
      marginCallLtvPct: '70',
      liquidationLtvPct: '80',
      targetLtvPct: '50',
    });
    // One band at 80 % shows the loan was entered in percents: 0.5 % stays as typed.
    expect(kept).toMatchObject({ marginCallLtvPct: '0.5', liquidationLtvPct: '80' });
  });

  it('v5 → v6: a v5 file keeps every record and gains empty funding payments and rates', () => {
    const {
      fundingPayments: _payments,
      lastFunding: _rates,
      ...v5
    } = {
      ...emptyDatabase(),
      schemaVersion: 5,
      realisedPnl: [{ id: 'pnl-1', date: '2026-05-02', amountUsd: '-12.5' }],
    };
    expect(databaseV5toV6.up(v5, '2026-12-02').schemaVersion).toBe(6);
    const decoded = decodeDatabase(v5);
    expect(decoded.document.fundingPayments).toEqual([]);
    expect(decoded.document.lastFunding).toEqual({});
    expect(decoded.document.realisedPnl).toHaveLength(1);
    expect(decoded.migrated).toEqual([
      'v5 → v6: added funding payments and funding rates of perpetual positions',
    ]);
  });

  it('v0 → v1: a file with only some lists becomes a valid empty farm', () => {
    expect(decodeDatabase({ rigs: [] }).document).toEqual(emptyDatabase());
  });

  it('leaves a current file alone', () => {
    const current = emptyDatabase();
    const result = migrate(DATABASE_DOCUMENT, current);
    expect(result.applied).toEqual([]);
    expect(result.document).toBe(current);
  });

  it('refuses a file from a newer version with a clear message', () => {
    expect(() => migrate(DATABASE_DOCUMENT, { schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toThrow(
      `rigledger.json was saved by a newer version of RigLedger (data format ${CURRENT_SCHEMA_VERSION + 1}; ` +
        `this version reads up to ${CURRENT_SCHEMA_VERSION}). ` +
        'Update RigLedger to open it; the file has not been changed.',
    );
  });

  it('rejects something that is not a RigLedger document', () => {
    expect(() => migrate(DATABASE_DOCUMENT, [1, 2])).toThrow(/does not hold a RigLedger document/);
    expect(() => migrate(DATABASE_DOCUMENT, { schemaVersion: '1' })).toThrow(
      /unknown schemaVersion/,
    );
  });
});
