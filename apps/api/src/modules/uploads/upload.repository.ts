import type { UploadImageType } from '@wematrix/shared';
import type { Executor } from '../../db/executor';
import { isUuid } from '../../db/uuid';
import type { UploadRow } from './upload.table';

/**
 * Records that the shopper uploaded the file under `key`; the same file sent again by the
 * same shopper is the same row (unique user + key), so the answer is stable.
 */
export async function recordUpload(
  executor: Executor,
  upload: { userId: string; key: string; contentType: UploadImageType; bytes: number; now: Date },
): Promise<UploadRow> {
  await executor
    .insertInto('uploads')
    .values({
      user_id: upload.userId,
      key: upload.key,
      content_type: upload.contentType,
      bytes: upload.bytes,
      created_at: upload.now,
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .execute();
  return executor
    .selectFrom('uploads')
    .selectAll()
    .where('user_id', '=', upload.userId)
    .where('key', '=', upload.key)
    .executeTakeFirstOrThrow();
}

/**
 * The storage keys of these uploads, in the order asked, when every one is the shopper's own;
 * null when any is unknown, malformed or another shopper's (which one is not said).
 */
export async function ownUploadKeys(
  executor: Executor,
  { userId, ids }: { userId: string; ids: readonly string[] },
): Promise<string[] | null> {
  if (ids.length === 0) return [];
  if (!ids.every(isUuid)) return null;
  const rows = await executor
    .selectFrom('uploads')
    .select(['id', 'key'])
    .where('user_id', '=', userId)
    .where('id', 'in', [...ids])
    .execute();
  const keyById = new Map(rows.map((row) => [row.id, row.key]));
  const keys = ids.map((id) => keyById.get(id));
  return keys.every((key): key is string => key !== undefined) ? keys : null;
}
