import type { AppName, DemoShopper, Session, User } from '@wematrix/shared';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { AssetUrl } from '../../http/asset-urls';
import { signSessionToken } from './session-token';
import {
  attachUnionid,
  deleteUser,
  findIdentity,
  findUserById,
  findUserByUnionid,
  insertIdentity,
  insertUser,
} from './user.repository';
import type { UserRow } from './user.table';

/** WeChat no longer shares nicknames at login; this is what WeChat itself shows by default. */
export const DEFAULT_NICKNAME = '微信用户';

export function userRowToUser(row: UserRow, assetUrl: AssetUrl): User {
  return {
    id: row.id,
    nickname: row.nickname,
    avatarUrl: row.avatar_url ? assetUrl(row.avatar_url) : null,
    demoKey: row.demo_key,
    createdAt: row.created_at.toISOString(),
  };
}

export function userRowToDemoShopper(row: UserRow, assetUrl: AssetUrl): DemoShopper {
  return {
    key: row.demo_key ?? '',
    nickname: row.nickname,
    avatarUrl: row.avatar_url ? assetUrl(row.avatar_url) : null,
  };
}

export function createSession(
  row: UserRow,
  options: { secret: string; ttlSeconds: number; now: Date; assetUrl: AssetUrl },
): Session {
  const expiresAt = new Date(options.now.getTime() + options.ttlSeconds * 1000);
  return {
    token: signSessionToken({ userId: row.id, expiresAt }, options.secret),
    expiresAt: expiresAt.toISOString(),
    user: userRowToUser(row, options.assetUrl),
  };
}

/**
 * One user per person across the three apps: the unionid decides when WeChat gives one,
 * otherwise the (app, openid) identity alone. Safe under concurrent first logins: inserts
 * are `on conflict do nothing` and the stored identity is re-read, so the winner is used.
 */
export async function resolveWechatUser(
  trx: Transaction<DB>,
  login: { app: AppName; openid: string; unionid: string | null },
): Promise<UserRow> {
  const known = await findIdentity(trx, login.app, login.openid);
  if (known) {
    if (login.unionid && !known.unionid) {
      await attachUnionid(trx, { app: login.app, openid: login.openid, userId: known.user_id }, login.unionid);
    }
    return mustFindUser(trx, known.user_id);
  }

  let userId: string | undefined;
  let createdHere = false;
  if (login.unionid) {
    userId = (await findUserByUnionid(trx, login.unionid))?.id;
    if (!userId) {
      userId = await insertUser(trx, { nickname: DEFAULT_NICKNAME, unionid: login.unionid });
      createdHere = userId !== undefined;
      userId ??= (await findUserByUnionid(trx, login.unionid))?.id;
    }
  } else {
    userId = await insertUser(trx, { nickname: DEFAULT_NICKNAME, unionid: null });
    createdHere = true;
  }
  if (!userId) throw new Error('user for unionid vanished during login');

  await insertIdentity(trx, { app: login.app, openid: login.openid, unionid: login.unionid, user_id: userId });
  const stored = await findIdentity(trx, login.app, login.openid);
  if (!stored) throw new Error('identity vanished during login');
  // A concurrent first login of the same openid won: drop the user we made for nothing.
  if (stored.user_id !== userId && createdHere) await deleteUser(trx, userId);
  return mustFindUser(trx, stored.user_id);
}

async function mustFindUser(trx: Transaction<DB>, id: string): Promise<UserRow> {
  const row = await findUserById(trx, id);
  if (!row) throw new Error(`user ${id} missing behind an identity`);
  return row;
}
