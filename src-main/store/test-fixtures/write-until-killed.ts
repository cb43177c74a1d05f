import { openStore } from '../database';
import { sampleRig } from './sample-rig';

// Child process for the kill -9 suite: opens the store in the given folder and adds
// rigs named <prefix>-0, <prefix>-1, … one after another, printing "ACK <name>" once
// each change is acknowledged (update() resolved), until it is killed.

const [dataDir, prefix = 'w'] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: write-until-killed <dataDir> [prefix]');

const store = await openStore({ dataDir, command: 'kill -9 test writer', log: () => undefined });
for (let i = 0; ; i += 1) {
  const name = `${prefix}-${i}`;
  await store.update((db) => void db.rigs.push(sampleRig(name)));
  process.stdout.write(`ACK ${name}\n`);
}
