import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedStatus } from '#api/methods';
import type { Alert } from '#api/records';
import type { Snapshot } from '#api/snapshot';
import { sampleLoan, samplePosition } from '#core/test-fixtures/sample-records';
import {
  FAKE_SOURCES,
  startFakePriceServer,
  type FakeMode,
  type FakePriceServer,
  type FakeSource,
} from '#fixtures/fake-price-server';
import { emptyDatabase } from '#store/schema';
import { openFarmService } from './farm-service';
import type { FarmService } from './types';
import { FUNDING_SOURCES } from '#feeds/funding-sources';

// The feed-fault matrix: every way the price sources fail, against a farm with a long
// and a short position and a BTC-backed loan that are all safe at the true price. No
// fault may raise a liquidation or margin-call alert: those need a price that is real.

const TRUE_PRICE = '70000';
/**
 * A short deadline so the hanging and dripping rows take a second or two, not ten; long
 * enough that a busy machine still reads 2 MB of an oversized reply within it.
 */
const FEED_TIMEOUT_MS = 1500;
const MONEY_RULES: ReadonlySet<Alert['rule']> = new Set([
  'position.liquidation',
  'position.stop-past-liquidation',
  'loan.ltv',
]);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Farm {
  prices: FakePriceServer;
  service: FarmService;
}

/** Long 1 BTC from 60,000 (liquidation $54,221.11), short 1 BTC from 70,000 on $21,000
 * of margin, and a loan of $500,000 (plus interest since 2024) on 20 BTC. */
async function safeFarm(): Promise<Farm> {
  const prices = await startFakePriceServer();
  cleanups.push(() => prices.close());
  prices.setPrice('BTC', TRUE_PRICE);
  const dir = await mkdtemp(join(tmpdir(), 'rigledger-feed-faults-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const db = emptyDatabase();
  for (const source of FAKE_SOURCES)
    db.settings.sources[source] = { enabled: true, baseUrl: prices.url };
  for (const { name } of FUNDING_SOURCES)
    db.settings.sources[name] = { enabled: true, baseUrl: prices.url };
  db.positions.push(
    samplePosition({ id: 'long', openedAt: '2026-11-20T00:00:00Z' }),
    samplePosition({
      id: 'short',
      side: 'short',
      entryPrice: '70000',
      walletBalance: '21000',
      openedAt: '2026-11-20T00:00:00Z',
    }),
  );
  db.loans.push(sampleLoan({ id: 'loan', collateralAmount: '20' }));
  await writeFile(join(dir, 'rigledger.json'), JSON.stringify(db));
  const service = await openFarmService({
    dataDir: dir,
    log: () => undefined,
    feedTimeoutMs: FEED_TIMEOUT_MS,
  });
  cleanups.push(() => service.close());
  await service.call('feeds.refresh', {});
  expect(await moneyAlerts(service)).toEqual([]);
  return { prices, service };
}

async function moneyAlerts(service: FarmService): Promise<string[]> {
  const alerts = (await service.call('alerts.list', {})) as Alert[];
  return alerts.filter((alert) => MONEY_RULES.has(alert.rule)).map((alert) => alert.message);
}

/** What the operator reads: each failing feed's last error, then every active alert. */
async function operatorSees(service: FarmService): Promise<string[]> {
  const status = (await service.call('feeds.status', {})) as FeedStatus[];
  const alerts = (await service.call('alerts.list', {})) as Alert[];
  return [
    ...status.flatMap((s) => (s.ok || s.lastError === null ? [] : [s.lastError])),
    ...alerts.map((a) => a.message),
  ];
}

async function btcPrice(service: FarmService): Promise<Snapshot['prices'][string] | undefined> {
  return ((await service.call('snapshot.get', {})) as Snapshot).prices.BTC;
}

function setModes(prices: FakePriceServer, modes: Partial<Record<FakeSource, FakeMode>>): void {
  for (const [source, mode] of Object.entries(modes)) {
    if (FAKE_SOURCES.some((known) => known === source)) prices.setMode(source as FakeSource, mode);
  }
}

const everySource = (mode: FakeMode): Record<FakeSource, FakeMode> => ({
  coingecko: mode,
  binance: mode,
  kraken: mode,
  mempool: mode,
});

interface FaultRow {
  modes: Partial<Record<FakeSource, FakeMode>>;
  /** A line the operator reads (a feed's error or an alert); none when nothing failed. */
  told: RegExp | null;
  /** The BTC price the dashboard then shows, and the sources it names for it. */
  shows: string;
  source?: string;
}

const TIMED_OUT = /^CoinGecko did not answer within 1\.5 s\.$/;

describe('feed faults raise no liquidation or margin-call alert', { timeout: 30_000 }, () => {
  it.each<[string, FaultRow]>([
    ['every source times out', { modes: everySource('hang'), told: TIMED_OUT, shows: TRUE_PRICE }],
    [
      'every source answers an HTML 429 page with Retry-After',
      {
        modes: everySource('html-429'),
        told: /^CoinGecko is rate-limiting us \(HTTP 429\); it asks us to wait 120 s\.$/,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source answers 451',
      {
        modes: everySource('451'),
        told: /^Binance refuses requests from this region \(HTTP 451\)\.$/,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source answers 500',
      {
        modes: everySource('500'),
        told: /^Kraken has a server error \(HTTP 500\)\.$/,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source answers 503 with Retry-After',
      {
        modes: everySource('503'),
        told: /^CoinGecko has a server error \(HTTP 503\); it asks us to wait 30 s\.$/,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source answers broken JSON',
      {
        modes: everySource('broken-json'),
        told: /^mempool\.space sent something that is not JSON: /,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source answers an API error in a 200',
      {
        modes: everySource('api-error'),
        told: /^Kraken reported an error: EGeneral:Temporary lockout\.$/,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source quotes a zero price',
      {
        modes: everySource('zero-price'),
        told: /^Binance gave an impossible BTC price \("0\.00000000"\)\.$/,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source quotes a negative price',
      {
        modes: everySource('negative-price'),
        told: /^CoinGecko gave an impossible BTC price \(-70000\)\.$/,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source sends a 40 MB reply',
      {
        modes: everySource('oversized'),
        told: /^Kraken sent a reply larger than 2,000,000 bytes, far too large to be a price; it was abandoned unread\./,
        shows: TRUE_PRICE,
      },
    ],
    [
      'every source drips its reply a byte at a time',
      {
        modes: everySource('drip'),
        told: /^Binance did not finish its reply within 1\.5 s\.$/,
        shows: TRUE_PRICE,
      },
    ],
    [
      'one source quotes ten times the price',
      {
        modes: { binance: 'wild' },
        // No source failed: the outlier is left out of the median, which names who counted.
        told: null,
        shows: TRUE_PRICE,
        source: 'median of coingecko, kraken, mempool',
      },
    ],
    [
      'one wild source of three (the fourth is down)',
      {
        modes: { mempool: '503', binance: 'wild' },
        told: /^mempool\.space has a server error \(HTTP 503\); it asks us to wait 30 s\.$/,
        shows: TRUE_PRICE,
        source: 'median of coingecko, kraken',
      },
    ],
    [
      'one source quotes zero',
      {
        modes: { kraken: 'zero-price' },
        told: /^Kraken gave an impossible BTC price \("0\.00000"\)\.$/,
        shows: TRUE_PRICE,
        source: 'median of coingecko, binance, mempool',
      },
    ],
    [
      'one source quotes a negative price',
      {
        modes: { coingecko: 'negative-price' },
        told: /^CoinGecko gave an impossible BTC price \(-70000\)\.$/,
        shows: TRUE_PRICE,
        source: 'median of binance, kraken, mempool',
      },
    ],
    [
      'a single survivor, quoting the true price',
      {
        modes: { coingecko: 'hang', binance: '451', kraken: 'broken-json' },
        told: TIMED_OUT,
        shows: TRUE_PRICE,
        source: 'mempool',
      },
    ],
    [
      'each source fails its own way',
      {
        modes: { coingecko: 'html-429', binance: '451', kraken: 'oversized', mempool: 'drip' },
        told: /^mempool\.space did not finish its reply within 1\.5 s\.$/,
        shows: TRUE_PRICE,
      },
    ],
  ])('%s', async (_name, row) => {
    const { prices, service } = await safeFarm();
    setModes(prices, row.modes);
    await service.call('feeds.refresh', {});
    await service.call('feeds.refresh', {});
    expect(await moneyAlerts(service)).toEqual([]);
    const sees = await operatorSees(service);
    if (row.told === null)
      expect(sees.filter((line) => /price|source|answer/i.test(line))).toEqual([]);
    else expect(sees).toContainEqual(expect.stringMatching(row.told));
    const price = await btcPrice(service);
    expect(price?.usd).toBe(row.shows);
    if (row.source !== undefined) expect(price?.source).toBe(row.source);
  });

  it('a 35 % drop that one poll shows and the next does not repeat', async () => {
    const { prices, service } = await safeFarm();
    prices.setPrice('BTC', '45500');
    await service.call('feeds.refresh', {});
    expect(await moneyAlerts(service)).toEqual([]);
    expect((await btcPrice(service))?.usd).toBe(TRUE_PRICE); // held until a second poll
    prices.setPrice('BTC', TRUE_PRICE);
    await service.call('feeds.refresh', {});
    expect(await moneyAlerts(service)).toEqual([]);
  });

  it('a 35 % drop quoted twice by a single survivor: held, and the operator told why', async () => {
    const { prices, service } = await safeFarm();
    setModes(prices, { coingecko: '503', binance: '503', kraken: '503' });
    prices.setPrice('BTC', '45500');
    await service.call('feeds.refresh', {});
    await service.call('feeds.refresh', {});
    expect(await moneyAlerts(service)).toEqual([]);
    expect(await btcPrice(service)).toMatchObject({ usd: '45500', singleSource: true });
    expect(await operatorSees(service)).toContainEqual(
      expect.stringMatching(
        /^Only mempool is quoting BTC: \$45,500\.00, 35(\.0)? % away from \$70,000\.00.*Liquidation and margin-call alerts for BTC are held/,
      ),
    );
  });

  it('a real 35 % drop, confirmed by the next poll, does raise them (the matrix can fail)', async () => {
    const { prices, service } = await safeFarm();
    prices.setPrice('BTC', '45500');
    await service.call('feeds.refresh', {});
    await service.call('feeds.refresh', {});
    const alerts = await moneyAlerts(service);
    expect(alerts.some((message) => /liquidation/i.test(message))).toBe(true);
    expect(alerts.length).toBeGreaterThanOrEqual(2);
  });
});
