import { flashSaleClaimSchema, flashSaleSlotsSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { claimState, createSlot } from './flash-sale.fixtures';

const MINUTE_MS = 60_000;

describe.each(testDatabases())('flash-sale routes on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });
  const claim = (token: string | null, slotId: string, quantity: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/api/flash-sales/${slotId}/claim`,
      headers: token ? bearer(token) : {},
      payload: { quantity },
    });
  const list = async () => expectContract(flashSaleSlotsSchema, await t.app.inject('/api/flash-sales'));

  it('lists slots with their status and what is left at the server’s time, and the server time itself', async () => {
    const now = t.time.clock();
    const live = await createSlot(t.db, now, { stock: 3 });
    const upcoming = await createSlot(t.db, now, {
      starts_at: new Date(now.getTime() + 30 * MINUTE_MS),
      ends_at: new Date(now.getTime() + 90 * MINUTE_MS),
    });
    const soldOut = await createSlot(t.db, now, { stock: 0 });
    const ended = await createSlot(t.db, now, {
      starts_at: new Date(now.getTime() - 90 * MINUTE_MS),
      ends_at: now,
    });
    const { serverTime, slots } = await list();
    expect(serverTime).toBe(now.toISOString());
    const byId = new Map(slots.map((s) => [s.id, s]));
    expect(byId.get(live.id)).toMatchObject({
      status: 'live',
      remaining: 3,
      stock: 3,
      perUserLimit: 1,
      priceFen: 9900,
    });
    expect(byId.get(upcoming.id)).toMatchObject({ status: 'upcoming', remaining: 10 });
    expect(byId.get(soldOut.id)).toMatchObject({ status: 'sold_out', remaining: 0 });
    expect(byId.has(ended.id)).toBe(false);

    // Half an hour later on the server's clock the upcoming slot is live.
    t.time.advance(30 * MINUTE_MS);
    expect((await list()).slots.find((s) => s.id === upcoming.id)?.status).toBe('live');
    t.time.set(now);
  });

  it('claims a unit for a signed-in shopper: 201 with the claim id and the hold deadline, one unit less', async () => {
    const now = t.time.clock();
    const slot = await createSlot(t.db, now, { stock: 2 });
    const token = await freshShopper(t);
    const response = await claim(token, slot.id, 1);
    expect(response.statusCode, response.body).toBe(201);
    const body = expectContract(flashSaleClaimSchema, response);
    expect(body).toMatchObject({
      slotId: slot.id,
      quantity: 1,
      holdUntil: new Date(now.getTime() + 15 * MINUTE_MS).toISOString(),
    });
    expect((await list()).slots.find((s) => s.id === slot.id)?.remaining).toBe(1);
    expect(await claimState(t.db, slot.id)).toMatchObject({ held: 1, taken: 1 });

    // A second claim by the same shopper, and one past the limit, change nothing.
    expectError(await claim(token, slot.id, 1), 409, 'FLASH_SALE_LIMIT_REACHED');
    expectError(await claim(await freshShopper(t), slot.id, 2), 409, 'FLASH_SALE_LIMIT_REACHED');
    expect(await claimState(t.db, slot.id)).toMatchObject({ held: 1, taken: 1 });
  });

  it('refuses what it cannot do, with a code, and takes nothing', async () => {
    const now = t.time.clock();
    const token = await freshShopper(t);
    const slot = await createSlot(t.db, now, { stock: 1 });
    expectError(await claim(null, slot.id, 1), 401, 'UNAUTHENTICATED');
    expectError(await claim(token, slot.id, 0), 400, 'VALIDATION_FAILED');
    expectError(await claim(token, slot.id, '1'), 400, 'VALIDATION_FAILED');
    expectError(await claim(token, 'no-such-slot', 1), 404, 'FLASH_SALE_NOT_FOUND');
    const upcoming = await createSlot(t.db, now, {
      starts_at: new Date(now.getTime() + MINUTE_MS),
      ends_at: new Date(now.getTime() + 60 * MINUTE_MS),
    });
    expectError(await claim(token, upcoming.id, 1), 409, 'FLASH_SALE_NOT_LIVE');
    const ended = await createSlot(t.db, now, { starts_at: new Date(now.getTime() - 60 * MINUTE_MS), ends_at: now });
    expectError(await claim(token, ended.id, 1), 409, 'FLASH_SALE_NOT_LIVE');
    expect((await claim(token, slot.id, 1)).statusCode).toBe(201);
    expectError(await claim(await freshShopper(t), slot.id, 1), 409, 'FLASH_SALE_SOLD_OUT');
    for (const id of [upcoming.id, ended.id]) expect(await claimState(t.db, id)).toMatchObject({ held: 0, taken: 0 });
    expect(await claimState(t.db, slot.id)).toMatchObject({ held: 1, taken: 1 });
  });

  it('gives units held past their deadline back when the job runs, once', async () => {
    const now = t.time.clock();
    const slot = await createSlot(t.db, now, { stock: 1, hold_minutes: 15 });
    expect((await claim(await freshShopper(t), slot.id, 1)).statusCode).toBe(201);
    await t.jobs.tick(new Date(now.getTime() + 14 * MINUTE_MS));
    expect(await claimState(t.db, slot.id)).toMatchObject({ held: 1, released: 0, taken: 1 });
    // Earlier tests' claims fall due at the same minute, so the first count is at least this one.
    const due = new Date(now.getTime() + 15 * MINUTE_MS);
    expect((await t.jobs.tick(due))['flash-sale.release-expired']).toBeGreaterThanOrEqual(1);
    expect((await t.jobs.tick(due))['flash-sale.release-expired']).toBe(0);
    expect(await claimState(t.db, slot.id)).toMatchObject({ held: 0, released: 1, taken: 0 });
    expect((await claim(await freshShopper(t), slot.id, 1)).statusCode).toBe(201);
  });
});

describe.each(testDatabases())('flash-sale routes with Redis unreachable on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // A closed port: every Redis call fails at once.
    t = await createTestApp(database, { config: { redisUrl: 'redis://127.0.0.1:1' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 FLASH_SALE_UNAVAILABLE and takes nothing (no fallback to a second counter)', async () => {
    const slot = await createSlot(t.db, t.time.clock(), { stock: 5 });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/flash-sales/${slot.id}/claim`,
      headers: bearer(await freshShopper(t)),
      payload: { quantity: 1 },
    });
    expectError(response, 503, 'FLASH_SALE_UNAVAILABLE');
    expectError(await t.app.inject('/api/flash-sales'), 503, 'FLASH_SALE_UNAVAILABLE');
    expect(await claimState(t.db, slot.id)).toEqual({ taken: 0, held: 0, paid: 0, released: 0 });
  });
});
