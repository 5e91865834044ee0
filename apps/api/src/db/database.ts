import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { UserAddressesTable } from '../modules/addresses/address.table';
import type { AfterSalesTable } from '../modules/after-sales/after-sale.table';
import type { UserIdentitiesTable, UsersTable } from '../modules/auth/user.table';
import type { BargainActivitiesTable, BargainHelpsTable, BargainsTable } from '../modules/bargain/bargain.table';
import type { CampaignsTable } from '../modules/campaign/campaign.table';
import type { CartItemsTable } from '../modules/cart/cart.table';
import type { CategoriesTable, ProductsTable, SkusTable } from '../modules/catalog/catalog.table';
import type {
  CommissionLedgerTable,
  CommissionWithdrawalsTable,
  DistributionRatesTable,
  PromoterBindingsTable,
  PromotersTable,
} from '../modules/distribution/distribution.table';
import type { FlashSaleClaimsTable, FlashSaleSlotsTable } from '../modules/flash-sale/flash-sale.table';
import type {
  GroupBuyActivitiesTable,
  GroupBuyGroupsTable,
  GroupBuyMembersTable,
} from '../modules/group-buy/group-buy.table';
import type { IdempotencyKeysTable } from '../modules/idempotency/idempotency.table';
import type {
  LotteriesTable,
  LotteryDrawsTable,
  LotteryExtraDrawsTable,
  LotteryPrizesTable,
  LotteryUserDaysTable,
} from '../modules/lottery/lottery.table';
import type { OrderLinesTable, OrdersTable } from '../modules/orders/order.table';
import type { PaymentEventsTable, PaymentsTable, RefundsTable } from '../modules/payments/payments.table';
import type { PointsMallExchangesTable, PointsMallItemsTable } from '../modules/points-mall/points-mall.table';
import type { PresaleBookingsTable, PresalesTable } from '../modules/presale/presale.table';
import type {
  CouponTemplatesTable,
  PointsAccountsTable,
  PointsLedgerTable,
  PricingSettingsTable,
  UserCouponsTable,
} from '../modules/promotions/promotions.table';
import type { ReviewsTable } from '../modules/reviews/review.table';
import type { SearchEventsTable, SearchHistoryTable } from '../modules/search/search.table';
import type { ShareEventsTable, ShareScenesTable } from '../modules/share/share.table';
import type { SubscribeOutboxTable, SubscribeQuotasTable } from '../modules/subscribe/subscribe.table';
import type { UploadsTable } from '../modules/uploads/upload.table';

/** Every table, as Kysely sees it. Each module owns its table file. */
export interface DB {
  users: UsersTable;
  user_identities: UserIdentitiesTable;
  categories: CategoriesTable;
  products: ProductsTable;
  skus: SkusTable;
  cart_items: CartItemsTable;
  campaigns: CampaignsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  idempotency_keys: IdempotencyKeysTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  payment_events: PaymentEventsTable;
  search_history: SearchHistoryTable;
  search_events: SearchEventsTable;
  user_addresses: UserAddressesTable;
  coupon_templates: CouponTemplatesTable;
  user_coupons: UserCouponsTable;
  points_accounts: PointsAccountsTable;
  points_ledger: PointsLedgerTable;
  pricing_settings: PricingSettingsTable;
  uploads: UploadsTable;
  after_sales: AfterSalesTable;
  reviews: ReviewsTable;
  subscribe_quotas: SubscribeQuotasTable;
  subscribe_outbox: SubscribeOutboxTable;
  points_mall_items: PointsMallItemsTable;
  points_mall_exchanges: PointsMallExchangesTable;
  flash_sale_slots: FlashSaleSlotsTable;
  flash_sale_claims: FlashSaleClaimsTable;
  group_buy_activities: GroupBuyActivitiesTable;
  group_buy_groups: GroupBuyGroupsTable;
  group_buy_members: GroupBuyMembersTable;
  promoters: PromotersTable;
  promoter_bindings: PromoterBindingsTable;
  distribution_rates: DistributionRatesTable;
  commission_ledger: CommissionLedgerTable;
  commission_withdrawals: CommissionWithdrawalsTable;
  lotteries: LotteriesTable;
  lottery_prizes: LotteryPrizesTable;
  lottery_user_days: LotteryUserDaysTable;
  lottery_draws: LotteryDrawsTable;
  lottery_extra_draws: LotteryExtraDrawsTable;
  bargain_activities: BargainActivitiesTable;
  bargains: BargainsTable;
  bargain_helps: BargainHelpsTable;
  presales: PresalesTable;
  presale_bookings: PresaleBookingsTable;
  share_events: ShareEventsTable;
  share_scenes: ShareScenesTable;
}

export type Database = Kysely<DB>;

export interface DatabaseOptions {
  /** PostgreSQL connection string; wins over `pgliteDir`. */
  databaseUrl?: string | null;
  /** PGlite data folder, created if missing; null or undefined: in memory. */
  pgliteDir?: string | null;
}

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Destroys the Kysely instance, which closes the pool or the PGlite instance. */
  close(): Promise<void>;
}

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  // pg_trgm backs keyword search (migration 0006); PostgreSQL ships it as a trusted extension.
  const extensions = { pg_trgm };
  const client = options.pgliteDir
    ? await PGlite.create(options.pgliteDir, { extensions })
    : await PGlite.create({ extensions });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
