import { defineConfig } from 'vitest/config';

// The weapp render smoke test: runs after `npm run build:weapp` (it renders dist/weapp), so it
// is kept out of the unit run's include pattern.
export default defineConfig({
  test: {
    include: ['scripts/weapp/render/**/*.render-spec.{mjs,ts}'],
    root: new URL('../..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
