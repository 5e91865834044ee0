import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
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
  return { url: url.toString(), drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}
