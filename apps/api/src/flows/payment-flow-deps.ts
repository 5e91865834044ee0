import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { WechatPayConfig } from '../config';
import type { Database } from '../db/database';
import type { WechatPayClient } from '../integrations/wechatpay';
import type { OrderPort } from './payment-orders';

/** What every payment flow runs on: the database, the merchant's client and settings, orders. */
export interface PaymentFlowDeps {
  db: Database;
  pay: WechatPayClient;
  payConfig: WechatPayConfig;
  orders: OrderPort;
  clock: Clock;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}
