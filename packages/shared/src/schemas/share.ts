import { z } from 'zod';
import {
  SHARE_KINDS,
  type ShareKind,
  shareAppProblem,
  shareKindSchema,
  sharePayloadSchema,
  shareTargetIdSchema,
  shareTargetProblem,
} from '../domain/share/share-payload';
import { wxacodeSceneSchema } from '../domain/share/wxacode-scene';
import { appNameSchema } from './common';

/** The kind and id fit together (home: no id; others: one) and, when named, the app opens the kind. */
function checkTarget(
  input: { kind: ShareKind; id: string; app?: z.infer<typeof appNameSchema> },
  context: z.RefinementCtx,
) {
  const problem = shareTargetProblem(input.kind, input.id);
  if (problem) context.addIssue({ code: z.ZodIssueCode.custom, path: ['id'], message: problem });
  const appProblem = input.app ? shareAppProblem(input.kind, input.app) : null;
  if (appProblem) context.addIssue({ code: z.ZodIssueCode.custom, path: ['app'], message: appProblem });
}

/** POST /api/share/links: the caller is the inviter. `app` only matters for home (default the mall). */
export const shareLinkCreateRequestSchema = z
  .object({ kind: shareKindSchema, id: shareTargetIdSchema.default(''), app: appNameSchema.optional() })
  .superRefine(checkTarget);

export const shareLinkCreatedSchema = z.object({
  /** Query params to append to the shared page (onShareAppMessage path, an H5 link). */
  payload: sharePayloadSchema,
  app: appNameSchema,
  /** The page with its id and the payload: `pkg-goods/product/index?id=p1&sk=…`. */
  path: z.string(),
  expiresAt: z.string().datetime(),
});
export type ShareLinkCreated = z.infer<typeof shareLinkCreatedSchema>;

/** POST /api/share/open: the params as the opened page received them. */
export const shareOpenRequestSchema = z.object({ payload: sharePayloadSchema });

export const shareInviterSchema = z.object({
  userId: z.string().uuid(),
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
});

export const shareTargetViewSchema = z.object({
  kind: shareKindSchema,
  id: z.string(),
  app: appNameSchema,
  /** The target's page with its id (no payload). */
  path: z.string(),
  /** The product's or activity's title; null for home. */
  title: z.string().nullable(),
});

export const shareOpenedSchema = z.object({ target: shareTargetViewSchema, inviter: shareInviterSchema });
export type ShareOpened = z.infer<typeof shareOpenedSchema>;

/** POST /api/share/codes: a 小程序码 of the app that opens the target. */
export const shareCodeRequestSchema = z
  .object({ kind: shareKindSchema, id: shareTargetIdSchema.default(''), app: appNameSchema })
  .superRefine(checkTarget);

export const shareCodeSchema = z.object({
  scene: wxacodeSceneSchema,
  /** The PNG, served from the API's uploads (cached for a year: the key is its content hash). */
  imageUrl: z.string(),
  /** The page the code opens (no query: the app reads `options.scene`). */
  page: z.string(),
  expiresAt: z.string().datetime(),
});
export type ShareCode = z.infer<typeof shareCodeSchema>;

export const shareSceneParamsSchema = z.object({ scene: wxacodeSceneSchema });

/** GET /api/share/scenes/:scene: what a code opens, with a signed payload for POST /api/share/open. */
export const shareSceneSchema = z.object({
  kind: shareKindSchema,
  id: z.string(),
  app: appNameSchema,
  inviter: shareInviterSchema,
  path: z.string(),
  payload: sharePayloadSchema,
  expiresAt: z.string().datetime(),
});
export type ShareScene = z.infer<typeof shareSceneSchema>;

/** Longest window GET /api/ops/share/stats covers. */
export const SHARE_STATS_MAX_DAYS = 92;

/** GET /api/ops/share/stats?from&to (ISO instants; default the last 7 days up to now). */
export const shareStatsQuerySchema = z
  .object({
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

const kindStatsSchema = z.object({
  shares: z.number().int().nonnegative(),
  opens: z.number().int().nonnegative(),
  joins: z.number().int().nonnegative(),
  sharers: z.number().int().nonnegative(),
  newOpeners: z.number().int().nonnegative(),
  shareToOpenRateBp: z.number().int().nonnegative().nullable(),
  fissionRatio: z.number().nonnegative().nullable(),
});

export const shareStatsSchema = z.object({
  from: z.string().datetime(),
  to: z.string().datetime(),
  kinds: z.array(kindStatsSchema.extend({ kind: z.enum(SHARE_KINDS) })),
  all: kindStatsSchema,
});
export type ShareStatsView = z.infer<typeof shareStatsSchema>;
