import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function adminQuery(url: string, statement: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(statement, values);
  } finally {
    await client.end();
  }
}

/**
 * pg's Pool.end() resolves once it has asked its clients to end, not when their sockets are
 * closed. Forcing the drop while one is still closing kills it with 57P01, which the client
 * reports as an unhandled error and fails the whole run; so wait (briefly) for them to go.
 */
async function waitForDisconnects(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const { rows } = await adminQuery(adminUrl, 'select count(*)::int as n from pg_stat_activity where datname = $1', [
      name,
    ]);
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Creates an empty database `<prefix>_<random>` on the server of `adminUrl` and returns its
 * URL and a `drop()` that removes it (forcing out open connections). API tests and the
 * browser tests both use it, so no test sees another's rows on a shared server.
 */
export async function createScratchPostgres(
  adminUrl: string,
  prefix: 'wm_test' | 'wm_e2e' | 'wm_bench',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await waitForDisconnects(adminUrl, name);
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
