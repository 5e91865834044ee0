import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { WechatPayConfig } from '../config';
import type { Database } from '../db/database';
import type { WechatPayClient } from '../integrations/wechatpay';
import type { OrderNotices } from '../modules/subscribe/subscribe.notices';
import type { OrderPort } from './payment-orders';

/** What every payment flow runs on: the database, the merchant's client and settings, orders. */
export interface PaymentFlowDeps {
  db: Database;
  pay: WechatPayClient;
  payConfig: WechatPayConfig;
  orders: OrderPort;
  clock: Clock;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Subscribe-message notices of order changes (退款成功); absent: none are queued. */
  notices?: OrderNotices;
}
