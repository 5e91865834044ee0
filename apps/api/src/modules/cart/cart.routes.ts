import { addCartItemRequestSchema, type Cart, idSchema, updateCartItemRequestSchema } from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { CartError } from './cart.errors';
import { addToCartLine, deleteCartLine, listCartLines, stockAndLine, updateCartLine } from './cart.repository';
import { cartFromLines, insufficientStock } from './cart.service';

const skuParamsSchema = z.object({ skuId: idSchema });
const updateSchema = updateCartItemRequestSchema.refine((v) => v.quantity !== undefined || v.selected !== undefined, {
  message: 'quantity or selected is required',
});

export function registerCartRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock, assetUrl } = deps;
  const loadCart = async (userId: string): Promise<Cart> => cartFromLines(await listCartLines(db, userId), assetUrl);
  const guarded = { preHandler: deps.requireUser };

  app.get('/api/cart', guarded, async (request) => loadCart(currentUserId(request)));

  app.post('/api/cart/items', guarded, async (request): Promise<Cart> => {
    const userId = currentUserId(request);
    const input = parseInput(addCartItemRequestSchema, request.body, 'body');
    await db.transaction().execute(async (trx) => {
      const quantity = await addToCartLine(trx, { userId, skuId: input.skuId, quantity: input.quantity, now: clock() });
      if (quantity !== undefined) return;
      const { stock, inCart } = await stockAndLine(trx, userId, input.skuId);
      if (stock === null) throw new CartError('SKU_NOT_FOUND', { details: { skuId: input.skuId } });
      throw insufficientStock(input.skuId, stock, inCart);
    });
    return loadCart(userId);
  });

  app.patch('/api/cart/items/:skuId', guarded, async (request): Promise<Cart> => {
    const userId = currentUserId(request);
    const { skuId } = parseInput(skuParamsSchema, request.params, 'params');
    const input = parseInput(updateSchema, request.body, 'body');
    await db.transaction().execute(async (trx) => {
      if (await updateCartLine(trx, { userId, skuId, ...input, now: clock() })) return;
      const { stock, inCart } = await stockAndLine(trx, userId, skuId);
      if (inCart === null || stock === null) throw new CartError('CART_ITEM_NOT_FOUND', { details: { skuId } });
      throw insufficientStock(skuId, stock, inCart);
    });
    return loadCart(userId);
  });

  app.delete('/api/cart/items/:skuId', guarded, async (request): Promise<Cart> => {
    const userId = currentUserId(request);
    const { skuId } = parseInput(skuParamsSchema, request.params, 'params');
    const deleted = await db.transaction().execute((trx) => deleteCartLine(trx, userId, skuId));
    if (!deleted) throw new CartError('CART_ITEM_NOT_FOUND', { details: { skuId } });
    return loadCart(userId);
  });
}
