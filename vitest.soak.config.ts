import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// `npm run test:soak`: the same suites with RIGLEDGER_SOAK=1, which the long-running
// ones read to run their long versions (200 kill -9 cycles instead of 40, and so on).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      env: { RIGLEDGER_SOAK: '1' },
      testTimeout: 900_000,
    },
  }),
);
