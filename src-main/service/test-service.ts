import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { z } from 'zod';
import { methodNamed } from '#api/method-aliases';
import { methods } from '#api/methods';
import { openFarmService } from './farm-service';
import type { FarmService, FarmServiceOptions } from './types';

// Service tests run the real FarmService on a real store in a fresh temp folder, offline
// unless a test says otherwise; every service a test opened is closed after it.
//
// The dispatcher checks params, not results (a result is built by our own code, and
// checking every Snapshot on every call would cost the live dashboard). Tests hold the
// service to the contract instead: every result that passes through here is parsed with
// its method's result schema, so a test fails as soon as a method answers something the
// contract does not describe.

const opened: FarmService[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((service) => service.close()));
});

/** The contract broken: a method answered outside its result schema. */
export class ResultOutsideContract extends Error {
  constructor(method: string, error: z.ZodError) {
    super(`${method} answered outside its result schema:\n${z.prettifyError(error)}`);
    this.name = 'ResultOutsideContract';
  }
}

/** The same service, with every result checked against its method's result schema. */
export function checkingResults(service: FarmService): FarmService {
  return {
    dataDir: service.dataDir,
    onEvent: (listener) => service.onEvent(listener),
    eventBaseline: () => service.eventBaseline(),
    flushEvents: () => service.flushEvents(),
    settled: () => service.settled(),
    close: () => service.close(),
    async call(name, params) {
      const result = await service.call(name, params);
      const method = methodNamed(name);
      if (method === null) return result;
      const checked = methods[method].result.safeParse(result);
      if (!checked.success) throw new ResultOutsideContract(name, checked.error);
      return result;
    },
  };
}

export async function openTestService(
  options: Partial<FarmServiceOptions> = {},
): Promise<FarmService> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'rigledger-test-')));
  const service = await openFarmService({ offline: true, log: () => {}, ...options, dataDir });
  opened.push(service);
  return checkingResults(service);
}
