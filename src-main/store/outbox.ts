import { join } from 'node:path';
import { z } from 'zod';
import { isoDateTime } from '#api/fields';
import { SEVERITIES } from '#shared/severity';
import { parseJsonText, readTextIfExists, writeFileDurably } from './durable-file';
import { OUTBOX_FILE } from './file-names';
import { describeError } from '#shared/describe-error';

// The notification outbox (docs/notifications.md "Delivery"): every message waiting for a
// channel, the ids already sent, escalation progress per alert and each channel's last
// success and error, in outbox.json beside the data. Each change is written durably
// (temp file, fsync, rename) before it counts, so a message taken for sending, and a
// message recorded as sent, survive kill -9; the sender records one message as sent
// before it takes the next.

export const outboxMessageSchema = z
  .object({
    id: z.string().max(300),
    channelId: z.string().max(64),
    alertId: z.string().max(64).nullable(),
    rule: z.string().max(64),
    severity: z.enum(SEVERITIES),
    title: z.string().max(300),
    message: z.string().max(8000),
    raisedAt: isoDateTime,
    /** 0 for the first message about an alert; n for its n-th escalation repeat. */
    repeat: z.number().int().min(0),
    createdAt: isoDateTime,
    /** Info/warning that may be gathered into a digest or held through quiet hours. */
    holdable: z.boolean(),
    attempts: z.number().int().min(0),
    nextAttemptAt: isoDateTime,
    /** Set durably just before sending; a message still taken after a restart is sent again. */
    takenAt: isoDateTime.optional(),
    lastError: z.string().max(1000).optional(),
  })
  .strict();
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const sentRecordSchema = z
  .object({
    id: z.string().max(300),
    channelId: z.string().max(64),
    alertId: z.string().max(64).nullable(),
    at: isoDateTime,
    /** Pushover's emergency receipt, polled until acknowledged. */
    receipt: z.string().max(100).optional(),
  })
  .strict();
export type SentRecord = z.infer<typeof sentRecordSchema>;

export const channelDeliverySchema = z
  .object({
    lastSuccessAt: isoDateTime.nullable(),
    lastError: z.string().max(1000).nullable(),
    failingSince: isoDateTime.nullable(),
    lastDigestAt: isoDateTime.nullable(),
  })
  .strict();
export type ChannelDelivery = z.infer<typeof channelDeliverySchema>;

export const alertProgressSchema = z
  .object({
    level: z.number().int(),
    /** The alert's figure when it was raised (or reached this level), for "then vs now". */
    valueAtRaise: z.string().max(400).nullable(),
    since: isoDateTime,
    repeats: z.number().int().min(0),
  })
  .strict();
export type AlertProgress = z.infer<typeof alertProgressSchema>;

const outboxSchema = z
  .object({
    schemaVersion: z.literal(1),
    messages: z.array(outboxMessageSchema),
    sent: z.array(sentRecordSchema),
    alerts: z.record(z.string(), alertProgressSchema),
    channels: z.record(z.string(), channelDeliverySchema),
  })
  .strict();
export type OutboxDocument = z.infer<typeof outboxSchema>;

/** Sent ids are remembered this many (newest kept): enough to refuse any repeat enqueue. */
export const SENT_IDS_KEPT = 5000;

export interface Outbox {
  /** The current document; treat as read-only, change it through update(). */
  readonly data: OutboxDocument;
  /** Runs `mutate` on a copy, writes it durably, then makes it current. One at a time. */
  update<T>(mutate: (draft: OutboxDocument) => T): Promise<T>;
}

function emptyOutbox(): OutboxDocument {
  return { schemaVersion: 1, messages: [], sent: [], alerts: {}, channels: {} };
}

export async function openOutbox(dataDir: string, log: (line: string) => void): Promise<Outbox> {
  const path = join(dataDir, OUTBOX_FILE);
  let data = emptyOutbox();
  const text = await readTextIfExists(path);
  if (text !== null) {
    try {
      data = outboxSchema.parse(parseJsonText(path, text));
    } catch (error) {
      log(
        `${OUTBOX_FILE} could not be read; waiting notifications were lost: ${describeError(error)}`,
      );
    }
  }
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get data() {
      return data;
    },
    update(mutate) {
      const run = queue.then(async () => {
        const draft = structuredClone(data);
        const result = mutate(draft);
        draft.sent = draft.sent.slice(-SENT_IDS_KEPT);
        await writeFileDurably(path, `${JSON.stringify(draft)}\n`);
        data = draft;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
