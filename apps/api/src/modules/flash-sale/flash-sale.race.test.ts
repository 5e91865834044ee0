import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { signSessionToken } from '../auth/session-token';
import { SHENZHEN, stockOf } from '../orders/order.fixtures';
import { claimState, createSlot, createUsers } from './flash-sale.fixtures';

const ATTEMPTS = 2000;
const UNITS = 100;
const SKU = { product_id: 'p-toner', sku_id: 'sku-toner' };

/**
 * The sale end to end under a crowd: 2,000 shoppers press 抢购 at once for 100 units, then
 * every winner places the order from their claim at once. Exactly 100 orders, the SKU's stock
 * down by exactly 100, the slot empty, through each gate. PostgreSQL only: PGlite's single
 * connection serialises everything, so a race there proves nothing.
 */
const cases = testDatabases().flatMap((database) => [
  { name: `${database.name}, PostgreSQL gate`, database, redisUrl: null as string | null },
  { name: `${database.name}, Redis gate`, database, redisUrl: process.env.REDIS_URL ?? null },
]);

describe.each(cases)('flash sale under a crowd on $name', ({ database, redisUrl, name }) => {
  const skip =
    database.name === 'PGlite'
      ? 'PGlite is one connection, a race there proves nothing'
      : name.endsWith('Redis gate') && !redisUrl
        ? 'REDIS_URL is not set'
        : null;
  let t: TestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createTestApp(database, { config: { redisUrl } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.skipIf(skip !== null)(
    `${ATTEMPTS} concurrent attempts on ${UNITS} units: exactly ${UNITS} claims and ${UNITS} orders${skip ? ` (skipped: ${skip})` : ''}`,
    async () => {
      const now = t.time.clock();
      const slot = await createSlot(t.db, now, { ...SKU, price_fen: 6900, stock: UNITS });
      const users = await createUsers(t.db, ATTEMPTS);
      const expiresAt = new Date(now.getTime() + 3600_000);
      const tokens = users.map((userId) => signSessionToken({ userId, expiresAt }, t.config.sessionSecret));
      const stockBefore = await stockOf(t, SKU.sku_id);

      const attempts = await Promise.all(
        tokens.map((token) =>
          t.app.inject({
            method: 'POST',
            url: `/api/flash-sales/${slot.id}/claim`,
            headers: bearer(token),
            payload: { quantity: 1 },
          }),
        ),
      );
      const byStatus = new Map<number, number>();
      for (const a of attempts) byStatus.set(a.statusCode, (byStatus.get(a.statusCode) ?? 0) + 1);
      expect(Object.fromEntries(byStatus)).toEqual({ 201: UNITS, 409: ATTEMPTS - UNITS });

      const winners = attempts.flatMap((a, i) =>
        a.statusCode === 201
          ? [{ token: tokens[i] as string, claimId: (a.json() as { claimId: string }).claimId }]
          : [],
      );
      const quote = await t.app.inject({
        method: 'POST',
        url: `/api/flash-sales/claims/${winners[0]?.claimId}/quote`,
        headers: bearer(winners[0]?.token ?? ''),
        payload: { region: { province: '广东省' } },
      });
      const { totalFen } = quote.json() as { totalFen: number };
      const orders = await Promise.all(
        winners.map(({ token, claimId }) =>
          t.app.inject({
            method: 'POST',
            url: `/api/flash-sales/claims/${claimId}/order`,
            headers: { ...bearer(token), 'idempotency-key': randomUUID() },
            payload: { address: SHENZHEN, expectedTotalFen: totalFen },
          }),
        ),
      );
      expect(orders.map((o) => o.statusCode)).toEqual(winners.map(() => 201));

      const placed = await t.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('campaign_kind', '=', 'flash_sale')
        .where(
          'campaign_ref',
          'in',
          winners.map((w) => w.claimId),
        )
        .executeTakeFirstOrThrow();
      expect(Number(placed.n)).toBe(UNITS);
      expect(await stockOf(t, SKU.sku_id)).toBe(stockBefore - UNITS);
      const state = await claimState(t.db, slot.id);
      expect(state.held).toBe(UNITS);
      if (!redisUrl) expect(state.taken).toBe(UNITS);
    },
    120_000,
  );
});
