import {
  acceptedTemplateIds,
  recordSubscriptionsRequestSchema,
  type SubscribeTemplates,
  type Subscriptions,
  subscribeTemplatesQuerySchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { SubscribeError } from './subscribe.errors';
import { addSubscribeQuotas, listSubscribeQuotas } from './subscribe.repository';

/**
 * Subscribe-message consent: the templates an app may ask for (public: the ids are shown to
 * the shopper by WeChat anyway), and the shopper's report of what wx.requestSubscribeMessage
 * answered, each 'accept' allowing one notice of that template.
 */
export function registerSubscribeRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock } = deps;
  const templates = deps.config.subscribe?.templates ?? [];

  app.get('/api/subscribe/templates', async (request): Promise<SubscribeTemplates> => {
    const { app: appName } = parseInput(subscribeTemplatesQuerySchema, request.query, 'query');
    return {
      app: appName,
      templates: templates.filter((t) => t.app === appName).map((t) => ({ kind: t.kind, templateId: t.templateId })),
    };
  });

  app.post('/api/me/subscriptions', { preHandler: deps.requireUser }, async (request): Promise<Subscriptions> => {
    const input = parseInput(recordSubscriptionsRequestSchema, request.body, 'body');
    const userId = currentUserId(request);
    const known = new Set(templates.filter((t) => t.app === input.app).map((t) => t.templateId));
    const unknown = Object.keys(input.results).filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new SubscribeError('SUBSCRIBE_TEMPLATE_UNKNOWN', { details: { templateIds: unknown } });
    await addSubscribeQuotas(db, {
      userId,
      app: input.app,
      templateIds: acceptedTemplateIds(input.results),
      now: clock(),
    });
    const quotas = await listSubscribeQuotas(db, userId, input.app);
    return {
      app: input.app,
      quotas: quotas
        .filter((q) => known.has(q.template_id))
        .map((q) => ({ templateId: q.template_id, remaining: q.remaining })),
    };
  });
}
