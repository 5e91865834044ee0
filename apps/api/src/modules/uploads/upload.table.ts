import type { UploadImageType } from '@wematrix/shared';
import type { ColumnType, Generated, Selectable } from 'kysely';

/** Migration 0009. One row per (shopper, stored file); the file itself is in the FileStorage. */
export interface UploadsTable {
  id: Generated<string>;
  user_id: string;
  /** `<sha256 of the bytes>.<jpg|png|webp>`: the storage key and the /uploads/ path. */
  key: string;
  content_type: UploadImageType;
  bytes: number;
  created_at: ColumnType<Date, Date, never>;
}

export type UploadRow = Selectable<UploadsTable>;
