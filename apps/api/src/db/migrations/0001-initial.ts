import { type Kysely, sql } from 'kysely';

/**
 * Users and identities, catalog, cart and campaigns. Money is integer fen; the CHECKs
 * are the last line of defence behind the services' guarded updates.
 */
const UP = [
  `create table users (
    id uuid primary key default gen_random_uuid(),
    nickname text not null,
    avatar_url text,
    demo_key text unique,
    unionid text unique,
    created_at timestamptz not null default now()
  )`,
  `create table user_identities (
    app text not null check (app in ('mall', 'campaign', 'tools')),
    openid text not null,
    unionid text,
    user_id uuid not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (app, openid)
  )`,
  'create index user_identities_user_id_idx on user_identities (user_id)',
  `create table categories (
    id text primary key,
    name text not null,
    icon text,
    sort integer not null default 0,
    created_at timestamptz not null default now()
  )`,
  `create table products (
    id text primary key,
    category_id text not null references categories (id),
    title text not null,
    subtitle text not null default '',
    description text not null default '',
    tags text[] not null default '{}',
    images text[] not null check (cardinality(images) >= 1),
    spec_groups jsonb not null default '[]',
    sales integer not null default 0 check (sales >= 0),
    sort integer not null default 0,
    created_at timestamptz not null default now()
  )`,
  'create index products_category_id_idx on products (category_id)',
  `create table skus (
    id text primary key,
    product_id text not null references products (id) on delete cascade,
    spec_values text[] not null default '{}',
    price_fen integer not null check (price_fen >= 0),
    original_price_fen integer check (original_price_fen >= 0),
    stock integer not null check (stock >= 0),
    image text,
    sort integer not null default 0,
    created_at timestamptz not null default now()
  )`,
  'create index skus_product_id_idx on skus (product_id)',
  `create table cart_items (
    user_id uuid not null references users (id) on delete cascade,
    sku_id text not null references skus (id) on delete cascade,
    quantity integer not null check (quantity between 1 and 99),
    selected boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (user_id, sku_id)
  )`,
  `create table campaigns (
    id text primary key,
    kind text not null check (kind in ('group_buy', 'bargain', 'flash_sale', 'presale', 'lottery')),
    title text not null,
    product_id text not null references products (id),
    campaign_price_fen integer not null check (campaign_price_fen >= 0),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    created_at timestamptz not null default now(),
    check (ends_at > starts_at)
  )`,
  'create index campaigns_ends_at_idx on campaigns (ends_at)',
];

const DOWN = ['campaigns', 'cart_items', 'skus', 'products', 'categories', 'user_identities', 'users'].map(
  (table) => `drop table if exists ${table}`,
);

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
