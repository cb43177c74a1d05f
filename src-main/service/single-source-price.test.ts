import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { startFakePriceServer, type FakePriceServer } from '#fixtures/fake-price-server';
import { sampleLoan, samplePosition } from '#core/test-fixtures/sample-records';
import { PRICE_SOURCES } from '#feeds/sources/registry';
import { emptyDatabase } from '#store/schema';
import { openFarmService } from './farm-service';
import type { FarmService } from './types';
import { FUNDING_SOURCES } from '#feeds/funding-sources';

// One source must not decide alone: with three of four sources down, the one left quoting
// 60,000 twice after the sources agreed on 90,000 raises no liquidation or margin-call
// alert, only a price alert that says why they are held, until a second source agrees or
// the operator sets the price by hand.

const NOW = new Date('2026-11-24T12:00:00Z');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** At 90,000 both are safe; at 60,000 the loan is past liquidation LTV and the long is liquidated. */
async function farmAt90k(): Promise<{ service: FarmService; prices: FakePriceServer }> {
  const prices = await startFakePriceServer();
  cleanups.push(() => prices.close());
  prices.setPrice('BTC', '90000');
  const dir = await mkdtemp(join(tmpdir(), 'rigledger-single-source-'));
  const db = emptyDatabase();
  for (const { name } of PRICE_SOURCES)
    db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
  for (const { name } of FUNDING_SOURCES)
    db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
  db.loans.push(sampleLoan({ startDate: '2026-11-01', principal: '500000' }));
  db.positions.push(samplePosition({ entryPrice: '90000', leverage: '3', walletBalance: '30000' }));
  await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));
  const service = await openFarmService({ dataDir: dir, now: () => NOW, log: () => {} });
  cleanups.push(() => service.close());
  await service.call('feeds.refresh', {});
  return { service, prices };
}

async function onlyMempoolQuotes60k(service: FarmService, prices: FakePriceServer) {
  for (const source of ['coingecko', 'binance', 'kraken'] as const) prices.setMode(source, '500');
  prices.setPrice('BTC', '60000');
  await service.call('feeds.refresh', {}); // a 33 % move: held for a second poll
  await service.call('feeds.refresh', {}); // the same source "confirms" it
}

const active = async (service: FarmService) => (await service.call('alerts.list', {})) as Alert[];
const riskAlerts = (alerts: Alert[]) =>
  alerts.filter((a) => a.rule === 'position.liquidation' || a.rule === 'loan.ltv');

describe('a price only one source quotes after a move of more than 30 %', () => {
  it('raises no liquidation or margin-call alert, and a price alert that says why', async () => {
    const { service, prices } = await farmAt90k();
    expect(await active(service)).toEqual([]);

    await onlyMempoolQuotes60k(service, prices);

    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.prices.BTC).toMatchObject({
      usd: '60000',
      source: 'mempool',
      singleSource: true,
      multiSourceUsd: '90000',
    });
    expect(snapshot.loans[0]?.priceStale).toBe(true);
    expect(snapshot.positions[0]?.priceStale).toBe(true);
    const alerts = await active(service);
    expect(riskAlerts(alerts)).toEqual([]);
    expect(alerts.filter((a) => a.severity === 'critical')).toEqual([]);
    expect(alerts.map((a) => [a.rule, a.severity, a.message])).toEqual([
      [
        'price.single-source',
        'warning',
        'Only mempool is quoting BTC: $60,000.00, 33.3 % away from $90,000.00, the last price two or more sources agreed on. Liquidation and margin-call alerts for BTC are held until a second source agrees or you set a manual BTC price.',
      ],
    ]);
  });

  it('a second source that agrees releases the alerts', async () => {
    const { service, prices } = await farmAt90k();
    await onlyMempoolQuotes60k(service, prices);

    prices.setMode('binance', 'ok');
    await service.call('feeds.refresh', {});

    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    expect(snapshot.prices.BTC).toMatchObject({
      usd: '60000',
      source: 'median of binance, mempool',
    });
    expect(snapshot.prices.BTC?.singleSource).toBeUndefined();
    const alerts = await active(service);
    expect(riskAlerts(alerts).map((a) => [a.rule, a.severity])).toEqual([
      ['position.liquidation', 'critical'],
      ['loan.ltv', 'critical'],
    ]);
    expect(alerts.some((a) => a.rule === 'price.single-source')).toBe(false);
  });

  it('a manual price from the operator confirms it', async () => {
    const { service, prices } = await farmAt90k();
    await onlyMempoolQuotes60k(service, prices);

    await service.call('prices.setManual', { asset: 'BTC', usd: '60000' });

    const alerts = await active(service);
    expect(riskAlerts(alerts).map((a) => [a.rule, a.severity])).toEqual([
      ['position.liquidation', 'critical'],
      ['loan.ltv', 'critical'],
    ]);
    expect(alerts.some((a) => a.rule === 'price.single-source')).toBe(false);
  });
});
