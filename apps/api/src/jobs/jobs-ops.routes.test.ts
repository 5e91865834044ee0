import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from '../test/test-app';
import { testDatabases } from '../test/test-databases';

const OPS_TOKEN = 'jobs-tick-test-ops-token-0123456789';
const OPS = { authorization: `Bearer ${OPS_TOKEN}` };

// The route touches no SQL of its own: PGlite alone is enough.
const [pglite] = testDatabases();

describe('POST /api/ops/jobs/tick', () => {
  let on: TestApp;
  let off: TestApp;
  beforeAll(async () => {
    if (!pglite) throw new Error('no PGlite case');
    on = await createTestApp(pglite, { config: { opsApiToken: OPS_TOKEN, jobsTimeTravel: true } });
    off = await createTestApp(pglite, { config: { opsApiToken: OPS_TOKEN } });
  });
  afterAll(async () => {
    await on?.close();
    await off?.close();
  });
  const tick = (t: TestApp, body: unknown, headers: Record<string, string> = OPS) =>
    t.app.inject({ method: 'POST', url: '/api/ops/jobs/tick', headers, payload: body as object });

  it('runs every deadline job as if at a later instant: an unpaid order past its deadline is cancelled', async () => {
    const now = on.time.clock();
    const later = new Date(now.getTime() + 24 * 3600_000);
    const response = await tick(on, { at: later.toISOString() });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { at: string; jobs: Record<string, number> };
    expect(body.at).toBe(later.toISOString());
    expect(Object.keys(body.jobs)).toContain('orders.cancel-unpaid');
    // Only the named jobs, when asked: another journey's unpaid orders are left alone.
    const only = await tick(on, { at: later.toISOString(), jobs: ['orders.auto-confirm'] });
    expect((only.json() as { jobs: Record<string, number> }).jobs).toEqual({ 'orders.auto-confirm': 0 });
    expectError(await tick(on, { at: later.toISOString(), jobs: ['no-such-job'] }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a time in the past, a malformed one and a missing token; exists only with JOBS_TIME_TRAVEL', async () => {
    const past = new Date(on.time.clock().getTime() - 1000).toISOString();
    expectError(await tick(on, { at: past }), 400, 'VALIDATION_FAILED');
    expectError(await tick(on, { at: 'tomorrow' }), 400, 'VALIDATION_FAILED');
    expect((await tick(on, { at: past }, {})).statusCode).toBe(401);
    expectError(await tick(off, { at: new Date().toISOString() }), 404, 'NOT_FOUND');
  });
});
