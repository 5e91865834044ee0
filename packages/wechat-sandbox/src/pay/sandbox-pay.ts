import type { SandboxClock } from '../sandbox-app';
import { PayNotifier, type PayVerifyMode } from './notifier';
import { shanghaiTime } from './pay-crypto';
import { generateMerchant, generatePlatform, type SandboxMerchant, type SandboxPlatform } from './pay-keys';
import { PayStore, type SandboxRefund, type SandboxTransaction, type SandboxTransferBill } from './pay-store';

/** WeChat's rule: from ¥2,000 a transfer needs the payee's real name (user_name, encrypted). */
export const TRANSFER_REAL_NAME_FROM_FEN = 200_000;

export interface SandboxTransferInput {
  appid: string;
  outBillNo: string;
  transferSceneId: string;
  openid: string;
  amountFen: number;
  remark: string;
  notifyUrl: string | null;
  userRecvPerception: string | null;
  userName: string | null;
}

/** What an API needs to act as the sandbox's merchant (what WECHATPAY_* hold for a real one). */
export interface SandboxMerchantCredentials {
  mchid: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  apiV3Key: string;
  publicKeyId: string;
  publicKeyPem: string;
  certificateSerial: string;
  certificatePem: string;
}

export class SandboxPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxPayError';
  }
}

export interface SandboxPayOptions {
  clock: SandboxClock;
  /** Which platform identity notifications are signed with (default 'public_key'). */
  mode?: PayVerifyMode;
  mchid?: string;
  fetch?: typeof fetch;
  log?: (message: string, details: Record<string, unknown>) => void;
}

/** WeChat Pay's state and rules for one demo merchant: prepay, pay, close, refund, notify. */
export class SandboxPay {
  readonly merchant: SandboxMerchant;
  readonly platform: SandboxPlatform;
  readonly store = new PayStore();
  readonly notifier: PayNotifier;
  mode: PayVerifyMode;
  /**
   * 商家转账: 'skip' (default, the demo) finishes a transfer at once, as if the user had
   * confirmed; 'required' answers WAIT_USER_CONFIRM with package_info and waits for
   * confirmTransfer (what wx.requestMerchantTransfer does in a real app).
   */
  transferConfirmation: 'skip' | 'required' = 'skip';
  /** fail_reason of the next transfers to finish (a sandbox control: make a transfer fail). */
  readonly transferFailures: string[] = [];
  private readonly clock: SandboxClock;

  constructor(options: SandboxPayOptions) {
    this.clock = options.clock;
    this.mode = options.mode ?? 'public_key';
    this.merchant = generateMerchant(options.mchid);
    this.platform = generatePlatform(options.clock());
    this.notifier = new PayNotifier({
      merchant: this.merchant,
      platform: this.platform,
      clock: options.clock,
      mode: () => this.mode,
      fetch: options.fetch,
      log: options.log,
    });
  }

  credentials(): SandboxMerchantCredentials {
    return {
      mchid: this.merchant.mchid,
      merchantSerial: this.merchant.merchantSerial,
      merchantPrivateKeyPem: this.merchant.merchantPrivateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      apiV3Key: this.merchant.apiV3Key,
      publicKeyId: this.platform.publicKeyId,
      publicKeyPem: this.platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      certificateSerial: this.platform.certificateSerial,
      certificatePem: this.platform.certificatePem,
    };
  }

  /** The shopper taps 支付 on the pay sheet: the transaction succeeds and the merchant is notified. */
  pay(prepayId: string): SandboxTransaction {
    const transaction = this.payable(prepayId);
    const now = this.clock();
    transaction.state = 'SUCCESS';
    transaction.transactionId = this.store.newTransactionId();
    transaction.successTime = now;
    this.notifier.notify({
      eventType: 'TRANSACTION.SUCCESS',
      url: transaction.notifyUrl,
      originalType: 'transaction',
      summary: '支付成功',
      resource: this.transactionResource(transaction),
    });
    return transaction;
  }

  /** The transaction behind a prepay_id if it can still be paid; SandboxPayError otherwise. */
  payable(prepayId: string): SandboxTransaction {
    const transaction = this.store.transactionByPrepayId(prepayId);
    if (!transaction) throw new SandboxPayError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (transaction.state === 'SUCCESS' || transaction.state === 'REFUND')
      throw new SandboxPayError(400, 'ORDERPAID', '该订单已支付');
    if (transaction.state === 'CLOSED') throw new SandboxPayError(400, 'ORDER_CLOSED', '订单已关闭');
    if (transaction.timeExpire && transaction.timeExpire.getTime() < this.clock().getTime())
      throw new SandboxPayError(400, 'ORDER_CLOSED', '订单已过期');
    return transaction;
  }

  /** Refunds finish at once in the sandbox: answer PROCESSING, then SUCCESS and REFUND.SUCCESS. */
  refund(input: {
    outTradeNo: string;
    outRefundNo: string;
    refundFen: number;
    totalFen: number;
    reason: string | null;
    notifyUrl: string | null;
  }): SandboxRefund {
    const existing = this.store.refunds.get(input.outRefundNo);
    if (existing) {
      if (existing.refundFen !== input.refundFen || existing.outTradeNo !== input.outTradeNo)
        throw new SandboxPayError(400, 'INVALID_REQUEST', 'out_refund_no 已使用且参数不一致');
      return existing;
    }
    const transaction = this.store.transactions.get(input.outTradeNo);
    if (!transaction) throw new SandboxPayError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (!transaction.transactionId || (transaction.state !== 'SUCCESS' && transaction.state !== 'REFUND'))
      throw new SandboxPayError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (input.totalFen !== transaction.amountFen)
      throw new SandboxPayError(400, 'PARAM_ERROR', '订单金额与原订单金额不一致');
    if (input.refundFen <= 0 || transaction.refundedFen + input.refundFen > transaction.amountFen)
      throw new SandboxPayError(403, 'NOT_ENOUGH', '退款金额超过订单可退金额');
    const now = this.clock();
    transaction.refundedFen += input.refundFen;
    transaction.state = 'REFUND';
    const refund: SandboxRefund = {
      outRefundNo: input.outRefundNo,
      refundId: this.store.newRefundId(),
      outTradeNo: input.outTradeNo,
      transactionId: transaction.transactionId,
      refundFen: input.refundFen,
      totalFen: input.totalFen,
      reason: input.reason,
      notifyUrl: input.notifyUrl,
      status: 'PROCESSING',
      createdAt: now,
      successTime: null,
    };
    this.store.refunds.set(refund.outRefundNo, refund);
    const answer = { ...refund };
    refund.status = 'SUCCESS';
    refund.successTime = now;
    if (refund.notifyUrl) {
      this.notifier.notify({
        eventType: 'REFUND.SUCCESS',
        url: refund.notifyUrl,
        originalType: 'refund',
        summary: '退款成功',
        resource: this.refundResource(refund),
      });
    }
    return answer;
  }

  /**
   * 商家转账 (发起转账): the same out_bill_no with the same fields is the same bill (its answer
   * again); different fields are refused. The bill is ACCEPTED, then (confirmation skipped)
   * finishes at once: SUCCESS, or FAIL when a failure was queued, with a signed
   * MCHTRANSFER.BILL.FINISHED notification. The answer is the ACCEPTED snapshot.
   */
  transfer(input: SandboxTransferInput): Record<string, unknown> {
    const existing = this.store.transfers.get(input.outBillNo);
    if (existing) {
      if (existing.amountFen !== input.amountFen || existing.openid !== input.openid || existing.appid !== input.appid)
        throw new SandboxPayError(400, 'INVALID_REQUEST', '商户单号已存在且参数不一致');
      return this.transferAnswer(existing);
    }
    if (input.amountFen >= TRANSFER_REAL_NAME_FROM_FEN && !input.userName)
      throw new SandboxPayError(400, 'PARAM_ERROR', '转账金额 >= 2000 元时，收款用户姓名必填');
    const now = this.clock();
    const bill: SandboxTransferBill = {
      mchid: this.merchant.mchid,
      appid: input.appid,
      outBillNo: input.outBillNo,
      transferBillNo: this.store.newTransferBillNo(),
      transferSceneId: input.transferSceneId,
      openid: input.openid,
      amountFen: input.amountFen,
      remark: input.remark,
      notifyUrl: input.notifyUrl,
      userRecvPerception: input.userRecvPerception,
      state: 'ACCEPTED',
      failReason: null,
      packageInfo: null,
      createdAt: now,
      updatedAt: now,
    };
    this.store.transfers.set(bill.outBillNo, bill);
    if (this.transferConfirmation === 'required') {
      bill.state = 'WAIT_USER_CONFIRM';
      bill.packageInfo = this.store.newPackageInfo();
      return this.transferAnswer(bill);
    }
    const answer = this.transferAnswer(bill);
    this.finishTransfer(bill);
    return answer;
  }

  /** The user confirms on WeChat's 确认收款 page (wx.requestMerchantTransfer). */
  confirmTransfer(outBillNo: string): SandboxTransferBill {
    const bill = this.store.transfers.get(outBillNo);
    if (!bill) throw new SandboxPayError(404, 'NOT_FOUND', '转账单不存在');
    if (bill.state !== 'WAIT_USER_CONFIRM') throw new SandboxPayError(400, 'INVALID_REQUEST', '转账单不是待确认状态');
    this.finishTransfer(bill);
    return bill;
  }

  private finishTransfer(bill: SandboxTransferBill): void {
    const failure = this.transferFailures.shift();
    bill.state = failure ? 'FAIL' : 'SUCCESS';
    bill.failReason = failure ?? null;
    bill.packageInfo = null;
    bill.updatedAt = this.clock();
    if (bill.notifyUrl) {
      this.notifier.notify({
        eventType: 'MCHTRANSFER.BILL.FINISHED',
        url: bill.notifyUrl,
        originalType: 'mch_payment',
        summary: '商家转账单据终态通知',
        resource: this.transferResource(bill),
      });
    }
  }

  private transferAnswer(bill: SandboxTransferBill): Record<string, unknown> {
    return {
      out_bill_no: bill.outBillNo,
      transfer_bill_no: bill.transferBillNo,
      create_time: shanghaiTime(bill.createdAt),
      state: bill.state,
      ...(bill.failReason ? { fail_reason: bill.failReason } : {}),
      ...(bill.packageInfo ? { package_info: bill.packageInfo } : {}),
    };
  }

  transferResource(bill: SandboxTransferBill): Record<string, unknown> {
    return {
      mch_id: bill.mchid,
      out_bill_no: bill.outBillNo,
      transfer_bill_no: bill.transferBillNo,
      appid: bill.appid,
      state: bill.state,
      transfer_amount: bill.amountFen,
      transfer_remark: bill.remark,
      openid: bill.openid,
      ...(bill.failReason ? { fail_reason: bill.failReason } : {}),
      create_time: shanghaiTime(bill.createdAt),
      update_time: shanghaiTime(bill.updatedAt),
    };
  }

  transactionResource(t: SandboxTransaction): Record<string, unknown> {
    return {
      appid: t.appid,
      mchid: t.mchid,
      out_trade_no: t.outTradeNo,
      ...(t.transactionId ? { transaction_id: t.transactionId } : {}),
      trade_type: 'JSAPI',
      trade_state: t.state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[t.state],
      ...(t.successTime ? { success_time: shanghaiTime(t.successTime), bank_type: 'OTHERS' } : {}),
      payer: { openid: t.payerOpenid },
      amount: {
        total: t.amountFen,
        currency: 'CNY',
        ...(t.successTime ? { payer_total: t.amountFen, payer_currency: 'CNY' } : {}),
      },
    };
  }

  refundResource(r: SandboxRefund): Record<string, unknown> {
    return {
      mchid: this.merchant.mchid,
      out_trade_no: r.outTradeNo,
      transaction_id: r.transactionId,
      out_refund_no: r.outRefundNo,
      refund_id: r.refundId,
      refund_status: r.status,
      ...(r.successTime ? { success_time: shanghaiTime(r.successTime) } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: r.totalFen, refund: r.refundFen, payer_total: r.totalFen, payer_refund: r.refundFen },
    };
  }
}
