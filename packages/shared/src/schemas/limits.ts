/**
 * Limits shared by schemas and UI, kept free of zod so a mini-program that only needs the
 * number does not bundle the schema library.
 */

/** At most this many of one SKU per cart line; larger quantities are a wholesale inquiry. */
export const MAX_LINE_QUANTITY = 99;
