import type { ProductSort } from '@wematrix/shared';
import { CatalogError } from './catalog.errors';

/** Where a keyset page starts: after the row with this sort key and id. */
export interface ProductCursor {
  /** The sort column's value as PostgreSQL prints it (timestamps keep their microseconds). */
  key: string;
  id: string;
}

const INTEGER = /^-?\d{1,10}$/;

/**
 * Opaque to clients: base64url of `[sort, key, id]`. The sort is inside so a cursor from
 * one order cannot be replayed under another, where it would skip or repeat products.
 */
export function encodeProductCursor(sort: ProductSort, cursor: ProductCursor): string {
  return Buffer.from(JSON.stringify([sort, cursor.key, cursor.id])).toString('base64url');
}

/** Decodes and checks a cursor, so nothing malformed ever reaches a SQL cast. */
export function decodeProductCursor(sort: ProductSort, raw: string): ProductCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort) {
    const [, key, id] = parsed as unknown[];
    const keyValid =
      typeof key === 'string' && (sort === 'newest' ? !Number.isNaN(Date.parse(key)) : INTEGER.test(key));
    if (keyValid && typeof id === 'string' && id.length > 0 && id.length <= 64) return { key, id };
  }
  throw new CatalogError('CURSOR_INVALID', { details: { cursor: raw } });
}
