import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubscribeMessageStore } from './state/subscribe-messages';

/**
 * The demo shop's two templates, as an operator would pick them from WeChat's library for
 * the mall: keywords by field key, plus which of the API's values fills each one (the
 * API's WECHAT_SUBSCRIBE_TEMPLATES mapping; see docs/subscribe-messages.md).
 */
export const DEMO_SUBSCRIBE_TEMPLATES = [
  {
    kind: 'order_shipped',
    title: '订单发货通知',
    fields: {
      character_string1: { label: '订单编号', source: 'orderNo' },
      thing2: { label: '商品名称', source: 'goods' },
      thing3: { label: '快递公司', source: 'company' },
      character_string4: { label: '快递单号', source: 'trackingNo' },
      time5: { label: '发货时间', source: 'shippedAt' },
    },
  },
  {
    kind: 'refund_succeeded',
    title: '退款成功通知',
    fields: {
      character_string1: { label: '订单编号', source: 'orderNo' },
      thing2: { label: '商品名称', source: 'goods' },
      amount3: { label: '退款金额', source: 'amount' },
      time4: { label: '退款时间', source: 'refundedAt' },
    },
  },
] as const;

/** One configured template in the API's WECHAT_SUBSCRIBE_TEMPLATES format. */
export interface ApiSubscribeTemplateSetting {
  app: 'mall';
  kind: string;
  templateId: string;
  fields: Record<string, string>;
}

/**
 * Registers the demo templates for the mall (fresh ids each start, like the demo merchant's
 * keys) and answers them in the API's configuration format.
 */
export function addDemoSubscribeTemplates(
  store: SubscribeMessageStore,
  mallAppid: string,
): ApiSubscribeTemplateSetting[] {
  return DEMO_SUBSCRIBE_TEMPLATES.map((demo) => {
    const keywords = Object.fromEntries(Object.entries(demo.fields).map(([key, f]) => [key, f.label]));
    const { templateId } = store.addTemplate(mallAppid, { title: demo.title, keywords });
    const fields = Object.fromEntries(Object.entries(demo.fields).map(([key, f]) => [key, f.source]));
    return { app: 'mall', kind: demo.kind, templateId, fields };
  });
}

/** Where scripts/lib/stack.mjs reads the API's WECHAT_SUBSCRIBE_TEMPLATES from (next to merchant.json). */
export const SUBSCRIBE_TEMPLATES_FILE = 'subscribe-templates.json';

export function writeSubscribeTemplatesFile(dir: string, settings: ApiSubscribeTemplateSetting[]): void {
  writeFileSync(join(dir, SUBSCRIBE_TEMPLATES_FILE), `${JSON.stringify(settings)}\n`, { mode: 0o600 });
}
