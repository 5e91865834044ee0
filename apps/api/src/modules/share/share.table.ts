import type { AppName, ShareEventType, ShareKind } from '@wematrix/shared';
import type { ColumnType, Generated } from 'kysely';

/** Migration 0020. Append-only: never updated; rows go only with their users. */
export interface ShareEventsTable {
  id: Generated<string>;
  type: ShareEventType;
  kind: ShareKind;
  target_id: string;
  inviter_user_id: string;
  /** The opener or joiner; null for an anonymous open and for 'share'. */
  user_id: string | null;
  at: ColumnType<Date, Date, never>;
}

/** A 小程序码's scene and what it stands for; reused while unexpired (WeChat rate-limits codes). */
export interface ShareScenesTable {
  scene: string;
  app: AppName;
  kind: ShareKind;
  target_id: string;
  inviter_user_id: string;
  page: string;
  image_key: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date, Date, never>;
}
