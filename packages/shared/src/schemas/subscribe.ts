import { z } from 'zod';
import {
  SUBSCRIBE_KINDS,
  SUBSCRIBE_MAX_TEMPLATES_PER_ASK,
  SUBSCRIBE_RESULTS,
} from '../domain/subscribe/subscribe-rules';
import { appNameSchema, textInputSchema } from './common';

/** WeChat template ids are 43 url-safe characters; bounded here, checked against the configuration. */
export const subscribeTemplateIdSchema = textInputSchema.min(1).max(64);

/** `GET /api/subscribe/templates?app=mall`. */
export const subscribeTemplatesQuerySchema = z.object({ app: appNameSchema });

/** The templates an app may ask consent for (none configured: an empty list, ask nothing). */
export const subscribeTemplatesSchema = z.object({
  app: appNameSchema,
  templates: z.array(z.object({ kind: z.enum(SUBSCRIBE_KINDS), templateId: z.string() })),
});
export type SubscribeTemplates = z.infer<typeof subscribeTemplatesSchema>;

/** `POST /api/me/subscriptions`: what wx.requestSubscribeMessage answered, per template id. */
export const recordSubscriptionsRequestSchema = z.object({
  app: appNameSchema,
  results: z
    .record(subscribeTemplateIdSchema, z.enum(SUBSCRIBE_RESULTS))
    .refine((results) => Object.keys(results).length <= SUBSCRIBE_MAX_TEMPLATES_PER_ASK, {
      message: `at most ${SUBSCRIBE_MAX_TEMPLATES_PER_ASK} templates per ask`,
    }),
});
export type RecordSubscriptionsRequest = z.infer<typeof recordSubscriptionsRequestSchema>;

/** The shopper's remaining sends per template of the app, after the report was recorded. */
export const subscriptionsSchema = z.object({
  app: appNameSchema,
  quotas: z.array(z.object({ templateId: z.string(), remaining: z.number().int().nonnegative() })),
});
export type Subscriptions = z.infer<typeof subscriptionsSchema>;
