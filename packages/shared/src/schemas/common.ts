import { z } from 'zod';

/** A fen amount on the wire: whole, non-negative, bounded (see money/fen.ts). */
export const fenSchema = z.number().int().nonnegative().max(1_000_000_000);

/** Every 4xx/5xx body. `code` is a closed machine code; `message` is Chinese for shoppers; `messageEn` for logs and developers. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** Error codes shared by every module so apps can switch on them. Modules add their own. */
export const COMMON_ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** The three mini-programs of the matrix. */
export const appNameSchema = z.enum(['mall', 'campaign', 'tools']);
export type AppName = z.infer<typeof appNameSchema>;
