import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// `npm run test:soak`: the long versions of the suites that have one — 10,000 contract
// fuzzing payloads instead of 2,400, 200 kill -9 cycles instead of 40. Each suite reads
// RIGLEDGER_SOAK (FUZZ_RUNS still sets any payload count). Not mergeConfig: it would add
// these files to the base include list instead of replacing it.
export default defineConfig({
  test: {
    ...base.test,
    include: ['src-main/web/contract-fuzz.test.ts', 'src-main/store/kill-cycles.test.ts'],
    env: { RIGLEDGER_SOAK: '1' },
    testTimeout: 900_000,
  },
});
