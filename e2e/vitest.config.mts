import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests over the H5 builds. One stack (sandbox + API) for the whole run, started in
// global-setup; files run one after another: two cores, and one chromium at a time is plenty.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A flaky browser test is a bug to fix, not to retry away.
    retry: 0,
  },
});
