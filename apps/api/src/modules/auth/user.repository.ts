import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { UserRow } from './user.table';

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByDemoKey(db: Executor, demoKey: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('demo_key', '=', demoKey).executeTakeFirst();
}

export function listDemoUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('demo_key', 'is not', null).orderBy('demo_key').execute();
}

export function findUserByUnionid(trx: Transaction<DB>, unionid: string): Promise<UserRow | undefined> {
  return trx.selectFrom('users').selectAll().where('unionid', '=', unionid).executeTakeFirst();
}

export function findIdentity(
  trx: Transaction<DB>,
  app: string,
  openid: string,
): Promise<{ user_id: string; unionid: string | null } | undefined> {
  return trx
    .selectFrom('user_identities')
    .select(['user_id', 'unionid'])
    .where('app', '=', app)
    .where('openid', '=', openid)
    .executeTakeFirst();
}

/** Undefined when a concurrent login created the user with this unionid first. */
export async function insertUser(
  trx: Transaction<DB>,
  user: { nickname: string; unionid: string | null },
): Promise<string | undefined> {
  const row = await trx
    .insertInto('users')
    .values(user)
    .onConflict((oc) => oc.column('unionid').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function deleteUser(trx: Transaction<DB>, id: string): Promise<unknown> {
  return trx.deleteFrom('users').where('id', '=', id).execute();
}

/** Does nothing if the identity exists already (a concurrent first login won). */
export function insertIdentity(
  trx: Transaction<DB>,
  identity: { app: string; openid: string; unionid: string | null; user_id: string },
): Promise<unknown> {
  return trx
    .insertInto('user_identities')
    .values(identity)
    .onConflict((oc) => oc.columns(['app', 'openid']).doNothing())
    .execute();
}

/**
 * An app bound to the open platform later starts returning unionids for openids we already
 * know: record it on the identity and, if no other user holds it yet, on the user.
 */
export async function attachUnionid(
  trx: Transaction<DB>,
  identity: { app: string; openid: string; userId: string },
  unionid: string,
): Promise<void> {
  await trx
    .updateTable('user_identities')
    .set({ unionid })
    .where('app', '=', identity.app)
    .where('openid', '=', identity.openid)
    .where('unionid', 'is', null)
    .execute();
  await trx
    .updateTable('users')
    .set({ unionid })
    .where('id', '=', identity.userId)
    .where('unionid', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('users as other').select('other.id').where('other.unionid', '=', unionid))),
    )
    .execute();
}

/** The user's openid in one mini-program (what WeChat Pay JSAPI needs as payer), if they signed in there. */
export async function findOpenidOfUser(db: Executor, userId: string, app: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('user_identities')
    .select('openid')
    .where('user_id', '=', userId)
    .where('app', '=', app)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.openid;
}
