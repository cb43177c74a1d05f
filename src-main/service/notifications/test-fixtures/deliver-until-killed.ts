import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Channel } from '#api/notification-channel';
import { webhookChannel } from '#feeds/notify/webhook';
import { openOutbox } from '#store/outbox';
import { deliverChannel } from '../delivery';

// A child process for the crash tests: queues three webhook messages on its first run,
// then delivers through the outbox. With a kill point it announces that point on stdout
// and waits there to be killed with SIGKILL:
//   after-take   — the first message is taken (on disk) but not sent;
//   after-send   — the receiver accepted it, the sent record is not yet on disk;
//   after-record — it is recorded as sent, and the next one is taken.
// Usage: node deliver-until-killed.mjs <dataDir> <receiverUrl> <killPoint|none>

const [dataDir = '', receiverUrl = '', killPoint = 'none'] = process.argv.slice(2);
const hang = () => new Promise<never>(() => undefined);
const NOW = '2026-11-24T12:00:00.000Z';

const channel: Channel = {
  id: 'ch-hook',
  kind: 'webhook',
  enabled: true,
  minSeverity: 'info',
  url: `${receiverUrl}/hook`,
};

const outbox = await openOutbox(dataDir, (line) => console.error(line));
const seeded = join(dataDir, 'seeded');
if (
  !(await access(seeded).then(
    () => true,
    () => false,
  ))
) {
  await outbox.update((draft) => {
    for (const n of [1, 2, 3]) {
      draft.messages.push({
        id: `m${n}`,
        channelId: channel.id,
        alertId: `alert-${n}`,
        rule: 'position.liquidation',
        severity: 'critical',
        title: `Message ${n}`,
        message: 'A position is near liquidation.',
        raisedAt: NOW,
        repeat: 0,
        createdAt: NOW,
        holdable: false,
        attempts: 0,
        nextAttemptAt: NOW,
      });
    }
  });
  await writeFile(seeded, 'yes');
}

let takes = 0;
await deliverChannel(channel, {
  outbox,
  now: () => new Date(NOW),
  secretsOf: () => ({ secret: 'crash-test-secret' }),
  send: (c, secrets, message) =>
    c.kind === 'webhook'
      ? webhookChannel.send(c, secrets, message, { fetch, now: () => new Date(NOW) })
      : Promise.resolve({ ok: false, error: 'webhook only' }),
  link: null,
  hooks: {
    async afterTake(ids) {
      takes += 1;
      if (killPoint === 'after-take' && takes === 1) {
        console.log(`AT after-take ${ids.join(',')}`);
        await hang();
      }
      if (killPoint === 'after-record' && takes === 2) {
        console.log(`AT after-record ${ids.join(',')}`);
        await hang();
      }
    },
    async afterSend(ids) {
      if (killPoint === 'after-send') {
        console.log(`AT after-send ${ids.join(',')}`);
        await hang();
      }
    },
  },
});
console.log('DONE');
