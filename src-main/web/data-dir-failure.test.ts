import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '#store/store-error';
import { explainDataDirFailure } from './data-dir-failure';
import { loadOrCreateToken } from './options';

// `npm run serve` on a data folder it cannot use says so in a sentence that names the
// folder and the way out, instead of a bare "EACCES: permission denied, open …".

function systemError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: failed, ${syscall} '${path}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = path;
  return error;
}

describe('explainDataDirFailure', () => {
  it('a folder this user may not write names the folder, the cause and the fix', () => {
    const error = systemError('EACCES', 'open', '/srv/farm/rigledger.lock.1.new');

    const message = explainDataDirFailure({
      dataDir: '/srv/farm',
      task: 'open the farm',
      error: error,
    });

    expect(message).toBe(
      "RigLedger cannot open the farm in its data folder /srv/farm: this user may not write there (EACCES: failed, open '/srv/farm/rigledger.lock.1.new'). " +
        'Give the user running RigLedger write access to that folder, or choose another one with --data-dir.',
    );
  });

  it('a read-only disk and a full disk are told apart', () => {
    expect(
      explainDataDirFailure({
        dataDir: '/mnt/ro',
        task: 'open the farm',
        error: systemError('EROFS', 'open', '/mnt/ro/x'),
      }),
    ).toContain('it is on a read-only disk');
    expect(
      explainDataDirFailure({
        dataDir: '/d',
        task: 'keep its access token',
        error: systemError('ENOSPC', 'write', '/d/x'),
      }),
    ).toContain('RigLedger cannot keep its access token in its data folder /d: the disk is full');
  });

  it('another system error still names the folder and ends as a sentence', () => {
    const message = explainDataDirFailure({
      dataDir: '/d',
      task: 'open the farm',
      error: systemError('EIO', 'read', '/d/x'),
    });

    expect(message).toBe(
      "RigLedger cannot open the farm in its data folder /d: EIO: failed, read '/d/x'.",
    );
  });

  it("the store's own sentences pass unchanged", () => {
    const locked = new StoreError(
      'locked',
      'The RigLedger data folder /d is already open in another RigLedger process 7.',
    );

    expect(explainDataDirFailure({ dataDir: '/d', task: 'open the farm', error: locked })).toBe(
      locked.message,
    );
  });
});

describe('the token in a data folder that is not a folder', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rigledger-token-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('a data-dir path running through a file is explained, not shown as ENOTDIR', async () => {
    await mkdir(join(root, 'farm'));
    await writeFile(join(root, 'farm', 'file'), 'not a folder');
    const dataDir = join(root, 'farm', 'file', 'data');

    const failure = await loadOrCreateToken(dataDir).then(
      () => null,
      (error: unknown) => error,
    );

    expect(
      explainDataDirFailure({ dataDir, task: 'keep its access token', error: failure }),
    ).toContain(
      `RigLedger cannot keep its access token in its data folder ${dataDir}: part of that path is a file, not a folder`,
    );
  });
});
