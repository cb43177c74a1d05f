import { writeFileSync } from 'node:fs';
import { mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { createBrotliDecompress } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { createAdaptorServer } from '@hono/node-server';
import type { RigLedgerEvent } from '#api/events';
import type { Snapshot } from '#api/snapshot';
import { openFarmService } from '#service/farm-service';
import { encodeEvent } from '#web/event-queue';
import { createWebApp } from '#web/app';
import { allowedHostsFor } from '#web/host-guard';
import { floatRebuild } from './float-reference';
import { benchHistory } from './history';
import { largeFarmBackup } from './large-farm';

// `npm run bench`: RigLedger on a large farm (2,000 rigs, 200 loans, 1,000 positions,
// 1,500 resolved alerts). Every figure is printed next to its goal and, where one
// applies, a reference measured in this same run on this same machine (these machines
// are shared and noisy: compare within a run, not across runs). Writes bench/results.json.
// A benchmark, not a test: it asserts nothing.

export interface Figure {
  figure: string;
  value: string;
  goal: string;
  reference?: string;
}

const figures: Figure[] = [];

function record(figure: Figure): void {
  figures.push(figure);
  const reference = figure.reference === undefined ? '' : `   (reference: ${figure.reference})`;
  console.log(`${figure.figure}: ${figure.value}   [goal ${figure.goal}]${reference}`);
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** What a durable write of these bytes costs on this disk: temp file, fsync, rename, fsync dir. */
async function bareDurableWrite(dir: string, bytes: string): Promise<void> {
  const temp = join(dir, 'reference.json.tmp');
  const handle = await open(temp, 'w');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(temp, join(dir, 'reference.json'));
  const folder = await open(dir, 'r');
  await folder.sync();
  await folder.close();
}

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/**
 * An event-stream client as a browser is one: it accepts Brotli. Counts the bytes on the
 * wire and keeps the decoded text.
 */
function openEventStream(port: number, token: string) {
  let wire = 0;
  let text = '';
  const waiters: (() => void)[] = [];
  const decoder = createBrotliDecompress();
  decoder.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const wake of waiters.splice(0)) wake();
  });
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    path: '/api/events',
    headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'br' },
  });
  req.on('response', (response) => {
    if (response.headers['content-encoding'] !== 'br') {
      throw new Error(`the event stream came back as ${response.headers['content-encoding']}`);
    }
    response.on('data', (chunk: Buffer) => {
      wire += chunk.byteLength;
      decoder.write(chunk);
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    wireBytes: () => wire,
    async waitFor(ready: (text: string) => boolean): Promise<void> {
      while (!ready(text)) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () => req.destroy(),
  };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rigledger-bench-'));
  const referenceDir = await mkdtemp(join(tmpdir(), 'rigledger-bench-ref-'));
  const now = new Date();
  const service = await openFarmService({ dataDir, offline: true, log: () => {} });
  try {
    console.log('Loading the large farm (2,000 rigs, 200 loans, 1,000 positions)…');
    const backup = largeFarmBackup(now);
    const document = {
      ...backup,
      database: { ...backup.database, settings: await service.call('settings.get', {}) },
      // The generated farm pins LTC's network figures by hand, which the import asks about.
      confirmSilencing: true,
    };
    const [importMs = NaN] = await timed(1, () => service.call('backup.import', document));
    await service.call('prices.setManual', { asset: 'BTC', usd: '91000' });
    await service.call('prices.setManual', { asset: 'LTC', usd: '88' });
    await service.call('network.setManual', {
      coin: 'BTC',
      difficulty: '149301205959699.9',
      height: 925000,
    });
    const fileBytes = (await stat(join(dataDir, 'rigledger.json'))).size;
    console.log(
      `  imported in ${ms(importMs)}; rigledger.json is ${(fileBytes / 1_048_576).toFixed(2)} MB\n`,
    );

    // References measured in this run.
    const farm = document.database;
    const floatSamples = await timed(20, () => floatRebuild(farm, 91000, now.getTime()));
    const rigledgerJson = JSON.stringify(farm, null, 2);
    const writeSamples = await timed(30, () => bareDurableWrite(referenceDir, rigledgerJson));
    const floatRef = `float64 rebuild median ${ms(percentile(floatSamples, 50))}`;
    const writeRef = `bare fsync'd write of the same bytes p95 ${ms(percentile(writeSamples, 95))}`;

    // The full Snapshot, in the process and over HTTP. A Snapshot "as of" this instant
    // computes every record's figures from scratch: the cost the live one avoids.
    const fromScratch = await timed(5, () =>
      service.call('snapshot.get', { asOf: new Date().toISOString() }),
    );
    const scratchRef = `every figure from scratch median ${ms(percentile(fromScratch, 50))}; ${floatRef}`;
    let btc = 91000;
    const afterTick = await timed(10, async () => {
      btc = btc === 91000 ? 91100 : 91000;
      await service.call('prices.setManual', { asset: 'BTC', usd: String(btc) });
      await service.call('snapshot.get', {});
    });
    record({
      figure:
        'BTC price change → alerts evaluated and snapshot.get answered, in the service (1,800 BTC rigs, the BTC loans and positions recomputed)',
      value: `median ${ms(percentile(afterTick, 50))}, worst ${ms(Math.max(...afterTick))}`,
      goal: '≤ 300 ms to the banner',
      reference: scratchRef,
    });
    const afterEdit = await timed(10, async (i = Math.random()) => {
      await service.call('rigs.update', { id: 'rig-8', patch: { notes: `edit ${i}` } });
      await service.call('snapshot.get', {});
    });
    record({
      figure: 'one rig edited → alerts evaluated and snapshot.get answered, in the service',
      value: `median ${ms(percentile(afterEdit, 50))}, worst ${ms(Math.max(...afterEdit))}`,
      goal: 'full Snapshot ≤ 50 ms',
      reference: scratchRef,
    });
    const summary: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      await service.call('rigs.update', { id: 'rig-9', patch: { notes: `summary ${i}` } });
      await service.settled();
      const t0 = performance.now();
      await service.call('snapshot.summary', {});
      summary.push(performance.now() - t0);
    }
    record({
      figure:
        'snapshot.summary in the service, after a change (worst 5 of 1,000 positions and 200 loans)',
      value: `median ${ms(percentile(summary, 50))}, worst ${ms(Math.max(...summary))}`,
      goal: '≤ 10 ms',
      reference: scratchRef,
    });

    const token = 'bench-token-0123456789abcdef';
    const server = createAdaptorServer({ fetch: (req) => app.fetch(req) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const app = createWebApp({
      service,
      token,
      allowedHosts: allowedHostsFor('127.0.0.1', port),
      rendererDir: referenceDir,
      log: () => {},
    });
    let snapshotBytes = 0;
    const overHttp = await timed(10, async () => {
      const reply = await fetch(`http://127.0.0.1:${port}/api/rpc/snapshot.get`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      snapshotBytes = (await reply.arrayBuffer()).byteLength;
    });
    record({
      figure: 'snapshot.get over HTTP',
      value: `median ${ms(percentile(overHttp, 50))}, ${(snapshotBytes / 1_048_576).toFixed(2)} MB of JSON`,
      goal: '≤ 50 ms (full); farm summary ≤ 10 ms',
      reference: floatRef,
    });

    // A record write: one rig's notes. Its answer follows the fsync; the alert evaluation
    // it sets going is waited for before the next write starts, outside the measurement.
    const updates: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      await service.settled();
      const t0 = performance.now();
      await service.call('rigs.update', { id: 'rig-7', patch: { notes: `bench ${i}` } });
      updates.push(performance.now() - t0);
    }
    record({
      figure: 'rigs.update',
      value: `p50 ${ms(percentile(updates, 50))}, p95 ${ms(percentile(updates, 95))}`,
      goal: 'p95 ≤ 30 ms',
      reference: writeRef,
    });

    // A price tick: the bytes each event-stream client receives, and memory over many ticks.
    // A client starts from the full Snapshot; each tick then reaches it as a delta. A
    // browser reads the stream Brotli-compressed; its bytes on the wire are counted too.
    const browser = await openEventStream(port, token);
    await browser.waitFor((text) => text.includes('event: snapshot\n'));
    const wireBefore = browser.wireBytes();
    const snapshotEvents: number[] = [];
    let waiting: (() => void) | null = null;
    service.eventBaseline();
    const unsubscribe = service.onEvent((event: RigLedgerEvent) => {
      if (event.type !== 'snapshot-delta') return;
      snapshotEvents.push(Buffer.byteLength(encodeEvent(event).data));
      waiting?.();
    });
    // Each tick moves BTC between $91,100 and $91,000, so every tick changes the farm.
    let ticks = 0;
    const tick = async () => {
      ticks += 1;
      const next = new Promise<void>((resolve) => (waiting = resolve));
      await service.call('prices.setManual', {
        asset: 'BTC',
        usd: String(91000 + (ticks % 2) * 100),
      });
      await next;
    };
    // The service's coalescing timer does not hold the process open; this does meanwhile.
    const keepAlive = setInterval(() => {}, 1_000);
    const heapBefore = heapMb();
    const tickSamples = await timed(20, tick);
    const heapAfter = heapMb();
    await browser.waitFor(
      (text) => text.split('event: snapshot-delta\n').length - 1 >= snapshotEvents.length,
    );
    const wirePerTick = (browser.wireBytes() - wireBefore) / snapshotEvents.length;
    browser.close();
    server.close();
    clearInterval(keepAlive);
    unsubscribe();
    record({
      figure:
        'event-stream bytes per price tick, on the wire to a browser (Brotli, flushed per event)',
      value: `${Math.round(wirePerTick).toLocaleString('en-US')} bytes`,
      goal: '≤ 50 kB',
      reference: `the delta's JSON before compression: ${percentile(snapshotEvents, 50).toLocaleString('en-US')} bytes (a client that accepts no compression receives that)`,
    });
    record({
      figure: 'price tick → snapshot event in the service',
      value: `median ${ms(percentile(tickSamples, 50))} (events are coalesced to one per 250 ms)`,
      goal: 'alert in the browser ≤ 300 ms',
    });
    record({
      figure: 'service heap over 20 price ticks',
      value: `${(heapAfter - heapBefore).toFixed(1)} MB growth (${heapBefore.toFixed(0)} → ${heapAfter.toFixed(0)} MB)`,
      goal: 'flat (≤ 30 MB in 10 minutes)',
    });

    // A price that puts a long BTC position 3 % from its liquidation price: the time from
    // the price call to the critical alert event that every host forwards at once. Twice:
    // a tick that tips the long nearest the critical line over it (the everyday case), and
    // a crash that takes one now clear of any alert there (every long moves with it).
    const critical = async (kind: string, pick: (p: Snapshot['positions'][number]) => boolean) => {
      const before = (await service.call('snapshot.get', {})) as Snapshot;
      const nearest = before.positions
        .filter(
          (p) =>
            p.baseAsset === 'BTC' &&
            p.side === 'long' &&
            p.liquidationPrice !== null &&
            p.distanceToLiquidationPct !== null &&
            pick(p),
        )
        .sort((a, b) => Number(b.liquidationPrice) - Number(a.liquidationPrice))[0];
      if (!nearest) {
        console.log(`(no position for "${kind}" on this farm)`);
        return;
      }
      const usd = (Number(nearest.liquidationPrice) / 0.97).toFixed(2);
      const movePct = ((Number(usd) / Number(before.prices.BTC?.usd) - 1) * 100).toFixed(1);
      let raisedAt = 0;
      const alerted = new Promise<void>((resolve) => {
        const stop = service.onEvent((event: RigLedgerEvent) => {
          if (
            event.type === 'alert' &&
            event.alert.subjectId === nearest.id &&
            event.alert.severity === 'critical'
          ) {
            raisedAt = performance.now();
            stop();
            resolve();
          }
        });
      });
      await service.settled();
      const t0 = performance.now();
      await service.call('prices.setManual', { asset: 'BTC', usd, confirm: true });
      const answeredAt = performance.now();
      // The service's timers do not hold the process open; this does meanwhile.
      const hold = setInterval(() => {}, 1_000);
      await alerted;
      clearInterval(hold);
      record({
        figure: `${kind}: price change → critical alert event for a position (BTC ${movePct} % to $${usd}, ${Number(nearest.distanceToLiquidationPct).toFixed(1)} % → 3 % from liquidation; every position re-judged)`,
        value: `${ms(raisedAt - answeredAt)} after the price call's answer, ${ms(raisedAt - t0)} after the call (a manual price is written durably before the answer; a fed price is current at once, its evaluation starts where the answer is)`,
        goal: 'banner in the browser ≤ 300 ms',
        reference: scratchRef,
      });
      await service.call('prices.setManual', { asset: 'BTC', usd: '91000', confirm: true });
      await service.settled();
    };
    // Outside the critical line and its 1-point margin, so the alert is a new critical one.
    await critical('a tick', (p) => Number(p.distanceToLiquidationPct) > 6.5);
    await critical('a crash', (p) => Number(p.distanceToLiquidationPct) > 15);

    // History: what a year of the large farm's series weighs and what a year query costs.
    const snapshot = (await service.call('snapshot.get', {})) as Snapshot;
    await benchHistory({ snapshot, document, now, record });
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(referenceDir, { recursive: true, force: true });
  }

  const results = { measuredAt: now.toISOString(), node: process.version, figures };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(tmpdir(), 'rigledger-bench-last.json'), JSON.stringify(results));
  console.log('\nWritten to bench/results.json.');
}

await main();
