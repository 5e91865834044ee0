import { createHash, randomBytes as cryptoRandomBytes } from 'node:crypto';
import {
  type AppName,
  SHARE_PAYLOAD_TTL_SECONDS,
  SHARE_TARGET_PAGES,
  type ShareCode,
  type ShareKind,
  sceneIdFromBytes,
  sniffImageType,
  UPLOAD_EXTENSIONS,
} from '@wematrix/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database';
import { WechatApiError, type WechatClients, WechatUnavailableError } from '../../integrations/wechat';
import type { WxacodeEnvVersion } from '../../integrations/wechat/wxacode.client';
import type { FileStorage } from '../uploads/file-storage';
import type { UploadUrl } from '../uploads/upload-url';
import { ShareError } from './share.errors';
import { findReusableScene, findUserCard, insertScene, type ShareSceneRow } from './share.repository';

/** How long a code's scene resolves: a poster outlives a chat link. */
export const SHARE_SCENE_TTL_SECONDS = 30 * 24 * 3600;
/** Width of the codes asked of WeChat (its default; 280–1280 allowed). */
export const SHARE_CODE_WIDTH = 430;

export type RandomBytes = (size: number) => Uint8Array;
export const cryptoRandom: RandomBytes = (size) => cryptoRandomBytes(size);

export interface ShareCodeDeps {
  db: Database;
  wechat: WechatClients;
  storage: FileStorage;
  uploadUrl: UploadUrl;
  envVersion: WxacodeEnvVersion;
  randomBytes: RandomBytes;
  log: FastifyBaseLogger;
}

export interface ShareCodeMaker {
  /**
   * The 小程序码 of (app, kind, id, inviter): a cached scene that stays good for at least one
   * more share period, else a new scene drawn by WeChat, stored and recorded. Concurrent asks
   * for the same code on this instance share one WeChat call.
   */
  codeFor(input: { app: AppName; kind: ShareKind; id: string; inviterUserId: string; now: Date }): Promise<ShareCode>;
}

export function createShareCodeMaker(deps: ShareCodeDeps): ShareCodeMaker {
  const inFlight = new Map<string, Promise<ShareSceneRow>>();
  const view = (row: ShareSceneRow): ShareCode => ({
    scene: row.scene,
    imageUrl: deps.uploadUrl(row.image_key),
    page: row.page,
    expiresAt: row.expires_at.toISOString(),
  });

  async function draw(input: {
    app: AppName;
    kind: ShareKind;
    id: string;
    inviterUserId: string;
    now: Date;
  }): Promise<ShareSceneRow> {
    const scene = sceneIdFromBytes(deps.randomBytes(32));
    const { page } = SHARE_TARGET_PAGES[input.kind];
    let bytes: Buffer;
    try {
      ({ bytes } = await deps.wechat.wxacode.getUnlimited(input.app, {
        scene,
        page,
        // The campaign pages may not be in the published version yet; the scene is checked by the API.
        checkPath: false,
        envVersion: deps.envVersion,
        width: SHARE_CODE_WIDTH,
      }));
    } catch (error) {
      if (!(error instanceof WechatApiError) && !(error instanceof WechatUnavailableError)) throw error;
      deps.log.warn({ err: error, app: input.app, kind: input.kind, page }, 'share code: WeChat drew no code');
      throw new ShareError('WECHAT_UNAVAILABLE');
    }
    const type = sniffImageType(bytes);
    if (type !== 'image/png' && type !== 'image/jpeg') {
      deps.log.warn({ app: input.app, bytes: bytes.length }, 'share code: WeChat answered no PNG or JPEG');
      throw new ShareError('WECHAT_UNAVAILABLE');
    }
    const imageKey = `${createHash('sha256').update(bytes).digest('hex')}.${UPLOAD_EXTENSIONS[type]}`;
    await deps.storage.put(imageKey, bytes);
    const row: ShareSceneRow = {
      scene,
      app: input.app,
      kind: input.kind,
      target_id: input.id,
      inviter_user_id: input.inviterUserId,
      page,
      image_key: imageKey,
      created_at: input.now,
      expires_at: new Date(input.now.getTime() + SHARE_SCENE_TTL_SECONDS * 1000),
    };
    await insertScene(deps.db, row);
    return row;
  }

  return {
    async codeFor(input) {
      const validAfter = new Date(input.now.getTime() + SHARE_PAYLOAD_TTL_SECONDS * 1000);
      const cached = await findReusableScene(deps.db, { ...input, targetId: input.id, validAfter });
      if (cached) return view(cached);
      const key = [input.app, input.kind, input.id, input.inviterUserId].join('\n');
      let pending = inFlight.get(key);
      if (!pending) {
        pending = draw(input).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return view(await pending);
    },
  };
}

/** The inviter as a share shows them; null when the account is gone. */
export async function inviterCard(
  db: Database,
  userId: string,
  assetUrl: (stored: string) => string,
): Promise<{ userId: string; nickname: string; avatarUrl: string | null } | null> {
  const row = await findUserCard(db, userId);
  return row
    ? { userId: row.id, nickname: row.nickname, avatarUrl: row.avatar_url ? assetUrl(row.avatar_url) : null }
    : null;
}
