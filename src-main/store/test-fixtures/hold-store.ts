import { openStore } from '../database';
import { sampleRig } from './sample-rig';

// Child process for the durability, lock and folder tests: opens the store in the
// folder given as the first argument, adds one rig named by the second argument, prints
// ACK once update() resolved, then keeps the store (and its lock) open until it is
// killed. When the store cannot be opened it prints "REFUSED <code>: <message>" and exits 3.

const [dataDir, rigName = 'ack-rig'] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: hold-store.ts <dataDir> [rigName]');

try {
  const store = await openStore({
    dataDir,
    command: 'hold-store test fixture',
    log: () => undefined,
  });
  await store.update((db) => {
    db.rigs.push(
      sampleRig(rigName, { hashrate: '200', powerWatts: '3500', quantity: 1, poolFeePct: '1' }),
    );
  });
  process.stdout.write('ACK\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(`REFUSED ${code}: ${message}\n`);
  process.exit(3);
}
