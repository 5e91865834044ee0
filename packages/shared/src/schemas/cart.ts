import { z } from 'zod';
import { fenSchema, idSchema } from './common';

import { MAX_LINE_QUANTITY } from './limits';

export { MAX_LINE_QUANTITY };

export const cartItemSchema = z.object({
  skuId: z.string(),
  productId: z.string(),
  title: z.string(),
  specText: z.string(),
  imageUrl: z.string(),
  unitPriceFen: fenSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** Stock now; the line stays but cannot be checked out when quantity > stock. */
  stock: z.number().int().nonnegative(),
  selected: z.boolean(),
  lineTotalFen: fenSchema,
});
export type CartItem = z.infer<typeof cartItemSchema>;

export const cartSchema = z.object({
  items: z.array(cartItemSchema),
  /** Sum of quantities over all lines: the badge number. */
  count: z.number().int().nonnegative(),
  /** Sum of selected lines. */
  selectedTotalFen: fenSchema,
  updatedAt: z.string().nullable(),
});
export type Cart = z.infer<typeof cartSchema>;

export const addCartItemRequestSchema = z.object({
  skuId: idSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});
export type AddCartItemRequest = z.infer<typeof addCartItemRequestSchema>;

export const updateCartItemRequestSchema = z.object({
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).optional(),
  selected: z.boolean().optional(),
});
export type UpdateCartItemRequest = z.infer<typeof updateCartItemRequestSchema>;
