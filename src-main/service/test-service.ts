import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openFarmService } from './farm-service';
import type { FarmService, FarmServiceOptions } from './types';

// Service tests run the real FarmService on a real store in a fresh temp folder, offline
// unless a test says otherwise; every service a test opened is closed after it.

const opened: FarmService[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((service) => service.close()));
});

export async function openTestService(
  options: Partial<FarmServiceOptions> = {},
): Promise<FarmService> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'rigledger-test-')));
  const service = await openFarmService({ offline: true, log: () => {}, ...options, dataDir });
  opened.push(service);
  return service;
}
