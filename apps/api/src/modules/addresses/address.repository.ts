import { MAX_ADDRESSES_PER_USER } from '@wematrix/shared';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { UserAddressesTable } from './address.table';
import type { ResolvedRegion } from './regions';

export type AddressRow = Selectable<UserAddressesTable>;

export interface AddressFields {
  recipient: string;
  phone: string;
  region: ResolvedRegion;
  detail: string;
  isDefault: boolean;
}

export function listAddresses(db: Executor, userId: string): Promise<AddressRow[]> {
  return db
    .selectFrom('user_addresses')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('is_default', 'desc')
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
}

export function findAddress(db: Executor, userId: string, id: string): Promise<AddressRow | undefined> {
  return db
    .selectFrom('user_addresses')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Serialises one shopper's address writes: the limit count and the single default are
 * decided under this row lock, so two concurrent saves cannot both pass the limit.
 */
async function lockUser(trx: Executor, userId: string): Promise<void> {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
}

async function clearDefault(trx: Executor, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('user_addresses')
    .set({ is_default: false, updated_at: now })
    .where('user_id', '=', userId)
    .where('is_default', '=', true)
    .execute();
}

/** Inserts an address, or undefined when the shopper already has the maximum. Call in a transaction. */
export async function insertAddress(
  trx: Executor,
  userId: string,
  fields: AddressFields,
  now: Date,
): Promise<AddressRow | undefined> {
  await lockUser(trx, userId);
  const { count } = await trx
    .selectFrom('user_addresses')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_ADDRESSES_PER_USER) return undefined;
  // The first address is the default whatever the form said: checkout needs one.
  const isDefault = fields.isDefault || Number(count) === 0;
  if (isDefault) await clearDefault(trx, userId, now);
  return trx
    .insertInto('user_addresses')
    .values({ user_id: userId, ...columns(fields), is_default: isDefault, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Rewrites an address the shopper owns; undefined when there is none with that id. Call in a transaction. */
export async function updateAddress(
  trx: Executor,
  userId: string,
  id: string,
  fields: AddressFields,
  now: Date,
): Promise<AddressRow | undefined> {
  await lockUser(trx, userId);
  const current = await findAddress(trx, userId, id);
  if (!current) return undefined;
  // Unticking 默认 on the default address keeps it default: there is always one.
  const isDefault = fields.isDefault || current.is_default;
  if (isDefault && !current.is_default) await clearDefault(trx, userId, now);
  return trx
    .updateTable('user_addresses')
    .set({ ...columns(fields), is_default: isDefault, updated_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

/** Makes an owned address the default; false when there is none with that id. Call in a transaction. */
export async function makeDefault(trx: Executor, userId: string, id: string, now: Date): Promise<boolean> {
  await lockUser(trx, userId);
  if (!(await findAddress(trx, userId, id))) return false;
  await clearDefault(trx, userId, now);
  await trx
    .updateTable('user_addresses')
    .set({ is_default: true, updated_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .execute();
  return true;
}

/**
 * Deletes an owned address; when it was the default, the most recently used remaining
 * address becomes the default. False when there is none with that id. Call in a transaction.
 */
export async function deleteAddress(trx: Executor, userId: string, id: string, now: Date): Promise<boolean> {
  await lockUser(trx, userId);
  const deleted = await trx
    .deleteFrom('user_addresses')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('is_default')
    .executeTakeFirst();
  if (!deleted) return false;
  if (deleted.is_default) {
    const next = await trx
      .selectFrom('user_addresses')
      .select('id')
      .where('user_id', '=', userId)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (next) {
      await trx
        .updateTable('user_addresses')
        .set({ is_default: true, updated_at: now })
        .where('id', '=', next.id)
        .execute();
    }
  }
  return true;
}

function columns(fields: AddressFields) {
  return {
    recipient: fields.recipient,
    phone: fields.phone,
    region_code: fields.region.code,
    province: fields.region.province,
    city: fields.region.city,
    district: fields.region.district,
    detail: fields.detail,
  };
}
