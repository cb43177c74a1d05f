import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Child processes for the crash and folder tests, bundled once into one plain .mjs so
// each start takes a fraction of a second (through tsx it takes seconds, which would
// make forty kill -9 cycles take minutes). The bundle is readable by every user, so a
// test may run it as another user too.

const built = new Map<string, Promise<string>>();

/** Path of a runnable bundle of the fixture file `name` (in this folder, or beside `base`). */
export function bundledFixture(name: string, base: string = import.meta.url): Promise<string> {
  const key = new URL(`./${name}`, base).href;
  let path = built.get(key);
  if (path === undefined) {
    path = (async () => {
      const folder = await mkdtemp(join(tmpdir(), 'rigledger-child-'));
      process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
      await chmod(folder, 0o755);
      const outfile = join(folder, `${basename(name, '.ts')}.mjs`);
      await build({
        entryPoints: [fileURLToPath(key)],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile,
        logLevel: 'error',
      });
      await chmod(outfile, 0o644);
      return outfile;
    })();
    built.set(key, path);
  }
  return path;
}
