import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerErrorHandling } from './error-handler';
import { createOpsGuard } from './ops-guard';

const TOKEN = 'ops-token-0123456789abcdef0123456789';

async function appWith(token: string | null): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  app.post('/api/ops/thing', { preHandler: createOpsGuard(token) }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('operator token guard', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
  });
  const call = (authorization?: string) =>
    app?.inject({ method: 'POST', url: '/api/ops/thing', headers: authorization ? { authorization } : {} });

  it('answers 404 saying OPS_API_TOKEN is unset, whatever is sent', async () => {
    app = await appWith(null);
    for (const header of [undefined, `Bearer ${TOKEN}`]) {
      const response = await call(header);
      expect(response?.statusCode).toBe(404);
      expect(response?.json()).toMatchObject({
        code: 'NOT_FOUND',
        messageEn: expect.stringContaining('OPS_API_TOKEN'),
      });
    }
  });

  it('answers 401 for a missing, malformed or wrong token and lets the right one through', async () => {
    app = await appWith(TOKEN);
    for (const header of [undefined, TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN.slice(1)}`, `Bearer ${TOKEN}0`]) {
      const response = await call(header);
      expect(response?.statusCode, header).toBe(401);
      expect(response?.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const ok = await call(`Bearer ${TOKEN}`);
    expect(ok?.statusCode).toBe(200);
    expect(ok?.json()).toEqual({ ok: true });
  });
});
