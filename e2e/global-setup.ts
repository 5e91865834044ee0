import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { createScratchPostgres } from '../apps/api/src/test/scratch-postgres';
import { freePort } from '../scripts/lib/net.mjs';
import { ROOT } from '../scripts/lib/paths.mjs';
import { missingH5Builds, prepareWebRoot, startStack } from '../scripts/lib/stack.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the API, which also serves the H5 apps at /mall/ /campaign/ /tools/. */
    baseUrl: string;
    /** The operators' API token of this stack (OPS_API_TOKEN): shipping until the console exists. */
    opsToken: string;
    /** Origin of the WeChat sandbox, whose own views (e.g. /sandbox/pay/state) tests may read. */
    sandboxUrl: string;
  }
}

export const LOG_DIR = join(ROOT, 'reports', 'e2e-logs');

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts the WeChat sandbox and the API on free ports, with a throwaway PGlite database
 * (or a fresh database on the DATABASE_URL server) and WEB_ROOT on the H5 builds, once for
 * all browser tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = missingH5Builds();
  if (missing.length > 0) {
    throw new Error(
      `No H5 build for ${missing.join(', ')}. Run \`npm run build:h5\` (or \`npm run test:e2e\`, which builds).`,
    );
  }
  // Each run's logs and screenshots only: a failure screenshot from an earlier run misleads.
  rmSync(LOG_DIR, { recursive: true, force: true });
  rmSync(join(ROOT, 'reports', 'screenshots'), { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'wematrix-e2e-'));
  const [apiPort, sandboxPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const postgres = process.env.DATABASE_URL ? await createScratchPostgres(process.env.DATABASE_URL, 'wm_e2e') : null;
  const cleanUp = async (): Promise<void> => {
    rmSync(tmp, { recursive: true, force: true });
    await postgres?.drop();
  };

  const opsToken = randomBytes(24).toString('hex');
  let stack: Awaited<ReturnType<typeof startStack>>;
  try {
    stack = await startStack({
      apiPort,
      sandboxPort,
      publicBaseUrl: baseUrl,
      webRoot: prepareWebRoot(join(tmp, 'web')),
      pgliteDir: join(tmp, 'pglite'),
      databaseUrl: postgres?.url,
      sessionSecret: randomBytes(32).toString('hex'),
      // JOBS_TIME_TRAVEL: journeys let groups and bargains expire through POST /api/ops/jobs/tick.
      extraEnv: { LOG_LEVEL: 'warn', OPS_API_TOKEN: opsToken, JOBS_TIME_TRAVEL: '1' },
      logDir: LOG_DIR,
    });
  } catch (error) {
    await cleanUp();
    const logs = ['sandbox', 'api'].map((n) => `--- ${n}.log (last lines) ---\n${tail(join(LOG_DIR, `${n}.log`))}`);
    throw new Error(`Could not start the stack for the browser tests: ${(error as Error).message}\n${logs.join('\n')}`);
  }
  console.log(
    `e2e stack: API + apps ${baseUrl}, sandbox ${stack.sandboxUrl}, ${postgres ? `PostgreSQL ${new URL(postgres.url).pathname.slice(1)}` : 'PGlite'}; logs in reports/e2e-logs/`,
  );
  project.provide('baseUrl', baseUrl);
  project.provide('opsToken', opsToken);
  project.provide('sandboxUrl', stack.sandboxUrl);

  return async () => {
    await stack.stop();
    await cleanUp();
  };
}
