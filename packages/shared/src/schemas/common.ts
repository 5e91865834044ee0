import { z } from 'zod';
import { API_ERROR_CODES } from './error-codes';

/**
 * The base of every string the API accepts: path ids, query values, body fields. PostgreSQL's
 * text types cannot hold U+0000, so a NUL that reached a query would fail in the driver as a
 * 500; refused here, it is a 400 VALIDATION_FAILED like any other bad input.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
export const textInputSchema = z.string().regex(/^[^\u0000]*$/, { message: 'must not contain NUL (U+0000)' });

/** An id in a path, query or body (product, SKU, category...). */
export const idSchema = textInputSchema.min(1).max(64);

/** A fen amount on the wire: whole, non-negative, bounded (see money/fen.ts). */
export const fenSchema = z.number().int().nonnegative().max(1_000_000_000);

/**
 * Every 4xx/5xx body. `code` is one of API_ERROR_CODES (error-codes.ts); `message` is Chinese
 * for shoppers; `messageEn` for logs and developers.
 */
export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/**
 * Keyset pagination: the first page has no cursor; each page answers the opaque cursor of the
 * next one (null on the last page). Unlike page numbers, a page costs the same however deep
 * it is, and rows inserted meanwhile never shift a product onto two pages.
 */
export const cursorQuerySchema = z.object({
  cursor: textInputSchema.min(1).max(200).optional(),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type CursorQuery = z.infer<typeof cursorQuerySchema>;

/** `?withTotal=true`: a boolean query flag ("false" and absence are false). */
export const queryFlagSchema = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .default(false);

export function cursorPageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    /** Only when asked for (`withTotal`): counting costs more than a page. */
    total: z.number().int().optional(),
  });
}
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/** The three mini-programs of the matrix. */
export const appNameSchema = z.enum(['mall', 'campaign', 'tools']);
export type AppName = z.infer<typeof appNameSchema>;
