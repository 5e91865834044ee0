import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: Generated<string>;
  nickname: string;
  /** A path under /static/ ("avatars/x.png") or an absolute URL (a WeChat avatar). */
  avatar_url: string | null;
  /** Seeded demo shoppers only; the H5 dev login signs in by this key. */
  demo_key: string | null;
  unionid: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** One row per (mini-program, openid): how each app's WeChat identity maps to a user. */
export interface UserIdentitiesTable {
  app: string;
  openid: string;
  unionid: string | null;
  user_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
