import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './database';
import { databaseSchema } from './schema';
import { bundledFixture } from './test-fixtures/bundle-child';
import { makeTempDir, removeDir } from './test-fixtures/store-fixtures';

// kill -9 during writes, cycle after cycle on one data folder: every change a writer
// acknowledged is there after the restart, and no file is ever left corrupt (nothing is
// moved aside, no recovery notice). `npm run test:soak` runs 200 cycles.

const CYCLES = process.env.RIGLEDGER_SOAK === '1' ? 200 : 40;

let writer: string;
let dir: string;

beforeAll(async () => {
  writer = await bundledFixture('write-until-killed.ts');
  dir = await makeTempDir();
}, 60_000);

afterAll(async () => {
  await removeDir(dir);
});

/** Starts a writer, kills it with SIGKILL after `acks` acknowledged changes; returns every name it acknowledged. */
function writeThenKill(prefix: string, acks: number): Promise<string[]> {
  const child = spawn(process.execPath, [writer, dir, prefix], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ACK ')) acknowledged.push(line.slice(4));
      // Killed while the next change is being written.
      if (acknowledged.length >= acks) child.kill('SIGKILL');
    });
    child.once('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the writer exited by itself (${code}): ${stderr}`));
    });
  });
}

describe('kill -9 during writes', () => {
  it(
    `loses no acknowledged change and leaves no corrupt file over ${CYCLES} cycles`,
    async () => {
      const acknowledged = new Set<string>();
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        for (const name of await writeThenKill(`c${cycle}`, 1 + (cycle % 5))) {
          acknowledged.add(name);
        }

        const store = await openStore({ dataDir: dir, log: () => undefined });
        try {
          const names = new Set(store.data.rigs.map((rig) => rig.name));
          const lost = [...acknowledged].filter((name) => !names.has(name));
          expect({ cycle, lost }).toEqual({ cycle, lost: [] });
          expect(store.notices).toEqual([]);
        } finally {
          await store.close();
        }
        const onDisk: unknown = JSON.parse(await readFile(join(dir, 'rigledger.json'), 'utf8'));
        expect(databaseSchema.safeParse(onDisk).success).toBe(true);
      }
      const files = await readdir(dir);
      expect(files.filter((name) => name.includes('.corrupt-'))).toEqual([]);
      expect(acknowledged.size).toBeGreaterThanOrEqual(CYCLES);
    },
    CYCLES * 3_000,
  );
});
