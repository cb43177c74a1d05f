import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNotifyServer, type FakeNotifyServer } from '#fixtures/fake-notify-server';
import { bundledFixture } from '#store/test-fixtures/bundle-child';

// kill -9 around a send, then a restart (docs/notifications.md "Delivery"): the outbox
// takes a message durably, sends it, records it as sent durably, and only then takes the
// next. Killed after the take, or after the record, every message reaches the receiver
// exactly once. Killed in the one window between the receiver accepting a message and
// its record reaching the disk, the message is sent again with the same id: delivery is
// at-least-once, and a receiver that de-duplicates by id (the webhook's `id`, the
// e-mail Message-ID) shows it once.

let child: string;
const servers: FakeNotifyServer[] = [];
beforeAll(async () => {
  child = await bundledFixture(
    'deliver-until-killed.ts',
    new URL('./test-fixtures/', import.meta.url).href,
  );
}, 60_000);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Runs the child; with a kill point, SIGKILLs it there. Resolves with what it printed. */
function run(dataDir: string, url: string, killPoint: string): Promise<string> {
  const running = spawn(process.execPath, [child, dataDir, url, killPoint], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    running.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    running.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('AT ')) running.kill('SIGKILL');
    });
    running.once('close', (code, signal) => {
      if (killPoint === 'none' ? code === 0 : signal === 'SIGKILL') resolve(out);
      else reject(new Error(`child ended with ${code ?? signal}: ${out}${err}`));
    });
  });
}

async function crashThenRestart(killPoint: string) {
  const receiver = await startFakeNotifyServer();
  servers.push(receiver);
  const dataDir = await mkdtemp(join(tmpdir(), 'rigledger-outbox-'));
  const atKill = await run(dataDir, receiver.url, killPoint);
  const beforeRestart = [...receiver.deliveries];
  const afterRestart = await run(dataDir, receiver.url, 'none');
  return { atKill, beforeRestart, afterRestart, receiver };
}

describe('the outbox under kill -9', () => {
  it('killed between taking and sending: after the restart each message arrives exactly once', async () => {
    const { atKill, beforeRestart, afterRestart, receiver } = await crashThenRestart('after-take');
    expect(atKill).toContain('AT after-take m1');
    expect(beforeRestart).toEqual([]);
    expect(afterRestart).toContain('DONE');
    expect(receiver.deliveries).toEqual(['m1', 'm2', 'm3']);
  }, 30_000);

  it('killed after a message was recorded as sent: it is never sent again', async () => {
    const { atKill, beforeRestart, receiver } = await crashThenRestart('after-record');
    expect(atKill).toContain('AT after-record m2');
    expect(beforeRestart).toEqual(['m1']);
    expect(receiver.deliveries).toEqual(['m1', 'm2', 'm3']);
  }, 30_000);

  it('killed after the receiver accepted but before the record: re-sent with the same id, shown once by the receiver', async () => {
    const { atKill, beforeRestart, receiver } = await crashThenRestart('after-send');
    expect(atKill).toContain('AT after-send m1');
    expect(beforeRestart).toEqual(['m1']);
    // At-least-once on the wire …
    expect(receiver.deliveries).toEqual(['m1', 'm1', 'm2', 'm3']);
    // … exactly once at a receiver that de-duplicates by id.
    expect(receiver.of('webhook').map((r) => r.messageId)).toEqual(['m1', 'm2', 'm3']);
  }, 30_000);
});
