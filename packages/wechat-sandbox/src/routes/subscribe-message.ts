import type { FastifyInstance } from 'fastify';
import { wechatError } from '../errcodes';
import type { AccessTokenStore } from '../state/access-tokens';
import type { OpenidLog } from '../state/openid-log';
import type { SubscribeMessageStore } from '../state/subscribe-messages';
import { newRid } from './rid';

export interface SubscribeMessageRouteDeps {
  tokens: AccessTokenStore;
  openids: OpenidLog;
  store: SubscribeMessageStore;
}

/**
 * WeChat's value rules per field type (subscribeMessage.send reference, "订阅消息参数值内容
 * 限制说明"), written here on their own so the sandbox checks the API's formatting instead
 * of repeating it.
 */
const FIELD_RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => Array.from(v).length <= 20,
  character_string: (v) => v.length <= 32 && /^[\x21-\x7e]+$/.test(v),
  number: (v) => v.length <= 32 && /^\d+(\.\d+)?$/.test(v),
  letter: (v) => v.length <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => v.length <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v),
  amount: (v) => {
    const match = /^[¥$€£]?(\d+(\.\d+)?)元?$/.exec(v);
    return match !== null && (match[1] as string).replace('.', '').length <= 10;
  },
  time: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}(~(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2})?$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?(~\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?)?$/.test(v),
  phrase: (v) => Array.from(v).length <= 5 && /^\p{Script=Han}+$/u.test(v),
  phone_number: (v) => v.length <= 17 && /^[\d+\-() ]+$/.test(v),
};

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];

/** 47003 names the offending argument, as WeChat's errmsg does. */
function argumentInvalid(detail: string, rid: string) {
  return { errcode: 47003, errmsg: `argument invalid! ${detail}, rid: ${rid}` };
}

/** The first problem of a send's `data` against the template's keywords, or null. */
function dataProblem(keywords: Record<string, string>, data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data invalid';
  const entries = data as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    if (!(key in keywords)) return `data.${key} is not a keyword of the template`;
  }
  for (const key of Object.keys(keywords)) {
    const field = entries[key] as { value?: unknown } | undefined;
    const value = field?.value;
    if (typeof value !== 'string' || value === '') return `data.${key}.value is empty`;
    if (/\p{Cc}/u.test(value)) return `data.${key}.value invalid`;
    const rule = FIELD_RULES[key.replace(/\d+$/, '')];
    if (!rule?.(value)) return `data.${key}.value invalid`;
  }
  return null;
}

/**
 * `POST /cgi-bin/message/subscribe/send` (发送订阅消息) and the sandbox-only
 * `GET /sandbox/subscribe/templates`, `GET /sandbox/subscribe/messages` (what was delivered)
 * and `POST /sandbox/subscribe/refusals` (make a shopper refuse a template: 43101).
 */
export function registerSubscribeMessageRoutes(app: FastifyInstance, deps: SubscribeMessageRouteDeps): void {
  app.post('/cgi-bin/message/subscribe/send', async (request) => {
    const rid = newRid();
    const token = (request.query as { access_token?: unknown }).access_token;
    const caller = typeof token === 'string' ? deps.tokens.verify(token) : null;
    if (!caller) return wechatError('INVALID_ACCESS_TOKEN', rid);
    if (deps.store.takeBusy()) return wechatError('SYSTEM_ERROR', rid);
    const input = (request.body ?? {}) as Record<string, unknown>;
    const { touser, template_id: templateId, page, data } = input;
    const state = input.miniprogram_state ?? 'formal';
    if (typeof touser !== 'string' || !deps.openids.has(caller.appid, touser))
      return wechatError('INVALID_OPENID', rid);
    const template = typeof templateId === 'string' ? deps.store.template(templateId) : undefined;
    if (!template || template.appid !== caller.appid) return wechatError('INVALID_TEMPLATE_ID', rid);
    if (page !== undefined && (typeof page !== 'string' || page.length > 1024 || page.startsWith('/')))
      return argumentInvalid('page invalid', rid);
    if (typeof state !== 'string' || !MINIPROGRAM_STATES.includes(state))
      return argumentInvalid('miniprogram_state invalid', rid);
    const problem = dataProblem(template.keywords, data);
    if (problem) return argumentInvalid(problem, rid);
    if (deps.store.refused(touser, template.templateId)) return wechatError('USER_REFUSED', rid);
    const sent = deps.store.record({
      appid: caller.appid,
      touser,
      templateId: template.templateId,
      page: typeof page === 'string' ? page : null,
      miniprogramState: state,
      data: data as Record<string, { value: string }>,
    });
    request.log.info({ msgid: sent.msgid, templateId: sent.templateId }, 'subscribe message delivered');
    return { errcode: 0, errmsg: 'ok', msgid: sent.msgid };
  });

  app.get('/sandbox/subscribe/templates', async () => ({ items: deps.store.listTemplates() }));

  app.get('/sandbox/subscribe/messages', async (request) => {
    const query = request.query as { touser?: unknown; template_id?: unknown };
    return {
      items: deps.store.messages({
        touser: typeof query.touser === 'string' ? query.touser : undefined,
        templateId: typeof query.template_id === 'string' ? query.template_id : undefined,
      }),
    };
  });

  app.post('/sandbox/subscribe/refusals', async (request) => {
    const input = (request.body ?? {}) as { touser?: unknown; template_id?: unknown };
    const rid = newRid();
    if (typeof input.touser !== 'string' || input.touser === '') return wechatError('INVALID_OPENID', rid);
    if (typeof input.template_id !== 'string' || !deps.store.template(input.template_id))
      return wechatError('INVALID_TEMPLATE_ID', rid);
    deps.store.refuse(input.touser, input.template_id);
    return { errcode: 0, errmsg: 'ok' };
  });
}
