import { buildApp } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { describeDatabase, openDatabase } from './db/open-database';
import { catalog } from './db/seed/catalog.data';
import { isCatalogEmpty, seedCatalog } from './db/seed/seed';
import { createWechatClients } from './integrations/wechat';

/** Process shell: config, database, listen, graceful close. Everything else is in buildApp. */
const config = loadConfig();
const database = await openDatabase(config);
const app = await buildApp({
  db: database.db,
  config,
  clock: systemClock,
  wechat: createWechatClients({ apiBase: config.wechat.apiBase, apps: config.wechat.apps, clock: systemClock }),
});
app.log.info({ database: describeDatabase(config) }, 'database migrated');

if (await isCatalogEmpty(database.db)) {
  const seeded = await seedCatalog(database.db, catalog, systemClock());
  app.log.info({ seeded }, 'empty catalog: demo data seeded');
}

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
  app.log.info(
    {
      publicBaseUrl: config.publicBaseUrl,
      wechatApiBase: config.wechat.apiBase,
      devLogin: config.devLogin,
      webRoot: config.webRoot,
    },
    'WeMatrix API ready',
  );
} catch (error) {
  app.log.error({ err: error }, 'failed to listen');
  await database.close();
  process.exit(1);
}
