import type { ColumnType, Generated } from 'kysely';

/** A shopper's saved addresses; at most one default per user (partial unique index). */
export interface UserAddressesTable {
  id: Generated<string>;
  user_id: string;
  recipient: string;
  phone: string;
  region_code: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: ColumnType<Date, Date, Date>;
}
