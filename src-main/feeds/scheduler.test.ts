import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeCgminer, startFakeCgminer } from '#fixtures/fake-cgminer';
import {
  type FakePriceServer,
  FAKE_SOURCES,
  startFakePriceServer,
} from '#fixtures/fake-price-server';
import {
  DEFAULT_SETTINGS,
  type Rig,
  type Settings,
  type StoredNetwork,
  type StoredPrice,
} from '#api/records';
import type { RigLive } from '#api/snapshot';
import {
  CHAIN_FEED,
  type FeedScheduler,
  OFFLINE_MESSAGE,
  type ScheduleTimer,
  createFeedScheduler,
} from './scheduler';

const T0 = new Date('2025-06-01T12:00:00Z');
const BINANCE_PATH = '/api/v3/ticker/price';
const COINGECKO_PATH = '/api/v3/simple/price';

let server: FakePriceServer;
let rig: FakeCgminer;

beforeAll(async () => {
  server = await startFakePriceServer({ port: 0 });
  rig = await startFakeCgminer({
    port: 0,
    ghs5s: '110000',
    quirks: { trailingNul: true, gluedObjects: true },
  });
});
afterAll(async () => {
  await Promise.all([server.close(), rig.close()]);
});
beforeEach(() => {
  for (const source of FAKE_SOURCES) server.setMode(source, 'ok');
  server.setPrice('BTC', '67000');
  server.setPrice('LTC', '85');
  server.resetRequests();
  rig.commands.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

/** Timers the test fires by hand; `scheduled()` resolves when the scheduler sets its next one. */
function manualTimers() {
  const timers: { callback: () => void; delayMs: number; cancelled: boolean }[] = [];
  let waiters: (() => void)[] = [];
  const schedule: ScheduleTimer = (callback, delayMs) => {
    const timer = { callback, delayMs, cancelled: false };
    timers.push(timer);
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
    return () => {
      timer.cancelled = true;
    };
  };
  return {
    schedule,
    timers,
    scheduled: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

function harness(
  options: {
    initialPrices?: Record<string, StoredPrice>;
    schedule?: ScheduleTimer;
    rigs?: Rig[];
  } = {},
) {
  const sources = Object.fromEntries(
    FAKE_SOURCES.map((name) => [name, { enabled: true, baseUrl: server.url }]),
  );
  const state = {
    clock: T0,
    settings: {
      ...DEFAULT_SETTINGS,
      sources: { ...DEFAULT_SETTINGS.sources, ...sources },
    } satisfies Settings,
    prices: [] as Record<string, StoredPrice>[],
    networks: [] as [string, StoredNetwork][],
    live: [] as Record<string, RigLive>[],
    lines: [] as string[],
  };
  const scheduler: FeedScheduler = createFeedScheduler({
    getSettings: () => state.settings,
    getAssets: () => ['BTC', 'LTC'],
    getRigs: () => options.rigs ?? [],
    now: () => state.clock,
    initialPrices: options.initialPrices ?? {},
    onPrices: (prices) => state.prices.push(prices),
    onNetwork: (coin, network) => state.networks.push([coin, network]),
    onRigLive: (live) => state.live.push(live),
    log: (line) => state.lines.push(line),
    feedTimeoutMs: 1000,
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
  const advance = (sec: number) => {
    state.clock = new Date(state.clock.getTime() + sec * 1000);
  };
  return { scheduler, state, advance };
}

const rigRecord = (port: number): Rig => ({
  id: 'rig-1',
  name: 'S21 #1',
  coin: 'BTC',
  hashrate: '110',
  hashrateUnit: 'TH/s',
  powerWatts: '3300',
  quantity: 1,
  poolFeePct: '1',
  status: 'active',
  endpoint: { host: '127.0.0.1', port, protocol: 'cgminer' },
});

describe('a feed round', () => {
  it('agreeing sources give the median, chain stats arrive for BTC', async () => {
    const { scheduler, state } = harness();
    const round = await scheduler.refresh();
    expect(round.errors).toEqual([]);
    expect(round.prices.BTC).toEqual({
      usd: '67000',
      source: 'median of coingecko, binance, kraken, mempool',
      at: T0.toISOString(),
      disputed: false,
    });
    expect(round.prices.LTC?.source).toBe('median of coingecko, binance, kraken');
    expect(state.prices).toEqual([round.prices]);
    expect(state.networks).toEqual([
      ['BTC', expect.objectContaining({ blockReward: '3.125', source: 'mempool.space' })],
    ]);
  });

  it('one wild source is left out of the median', async () => {
    server.setMode('binance', 'wild');
    const { scheduler } = harness();
    const { prices } = await scheduler.refresh();
    expect(prices.BTC).toMatchObject({
      usd: '67000',
      source: 'median of coingecko, kraken, mempool',
      disputed: false,
    });
  });

  it('two disagreeing sources keep the previous price, flagged disputed', async () => {
    const previous: StoredPrice = {
      usd: '66500',
      source: 'median of binance, kraken',
      at: '2025-06-01T11:59:00.000Z',
      disputed: false,
    };
    const { scheduler, state } = harness({ initialPrices: { BTC: previous } });
    state.settings = {
      ...state.settings,
      sources: {
        ...state.settings.sources,
        coingecko: { enabled: false, baseUrl: server.url },
        mempool: { enabled: false, baseUrl: server.url },
      },
    };
    server.setMode('kraken', 'wild');
    const { prices } = await scheduler.refresh();
    expect(prices.BTC).toEqual({ ...previous, disputed: true });
    expect(state.lines).toContainEqual(expect.stringMatching(/BTC sources disagree/));
  });

  it('a jump over 30 % is confirmed only by the second poll', async () => {
    const previous: StoredPrice = {
      usd: '50000',
      source: 'median of binance, kraken',
      at: '2025-06-01T11:59:00.000Z',
      disputed: false,
    };
    const { scheduler, advance } = harness({ initialPrices: { BTC: previous } });
    expect((await scheduler.refresh()).prices.BTC).toEqual(previous);
    advance(60);
    expect((await scheduler.refresh()).prices.BTC).toMatchObject({ usd: '67000', disputed: false });
  });

  it('a failing source is reported by name in the errors, the log and the status', async () => {
    server.setMode('binance', '451');
    const { scheduler, state } = harness();
    const round = await scheduler.refresh();
    expect(round.errors).toEqual([
      { source: 'binance', message: 'Binance refuses requests from this region (HTTP 451).' },
    ]);
    expect(round.prices.BTC?.source).toBe('median of coingecko, kraken, mempool');
    expect(state.lines).toContain(
      'Feed binance failed (http): Binance refuses requests from this region (HTTP 451).',
    );
    const row = scheduler.status().find((r) => r.source === 'binance');
    expect(row).toMatchObject({
      ok: false,
      consecutiveFailures: 1,
      lastError: expect.stringContaining('Binance'),
    });
    expect(scheduler.status().map((r) => r.source)).toEqual([
      'coingecko',
      'binance',
      'kraken',
      'mempool',
      CHAIN_FEED,
      'binance-usdm',
      'binance-coinm',
      'bybit',
      'okx',
    ]);
  });

  it('chain-stat failures are their own feed', async () => {
    server.setMode('mempool', 'broken-json');
    const { scheduler } = harness();
    const round = await scheduler.refresh();
    expect(round.errors.map((e) => e.source).sort()).toEqual(['mempool', CHAIN_FEED]);
    expect(scheduler.status().find((r) => r.source === CHAIN_FEED)?.lastError).toMatch(
      /mempool.space chain stats sent something that is not JSON/,
    );
  });
});

describe('penalties in the schedule', () => {
  it('five failures in a row skip a source for 30 minutes; refresh still asks it', async () => {
    server.setMode('binance', '500');
    const { scheduler, advance } = harness();
    for (let i = 0; i < 5; i++) {
      await scheduler.pollFeedsNow();
      advance(60);
    }
    expect(server.requests[BINANCE_PATH]).toBe(5);
    const skippedUntil = scheduler.status().find((r) => r.source === 'binance')?.skippedUntil;
    expect(skippedUntil).toBe(new Date(T0.getTime() + 4 * 60_000 + 30 * 60_000).toISOString());

    await scheduler.pollFeedsNow();
    expect(server.requests[BINANCE_PATH]).toBe(5);
    expect(server.requests[COINGECKO_PATH]).toBe(6);

    await scheduler.refresh();
    expect(server.requests[BINANCE_PATH]).toBe(6);

    // The failed refresh was the sixth in a row: skipped for 30 minutes from then.
    server.setMode('binance', 'ok');
    advance(30 * 60 - 1);
    await scheduler.pollFeedsNow();
    expect(server.requests[BINANCE_PATH]).toBe(6);
    advance(1);
    await scheduler.pollFeedsNow();
    expect(server.requests[BINANCE_PATH]).toBe(7);
    expect(scheduler.status().find((r) => r.source === 'binance')).toMatchObject({
      ok: true,
      consecutiveFailures: 0,
      skippedUntil: null,
    });
  });

  it('Retry-After on an HTML 429 page is honoured', async () => {
    server.setMode('coingecko', 'html-429');
    const { scheduler, advance, state } = harness();
    const round = await scheduler.pollFeedsNow();
    expect(round.errors).toEqual([
      {
        source: 'coingecko',
        message: 'CoinGecko is rate-limiting us (HTTP 429); it asks us to wait 120 s.',
      },
    ]);
    expect(state.lines).toContain(
      'Feed coingecko failed (rate-limited): CoinGecko is rate-limiting us (HTTP 429); it asks us to wait 120 s.',
    );
    server.setMode('coingecko', 'ok');
    advance(119);
    await scheduler.pollFeedsNow();
    expect(server.requests[COINGECKO_PATH]).toBe(1);
    advance(1);
    await scheduler.pollFeedsNow();
    expect(server.requests[COINGECKO_PATH]).toBe(2);
  });
});

describe('timing', () => {
  it('polls at once, then every pollIntervalSec; a refresh during a poll joins it', async () => {
    const timers = manualTimers();
    const { scheduler } = harness({ schedule: timers.schedule });
    scheduler.start();
    expect(timers.timers.map((t) => t.delayMs)).toEqual([0, 0]);

    const rescheduled = timers.scheduled();
    timers.timers[0]!.callback();
    const joined = scheduler.refresh();
    await joined;
    await rescheduled;
    expect(server.requests[COINGECKO_PATH]).toBe(1);
    expect(timers.timers[2]?.delayMs).toBe(60_000);
    await scheduler.stop();
    expect(timers.timers[2]?.cancelled).toBe(true);
  });

  it('backs off while every source fails, and returns to the interval on success', async () => {
    for (const source of FAKE_SOURCES) server.setMode(source, '500');
    const timers = manualTimers();
    const { scheduler, state } = harness({ schedule: timers.schedule });
    scheduler.start();
    const delays: number[] = [];
    for (let round = 0; round < 3; round++) {
      if (round === 2) for (const source of FAKE_SOURCES) server.setMode(source, 'ok');
      const next = timers.scheduled();
      timers.timers.filter((t) => !t.cancelled)[0]!.callback();
      await next;
      delays.push(timers.timers[timers.timers.length - 1]!.delayMs);
    }
    await scheduler.stop();
    expect(delays).toEqual([120_000, 240_000, 60_000]);
    expect(state.lines).toContain('Every price source failed; next try in 120 s.');
  });

  it('works under vi.useFakeTimers: stop() leaves nothing pending', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { scheduler, state } = harness();
    state.settings = { ...state.settings, offline: true };
    scheduler.start();
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(vi.getTimerCount()).toBe(2);
    await scheduler.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('offline mode', () => {
  it('makes no request of any kind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { scheduler, state } = harness({ rigs: [rigRecord(rig.port)] });
    state.settings = { ...state.settings, offline: true };
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    const round = await scheduler.refresh();
    await scheduler.pollRigsNow();
    await scheduler.pollFeedsNow();
    await scheduler.stop();
    expect(round).toEqual({ prices: {}, errors: [{ source: 'all', message: OFFLINE_MESSAGE }] });
    expect(server.totalRequests()).toBe(0);
    expect(rig.commands).toEqual([]);
    expect(state.prices).toEqual([]);
    expect(state.live).toEqual([]);
  });
});

describe('rigs', () => {
  it('pollRigsNow reads each rig and hands the results over', async () => {
    const { scheduler, state } = harness({ rigs: [rigRecord(rig.port)] });
    await scheduler.pollRigsNow();
    expect(state.live).toEqual([
      {
        'rig-1': expect.objectContaining({
          online: true,
          hashrateHs: '110000000000000',
          at: T0.toISOString(),
        }),
      },
    ]);
  });
});
