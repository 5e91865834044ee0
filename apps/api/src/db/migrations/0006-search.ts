import { type Kysely, sql } from 'kysely';

/**
 * Keyword search (issue 9): substring matches over Chinese titles, brand, tags and spec
 * values, answered from pg_trgm GIN indexes in PostgreSQL and PGlite alike.
 *
 * - `products.brand`: the brand name shoppers type (empty when the product has none).
 * - `products.search_text`: title, brand, tags and every spec value (the product's spec
 *   matrix, which names each SKU's values) in one NFKC-normalised, ASCII-lowercased string,
 *   words separated by one space. A generated column, so no write path can leave it stale.
 *   Queries of 3+ characters are `search_text LIKE '%term%'`: pg_trgm extracts the term's
 *   trigrams from the pattern and the GIN index finds the candidates.
 * - `products.search_grams`: every 1- and 2-character substring of each word of
 *   search_text, as space-separated words with a space at both ends. pg_trgm cannot index
 *   `LIKE '%防晒%'` (a 2-character string between wildcards has no trigram, so the GIN
 *   index would be read whole); `search_grams LIKE '% 防晒 %'` has the padded trigrams
 *   '  防', ' 防晒', '防晒 ', so short Chinese words, the most common query, stay indexed.
 *
 * - `products.search_title`, `products.search_brand`: title and brand folded the same way,
 *   so the 综合 sort's relevance is a few strpos calls per match, not a normalize() each.
 *
 * CJK characters are trigram "word" characters only when the database's LC_CTYPE is a
 * UTF-8 locale (C.UTF-8, zh_CN.UTF-8 ...; PGlite uses C.UTF-8). Under plain C they yield no
 * trigrams: results stay correct (the LIKE is rechecked) but the search scans; see
 * docs/performance.md.
 */
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// translate() rather than lower(): lower() follows the collation (ASCII only under C, more
// under ICU), and the API's normaliser (packages/shared normalizeKeyword) must agree exactly.
const SEARCH_TEXT_FUNCTION = `create or replace function wm_search_text(title text, brand text, tags text[], spec_groups jsonb)
  returns text language sql immutable parallel safe as $$
    select btrim(regexp_replace(translate(normalize(concat_ws(' ', title, brand, array_to_string(tags, ' '),
             (select string_agg(v, ' ') from jsonb_array_elements(spec_groups) g,
                     jsonb_array_elements_text(g -> 'values') v)), NFKC),
             '${UPPER}', '${UPPER.toLowerCase()}'), '\\s+', ' ', 'g'))
  $$`;

const SEARCH_GRAMS_FUNCTION = `create or replace function wm_search_grams(search_text text)
  returns text language sql immutable parallel safe as $$
    select coalesce(' ' || string_agg(distinct g, ' ') || ' ', ' ')
      from (select substr(w, i, n) as g
              from regexp_split_to_table(search_text, ' ') w,
                   generate_series(1, char_length(w)) i,
                   generate_series(1, 2) n
             where w <> '' and i + n - 1 <= char_length(w)) grams
  $$`;

const UP = [
  'create extension if not exists pg_trgm',
  "alter table products add column brand text not null default ''",
  SEARCH_TEXT_FUNCTION,
  SEARCH_GRAMS_FUNCTION,
  `alter table products add column search_text text not null
     generated always as (wm_search_text(title, brand, tags, spec_groups)) stored`,
  `alter table products add column search_grams text not null
     generated always as (wm_search_grams(wm_search_text(title, brand, tags, spec_groups))) stored`,
  `alter table products add column search_title text not null
     generated always as (wm_search_text(title, '', '{}', '[]')) stored`,
  `alter table products add column search_brand text not null
     generated always as (wm_search_text('', brand, '{}', '[]')) stored`,
  'create index products_search_text_trgm_idx on products using gin (search_text gin_trgm_ops)',
  'create index products_search_grams_trgm_idx on products using gin (search_grams gin_trgm_ops)',
  // Per shopper, most recent first; one row per distinct keyword (re-searching moves it up).
  `create table search_history (
     user_id uuid not null references users (id) on delete cascade,
     keyword text not null,
     searched_at timestamptz not null,
     primary key (user_id, keyword)
   )`,
  'create index search_history_user_recent_idx on search_history (user_id, searched_at desc)',
  // Every first-page search that found something, for hot words; old rows are only read by date.
  `create table search_events (
     id bigint generated always as identity primary key,
     keyword text not null,
     user_id uuid references users (id) on delete set null,
     searched_at timestamptz not null
   )`,
  'create index search_events_searched_at_idx on search_events (searched_at)',
];

const DOWN = [
  'drop table search_events',
  'drop table search_history',
  'drop index products_search_grams_trgm_idx',
  'drop index products_search_text_trgm_idx',
  'alter table products drop column search_brand',
  'alter table products drop column search_title',
  'alter table products drop column search_grams',
  'alter table products drop column search_text',
  'drop function wm_search_grams(text)',
  'drop function wm_search_text(text, text, text[], jsonb)',
  'alter table products drop column brand',
];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
