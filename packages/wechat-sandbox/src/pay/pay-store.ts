import { randomAlnum, randomDigits } from './pay-crypto';

export type SandboxTradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

/** One JSAPI transaction, keyed by the merchant's out_trade_no. */
export interface SandboxTransaction {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  notifyUrl: string;
  /** Every prepay_id issued for it (a repeated prepay with the same parameters gets a new one). */
  prepayIds: string[];
  state: SandboxTradeState;
  timeExpire: Date | null;
  transactionId: string | null;
  successTime: Date | null;
  refundedFen: number;
}

export interface SandboxRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  refundFen: number;
  totalFen: number;
  reason: string | null;
  notifyUrl: string | null;
  status: 'PROCESSING' | 'SUCCESS';
  createdAt: Date;
  successTime: Date | null;
}

/** 商家转账 bill states (the sandbox uses ACCEPTED, WAIT_USER_CONFIRM, SUCCESS, FAIL, CANCELLED). */
export type SandboxTransferState = 'ACCEPTED' | 'WAIT_USER_CONFIRM' | 'SUCCESS' | 'FAIL' | 'CANCELLED';

/** One 商家转账 bill, keyed by the merchant's out_bill_no. */
export interface SandboxTransferBill {
  mchid: string;
  appid: string;
  outBillNo: string;
  transferBillNo: string;
  transferSceneId: string;
  openid: string;
  amountFen: number;
  remark: string;
  notifyUrl: string | null;
  userRecvPerception: string | null;
  state: SandboxTransferState;
  failReason: string | null;
  /** Handed to wx.requestMerchantTransfer while the bill waits for the user. */
  packageInfo: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** In-memory transactions, refunds and transfer bills of the sandbox's merchant(s). */
export class PayStore {
  readonly transactions = new Map<string, SandboxTransaction>();
  readonly refunds = new Map<string, SandboxRefund>();
  readonly transfers = new Map<string, SandboxTransferBill>();
  private readonly byPrepayId = new Map<string, string>();

  transactionByPrepayId(prepayId: string): SandboxTransaction | undefined {
    const outTradeNo = this.byPrepayId.get(prepayId);
    return outTradeNo === undefined ? undefined : this.transactions.get(outTradeNo);
  }

  issuePrepayId(transaction: SandboxTransaction): string {
    const prepayId = `wx${randomDigits(14)}${randomAlnum(18).toLowerCase()}`;
    transaction.prepayIds.push(prepayId);
    this.byPrepayId.set(prepayId, transaction.outTradeNo);
    return prepayId;
  }

  newTransactionId(): string {
    return `4200${randomDigits(24)}`;
  }

  newTransferBillNo(): string {
    return `1330${randomDigits(30)}`;
  }

  newPackageInfo(): string {
    return `ABBQO+oYAAABAAAAAAA${randomAlnum(80)}=`;
  }

  newRefundId(): string {
    return `5030${randomDigits(25)}`;
  }
}
