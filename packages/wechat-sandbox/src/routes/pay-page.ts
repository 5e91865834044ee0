import type { FastifyInstance, FastifyReply } from 'fastify';
import { type SandboxPay, SandboxPayError } from '../pay/sandbox-pay';

export interface PayPageRouteDeps {
  pay: SandboxPay;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Only http(s) pages; anything else (javascript:, data:) is dropped. */
function safeRedirect(value: unknown): URL | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function back(reply: FastifyReply, redirect: URL | null, result: 'paid' | 'cancel', body: object): FastifyReply {
  if (!redirect) return reply.send(body);
  redirect.searchParams.set('result', result);
  return reply.redirect(redirect.toString(), 303);
}

function page(title: string, inner: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#ededed;margin:0;color:#111}
.sheet{background:#fff;margin:15vh auto 0;max-width:420px;border-radius:12px;padding:28px 24px;text-align:center}
.tag{font-size:12px;color:#fa5151;border:1px solid #fa5151;border-radius:4px;padding:1px 6px}
.amount{font-size:40px;font-weight:600;margin:16px 0 4px}.desc{color:#666;margin-bottom:24px}
button{display:block;width:100%;border:0;border-radius:8px;padding:14px;font-size:17px;margin-top:12px;cursor:pointer}
.pay{background:#07c160;color:#fff}.cancel{background:#f2f2f2;color:#07c160}.note{color:#999;font-size:13px;margin-top:18px}
</style></head><body><div class="sheet">${inner}</div></body></html>`;
}

/**
 * The H5 stand-in for WeChat's pay sheet (支付 / 取消) and the same actions for tests, plus
 * the sandbox's own views: state, and replay of a recorded notification (WeChat's retry).
 */
export function registerPayPageRoutes(app: FastifyInstance, deps: PayPageRouteDeps): void {
  const { pay } = deps;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get('/sandbox/pay/state', async () => ({
    mode: pay.mode,
    mchid: pay.merchant.mchid,
    transactions: [...pay.store.transactions.values()],
    refunds: [...pay.store.refunds.values()],
    transfers: [...pay.store.transfers.values()],
    notifications: [...pay.notifier.records.values()],
  }));

  app.post('/sandbox/pay/notifications/:id/replay', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!pay.notifier.records.has(id))
      return reply.code(404).send({ code: 'RESOURCE_NOT_EXISTS', message: '通知不存在' });
    return { status: await pay.notifier.replay(id) };
  });

  // 商家转账 controls: the next transfer(s) fail with a reason; confirmation skipped or required;
  // the user confirming a WAIT_USER_CONFIRM bill (what wx.requestMerchantTransfer does).
  app.post('/sandbox/pay/transfers/fail-next', async (request) => {
    const body = (request.body ?? {}) as { fail_reason?: unknown };
    const reason = typeof body.fail_reason === 'string' && body.fail_reason ? body.fail_reason : 'ACCOUNT_FROZEN';
    pay.transferFailures.push(reason);
    return { queued: pay.transferFailures.length, fail_reason: reason };
  });

  app.post('/sandbox/pay/transfers/confirmation', async (request, reply) => {
    const mode = ((request.body ?? {}) as { mode?: unknown }).mode;
    if (mode !== 'skip' && mode !== 'required')
      return reply.code(400).send({ code: 'PARAM_ERROR', message: 'mode 须为 skip 或 required' });
    pay.transferConfirmation = mode;
    return { mode };
  });

  app.post('/sandbox/pay/transfers/:outBillNo/confirm', async (request, reply) => {
    const { outBillNo } = request.params as { outBillNo: string };
    try {
      const bill = pay.confirmTransfer(outBillNo);
      return { out_bill_no: bill.outBillNo, state: bill.state };
    } catch (error) {
      if (!(error instanceof SandboxPayError)) throw error;
      return reply.code(error.status).send({ code: error.code, message: error.message });
    }
  });

  app.get('/sandbox/pay/:prepayId', async (request, reply) => {
    const { prepayId } = request.params as { prepayId: string };
    const { redirect } = request.query as { redirect?: string };
    reply.type('text/html; charset=utf-8');
    let inner: string;
    try {
      const t = pay.payable(prepayId);
      const query = redirect ? `?redirect=${encodeURIComponent(redirect)}` : '';
      inner = `<span class="tag">沙箱 · 非真实支付</span>
<div class="amount">¥${yuan(t.amountFen)}</div><div class="desc">${escapeHtml(t.description)}</div>
<form method="post" action="/sandbox/pay/${encodeURIComponent(prepayId)}/pay${query}"><button class="pay" type="submit">支付</button></form>
<form method="post" action="/sandbox/pay/${encodeURIComponent(prepayId)}/cancel${query}"><button class="cancel" type="submit">取消</button></form>
<div class="note">商户号 ${escapeHtml(t.mchid)} · 订单号 ${escapeHtml(t.outTradeNo)}</div>`;
    } catch (error) {
      if (!(error instanceof SandboxPayError)) throw error;
      reply.code(error.status === 404 ? 404 : 409);
      inner = `<div class="desc">${escapeHtml(error.message)}</div>`;
    }
    return page('微信支付（沙箱）', inner);
  });

  app.post('/sandbox/pay/:prepayId/pay', async (request, reply) => {
    const { prepayId } = request.params as { prepayId: string };
    try {
      const t = pay.pay(prepayId);
      const redirect = safeRedirect((request.query as { redirect?: string }).redirect);
      return back(reply, redirect, 'paid', { out_trade_no: t.outTradeNo, transaction_id: t.transactionId });
    } catch (error) {
      if (!(error instanceof SandboxPayError)) throw error;
      return reply.code(error.status).send({ code: error.code, message: error.message });
    }
  });

  app.post('/sandbox/pay/:prepayId/cancel', async (request, reply) => {
    const { prepayId } = request.params as { prepayId: string };
    const redirect = safeRedirect((request.query as { redirect?: string }).redirect);
    // Cancelling the sheet changes nothing at WeChat Pay: the transaction stays NOTPAY.
    return back(reply, redirect, 'cancel', { prepay_id: prepayId, result: 'cancel' });
  });
}
