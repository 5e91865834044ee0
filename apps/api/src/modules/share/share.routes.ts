import {
  NEW_USER_WINDOW_HOURS,
  SHARE_KINDS,
  SHARE_PAYLOAD_TTL_SECONDS,
  SHARE_STATS_MAX_DAYS,
  type ShareCode,
  type ShareKind,
  type ShareLinkCreated,
  type ShareOpened,
  type ShareScene,
  type ShareStatsView,
  shareAppOf,
  shareCodeRequestSchema,
  shareLinkCreateRequestSchema,
  shareOpenRequestSchema,
  sharePagePath,
  shareSceneParamsSchema,
  shareStats,
  shareStatsQuerySchema,
  shareTargetPath,
} from '@wematrix/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rewardLotteryNewFriend } from '../../flows/lottery-referrals';
import { HttpError } from '../../http/app-error';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import type { FileStorage } from '../uploads/file-storage';
import { createUploadUrl } from '../uploads/upload-url';
import { ShareError } from './share.errors';
import { findLiveScene, shareEventGroups } from './share.repository';
import { createShareCodeMaker, cryptoRandom, inviterCard, type RandomBytes } from './share.service';
import { recordShareEvent } from './share-events';
import { createSharePayloadSigner } from './share-payload-signer';
import { SHARE_TARGET_LOOKUPS, type ShareTargetInfo } from './share-targets';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The share layer (docs/share.md): signed share links, opening them, 小程序码 with short
 * scenes (cached: WeChat rate-limits the code API), resolving scenes, and the operators'
 * share figures. Nothing here rewards anyone.
 */
export function registerShareRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  options: { fileStorage: FileStorage; randomBytes?: RandomBytes },
): void {
  const { db, clock, requireUser } = deps;
  const guarded = { preHandler: requireUser };
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  const signer = createSharePayloadSigner(deps.config.sessionSecret);
  const codes = createShareCodeMaker({
    db,
    wechat: deps.wechat,
    storage: options.fileStorage,
    uploadUrl: createUploadUrl(deps.config.publicBaseUrl),
    envVersion: deps.config.wxacodeEnvVersion ?? 'release',
    randomBytes: options.randomBytes ?? cryptoRandom,
    log: app.log,
  });

  /** The shopper if a valid session came with the request; opening a link is public. */
  async function optionalUserId(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    if (!request.headers.authorization) return null;
    try {
      await requireUser.call(app, request, reply);
      return request.userId;
    } catch {
      // A stale session must not stop a friend seeing what was shared; the open is anonymous.
      return null;
    }
  }

  async function targetOf(kind: ShareKind, id: string): Promise<ShareTargetInfo> {
    const target = await SHARE_TARGET_LOOKUPS[kind](db, id);
    if (!target) throw new ShareError('SHARE_TARGET_NOT_FOUND');
    return target;
  }

  app.post('/api/share/links', guarded, async (request): Promise<ShareLinkCreated> => {
    const inviterUserId = currentUserId(request);
    const input = parseInput(shareLinkCreateRequestSchema, request.body, 'body');
    await targetOf(input.kind, input.id);
    const now = clock();
    const expiresAt = Math.floor(now.getTime() / 1000) + SHARE_PAYLOAD_TTL_SECONDS;
    const payload = signer.sign({ kind: input.kind, id: input.id, inviterUserId, expiresAt });
    await recordShareEvent(db, { type: 'share', kind: input.kind, targetId: input.id, inviterUserId, at: now });
    return {
      payload,
      app: shareAppOf(input.kind, input.app),
      path: sharePagePath(payload),
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  });

  app.post('/api/share/open', async (request, reply): Promise<ShareOpened> => {
    const { payload } = parseInput(shareOpenRequestSchema, request.body, 'body');
    const userId = await optionalUserId(request, reply);
    const now = clock();
    const refuse = (reason: string, error: ShareError): never => {
      app.log.warn({ reason, kind: payload.sk, id: payload.si, inviter: payload.su, userId }, 'share link refused');
      throw error;
    };
    const check = signer.verify(payload, now);
    if (check === 'invalid') refuse('signature', new ShareError('SHARE_LINK_INVALID'));
    if (check === 'expired') refuse('expired', new ShareError('SHARE_LINK_EXPIRED'));
    const target = await SHARE_TARGET_LOOKUPS[payload.sk](db, payload.si);
    if (!target) return refuse('target_not_found', new ShareError('SHARE_TARGET_NOT_FOUND'));
    const inviter = await inviterCard(db, payload.su, deps.assetUrl);
    if (!inviter) {
      return refuse(
        'inviter_not_found',
        new ShareError('SHARE_TARGET_NOT_FOUND', { messageEn: 'The inviter of this share no longer exists' }),
      );
    }
    // 抽奖: a new shopper brought by a lottery link earns the sharer an extra draw (before this
    // open is recorded: "new" means no link opened before and no order).
    if (payload.sk === 'lottery' && userId) {
      await rewardLotteryNewFriend(db, { lotteryId: payload.si, inviterUserId: payload.su, friendUserId: userId, now });
    }
    await recordShareEvent(db, {
      type: 'share_open',
      kind: payload.sk,
      targetId: payload.si,
      inviterUserId: payload.su,
      userId,
      at: now,
    });
    return {
      target: {
        kind: payload.sk,
        id: payload.si,
        app: shareAppOf(payload.sk),
        path: shareTargetPath(payload.sk, payload.si),
        title: target.title,
      },
      inviter,
    };
  });

  app.post('/api/share/codes', guarded, async (request): Promise<ShareCode> => {
    const inviterUserId = currentUserId(request);
    const input = parseInput(shareCodeRequestSchema, request.body, 'body');
    await targetOf(input.kind, input.id);
    const now = clock();
    const code = await codes.codeFor({ app: input.app, kind: input.kind, id: input.id, inviterUserId, now });
    await recordShareEvent(db, { type: 'share', kind: input.kind, targetId: input.id, inviterUserId, at: now });
    return code;
  });

  app.get('/api/share/scenes/:scene', async (request): Promise<ShareScene> => {
    const { scene } = parseInput(shareSceneParamsSchema, request.params, 'params');
    const row = await findLiveScene(db, scene, clock());
    const inviter = row ? await inviterCard(db, row.inviter_user_id, deps.assetUrl) : null;
    if (!row || !inviter) throw new ShareError('SHARE_SCENE_NOT_FOUND');
    const expiresAt = Math.floor(row.expires_at.getTime() / 1000);
    const payload = signer.sign({ kind: row.kind, id: row.target_id, inviterUserId: row.inviter_user_id, expiresAt });
    return {
      kind: row.kind,
      id: row.target_id,
      app: row.app,
      inviter,
      path: shareTargetPath(row.kind, row.target_id),
      payload,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  });

  app.get('/api/ops/share/stats', ops, async (request): Promise<ShareStatsView> => {
    const query = parseInput(shareStatsQuerySchema, request.query, 'query');
    const to = query.to ? new Date(query.to) : clock();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > SHARE_STATS_MAX_DAYS * DAY_MS) {
      throw new HttpError('VALIDATION_FAILED', {
        messageEn: `from must be before to, at most ${SHARE_STATS_MAX_DAYS} days apart`,
      });
    }
    const stats = shareStats(await shareEventGroups(db, { from, to, newUserHours: NEW_USER_WINDOW_HOURS }));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      kinds: SHARE_KINDS.map((kind) => ({ kind, ...stats.kinds[kind] })),
      all: stats.all,
    };
  });
}
