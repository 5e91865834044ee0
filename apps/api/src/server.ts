import { buildApp } from './app';
import { systemClock } from './clock';
import { type ApiConfig, ConfigError, loadConfig } from './config';
import { describeDatabase, openDatabase } from './db/open-database';
import { seedDemoIfAsked } from './db/seed/demo-seed';
import { createWechatClients } from './integrations/wechat';

/** Process shell: config, database, listen, graceful close. Everything else is in buildApp. */
function configOrExit(): ApiConfig {
  try {
    return loadConfig();
  } catch (error) {
    // A setting to fix, not a crash: one line naming the variable, no stack.
    if (!(error instanceof ConfigError)) throw error;
    console.error(`WeMatrix API cannot start: ${error.message}`);
    process.exit(1);
  }
}
const config = configOrExit();
const database = await openDatabase(config);
const app = await buildApp({
  db: database.db,
  config,
  clock: systemClock,
  wechat: createWechatClients({ apiBase: config.wechat.apiBase, apps: config.wechat.apps, clock: systemClock }),
});
app.log.info({ database: describeDatabase(config) }, 'database migrated');

const seeded = await seedDemoIfAsked(database.db, config.seedDemo, systemClock());
if (seeded) app.log.info({ seeded }, 'empty catalog: demo data seeded (SEED_DEMO)');

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // Stop taking requests and finish those in flight, then release the database.
  const forced = setTimeout(() => {
    app.log.error('graceful shutdown timed out');
    process.exit(1);
  }, 10_000);
  forced.unref();
  try {
    await app.close();
    await database.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ port: config.port, host: config.host });
  // Deadlines (unpaid orders, auto-confirm) on every instance; app.close() stops it on shutdown.
  if (config.jobIntervalMs > 0) app.jobs.start(config.jobIntervalMs);
  app.log.info(
    {
      publicBaseUrl: config.publicBaseUrl,
      wechatApiBase: config.wechat.apiBase,
      devLogin: config.devLogin,
      webRoot: config.webRoot,
      jobIntervalMs: config.jobIntervalMs,
    },
    'WeMatrix API ready',
  );
} catch (error) {
  app.log.error({ err: error }, 'failed to listen');
  await database.close();
  process.exit(1);
}
