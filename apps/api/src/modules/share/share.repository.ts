import type { AppName, ShareEventGroup, ShareKind } from '@wematrix/shared';
import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { ShareScenesTable } from './share.table';

export type ShareSceneRow = Selectable<ShareScenesTable>;

/** The newest scene of this code that is still good after `validAfter`, if any. */
export function findReusableScene(
  db: Executor,
  input: { app: AppName; kind: ShareKind; targetId: string; inviterUserId: string; validAfter: Date },
): Promise<ShareSceneRow | undefined> {
  return db
    .selectFrom('share_scenes')
    .selectAll()
    .where('app', '=', input.app)
    .where('kind', '=', input.kind)
    .where('target_id', '=', input.targetId)
    .where('inviter_user_id', '=', input.inviterUserId)
    .where('expires_at', '>', input.validAfter)
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertScene(
  db: Executor,
  row: Omit<ShareSceneRow, 'created_at' | 'expires_at'> & { created_at: Date; expires_at: Date },
): Promise<void> {
  await db.insertInto('share_scenes').values(row).execute();
}

/** The scene while it has not expired at `now`. */
export function findLiveScene(db: Executor, scene: string, now: Date): Promise<ShareSceneRow | undefined> {
  return db
    .selectFrom('share_scenes')
    .selectAll()
    .where('scene', '=', scene)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export function findUserCard(
  db: Executor,
  userId: string,
): Promise<{ id: string; nickname: string; avatar_url: string | null } | undefined> {
  return db.selectFrom('users').select(['id', 'nickname', 'avatar_url']).where('id', '=', userId).executeTakeFirst();
}

/**
 * Events in [from, to), grouped so the same person opening a link ten times is one row of
 * count 10. A user is new when their account was made at most `newUserHours` before the event.
 */
export async function shareEventGroups(
  db: Executor,
  input: { from: Date; to: Date; newUserHours: number },
): Promise<ShareEventGroup[]> {
  const { rows } = await sql<{
    type: ShareEventGroup['type'];
    kind: ShareKind;
    inviter_user_id: string;
    user_id: string | null;
    user_is_new: boolean;
    count: number;
  }>`
    select e.type, e.kind, e.inviter_user_id, e.user_id,
      coalesce(u.created_at >= e.at - make_interval(hours => ${input.newUserHours}), false) as user_is_new,
      count(*)::int as count
    from share_events e
    left join users u on u.id = e.user_id
    where e.at >= ${input.from} and e.at < ${input.to}
    group by 1, 2, 3, 4, 5
  `.execute(db);
  return rows.map((row) => ({
    type: row.type,
    kind: row.kind,
    inviterUserId: row.inviter_user_id,
    userId: row.user_id,
    userIsNew: row.user_is_new,
    count: row.count,
  }));
}
