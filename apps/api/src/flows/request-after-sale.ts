import { canRequestAfterSale, type createAfterSaleRequestSchema } from '@wematrix/shared';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { isUuid } from '../db/uuid';
import { AfterSaleError } from '../modules/after-sales/after-sale.errors';
import { findOpenAfterSale, insertAfterSale } from '../modules/after-sales/after-sale.repository';
import type { AfterSaleRow } from '../modules/after-sales/after-sale.table';
import { findShopperOrder, moveOrderToAfterSale } from '../modules/orders/order.repository';
import { findPaymentByOrderId } from '../modules/payments/payments.repository';
import { ownUploadKeys } from '../modules/uploads/upload.repository';

export type AfterSaleInput = z.output<typeof createAfterSaleRequestSchema>;

/**
 * A shopper's after-sale request, in one transaction: the order must be theirs (else 404),
 * paid through WeChat Pay and 待发货 / 待收货 / 已完成; the photos their own uploads; then the
 * order moves to 售后中 (conditional on the state just read) and the request is stored with
 * that state and the refund amount (everything the payment took that is not yet refunded).
 * Any refusal writes nothing.
 */
export async function requestAfterSale(
  db: Database,
  request: { userId: string; orderId: string; input: AfterSaleInput; now: Date },
): Promise<AfterSaleRow> {
  const { userId, orderId, input, now } = request;
  if (!isUuid(orderId)) throw new AfterSaleError('ORDER_NOT_FOUND', { details: { id: orderId } });
  return db.transaction().execute(async (trx) => {
    const order = await findShopperOrder(trx, { userId, orderId });
    if (!order) throw new AfterSaleError('ORDER_NOT_FOUND', { details: { id: orderId } });
    if (order.status === 'after_sale' && (await findOpenAfterSale(trx, order.id))) {
      throw new AfterSaleError('AFTER_SALE_ALREADY_OPEN', { details: { id: orderId } });
    }
    const from = order.status;
    if (!canRequestAfterSale(from)) {
      throw new AfterSaleError('AFTER_SALE_NOT_ALLOWED', { details: { id: orderId, status: from } });
    }
    const payment = await findPaymentByOrderId(trx, order.id);
    const refundFen = payment?.status === 'paid' ? payment.amount_fen - payment.refunded_fen : 0;
    if (refundFen <= 0) {
      throw new AfterSaleError('AFTER_SALE_NOT_ALLOWED', {
        messageEn: 'The order has no WeChat Pay payment left to refund',
        details: { id: orderId, status: from },
      });
    }
    const photos = await ownUploadKeys(trx, { userId, ids: input.photos });
    if (!photos) throw new AfterSaleError('UPLOAD_NOT_FOUND');
    if (!(await moveOrderToAfterSale(trx, { orderId: order.id, userId, from, at: now }))) {
      // Shipped, confirmed or requested a moment ago by a concurrent call: nothing written.
      throw new AfterSaleError('AFTER_SALE_NOT_ALLOWED', {
        messageEn: 'The order changed state meanwhile; refresh and try again',
        details: { id: orderId },
      });
    }
    return insertAfterSale(trx, {
      orderId: order.id,
      orderNo: order.order_no,
      userId,
      kind: input.kind,
      reason: input.reason,
      reasonText: input.reasonText,
      photos,
      refundFen,
      // canRequestAfterSale above: one of the three.
      orderStatusBefore: from as 'paid' | 'shipped' | 'completed',
      now,
    });
  });
}
