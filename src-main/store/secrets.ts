import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonText, readTextIfExists, writeFileDurably } from './durable-file';
import { SECRETS_FILE } from './file-names';
import { describeError } from '#shared/describe-error';

// Channel tokens and passwords (docs/notifications.md "Secrets"), kept in secrets.json
// beside the data and never inside rigledger.json: rotating backups and exports copy
// rigledger.json, and must not carry a bot token to wherever a backup travels. The file
// is written with mode 0600; where the desktop app has the OS keychain (Electron
// safeStorage) the whole content is sealed with it.

/** Channel id → secret field name → value. */
export type ChannelSecrets = Record<string, Record<string, string>>;

/** Encrypts with a key the OS keeps (Electron safeStorage); absent in the web host. */
export interface SecretSealer {
  /** Names the protection in the file, e.g. "electron-safe-storage". */
  readonly kind: string;
  seal(plain: string): string;
  unseal(sealed: string): string;
}

export interface SecretBook {
  all(): ChannelSecrets;
  of(channelId: string): Record<string, string>;
  /** Replaces every secret, durably; resolves once on disk. */
  replace(next: ChannelSecrets): Promise<void>;
  /** "os" when sealed with the OS keychain, "file" when protected by file permissions only. */
  readonly protection: 'os' | 'file';
}

const secretsSchema = z.record(z.string(), z.record(z.string(), z.string()));
const fileSchema = z
  .object({
    schemaVersion: z.literal(1),
    sealedWith: z.string().nullable(),
    channels: secretsSchema.optional(),
    sealed: z.string().optional(),
  })
  .strict();

export async function openSecretBook(
  dataDir: string,
  options: { sealer?: SecretSealer; log: (line: string) => void },
): Promise<SecretBook> {
  const path = join(dataDir, SECRETS_FILE);
  const { sealer, log } = options;
  let secrets: ChannelSecrets = {};
  const text = await readTextIfExists(path);
  if (text !== null) {
    try {
      const file = fileSchema.parse(parseJsonText(path, text));
      if (file.sealedWith === null) secrets = file.channels ?? {};
      else if (sealer && sealer.kind === file.sealedWith && file.sealed !== undefined)
        secrets = secretsSchema.parse(JSON.parse(sealer.unseal(file.sealed)));
      else
        log(
          `${SECRETS_FILE} is sealed with ${file.sealedWith}, which is not available here; enter the channel secrets again under Settings.`,
        );
    } catch (error) {
      // Never log the content: only that it could not be read and why.
      log(
        `${SECRETS_FILE} could not be read; enter the channel secrets again: ${describeError(error)}`,
      );
    }
  }
  let queue: Promise<void> = Promise.resolve();

  function serialise(next: ChannelSecrets): string {
    const document = sealer
      ? { schemaVersion: 1, sealedWith: sealer.kind, sealed: sealer.seal(JSON.stringify(next)) }
      : { schemaVersion: 1, sealedWith: null, channels: next };
    return `${JSON.stringify(document, null, 2)}\n`;
  }

  return {
    protection: sealer ? 'os' : 'file',
    all: () => structuredClone(secrets),
    of: (channelId) => ({ ...secrets[channelId] }),
    replace(next) {
      const copy = structuredClone(next);
      const run = queue.then(async () => {
        await writeFileDurably(path, serialise(copy));
        secrets = copy;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
