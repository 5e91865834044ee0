import type { KeyObject } from 'node:crypto';
import { paySignMessage, randomNonce, signMessage } from './wechatpay-signing';

/** What `wx.requestPayment` takes (appId included for H5 / JSAPI bridges that need it). */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** Signs the mini-program's pay call: RSA-SHA256 over appId, timeStamp, nonceStr, package. */
export function buildRequestPaymentParams(input: {
  appId: string;
  prepayId: string;
  privateKey: KeyObject;
  now: Date;
  nonceStr?: string;
}): RequestPaymentParams {
  const timeStamp = String(Math.floor(input.now.getTime() / 1000));
  const nonceStr = input.nonceStr ?? randomNonce();
  const pkg = `prepay_id=${input.prepayId}`;
  const paySign = signMessage(
    input.privateKey,
    paySignMessage({ appId: input.appId, timeStamp, nonceStr, package: pkg }),
  );
  return { appId: input.appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
}
