import { openStore } from '../database';

// Child process for the durability and lock tests: opens the store in the folder given
// as the first argument, adds one rig named by the second argument, prints ACK once
// update() resolved, then keeps the store (and its lock) open until it is killed.

const [dataDir, rigName = 'ack-rig'] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: hold-store.ts <dataDir> [rigName]');

const store = await openStore({
  dataDir,
  command: 'hold-store test fixture',
  log: () => undefined,
});
await store.update((db) => {
  db.rigs.push({
    id: `rig-${rigName}`,
    name: rigName,
    coin: 'BTC',
    hashrate: '200',
    hashrateUnit: 'TH/s',
    powerWatts: '3500',
    quantity: 1,
    poolFeePct: '1',
    status: 'active',
  });
});
process.stdout.write('ACK\n');
setInterval(() => undefined, 60_000);
