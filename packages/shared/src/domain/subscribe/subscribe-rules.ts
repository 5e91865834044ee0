import { formatShanghai } from '../../time/shanghai';
import type { OrderStatus } from '../order';

/**
 * WeChat subscribe messages (订阅消息), the pure part: which notices the shop sends, how a
 * value becomes the text of one template field within WeChat's limits, and which order state
 * change sends which notice. The API, the sandbox's checks and the apps read the same rules.
 */

/** The notices the shop sends. Each is configured with one template per mini-program. */
export const SUBSCRIBE_KINDS = ['order_shipped', 'refund_succeeded'] as const;
export type SubscribeKind = (typeof SUBSCRIBE_KINDS)[number];

/**
 * What the API can put into a field of each notice. A template's field mapping names one
 * of these per field key (e.g. `{ character_string1: 'orderNo', thing2: 'goods' }`).
 */
export const SUBSCRIBE_SOURCES = {
  order_shipped: ['orderNo', 'goods', 'amount', 'company', 'trackingNo', 'shippedAt', 'status'],
  refund_succeeded: ['orderNo', 'goods', 'amount', 'refundedAt', 'status'],
} as const satisfies Record<SubscribeKind, readonly string[]>;
export type SubscribeSource<K extends SubscribeKind = SubscribeKind> = (typeof SUBSCRIBE_SOURCES)[K][number];

/** A value before formatting: text, an amount in fen, or an instant (formatted in Asia/Shanghai). */
export type SubscribeValue = { text: string } | { fen: number } | { at: Date };

/**
 * WeChat's field types (the key's letters; the digits only number the field) and their limits
 * from the subscribeMessage.send reference: thing ≤ 20 characters; character_string ≤ 32
 * digits, letters or symbols; number ≤ 32 digits (a decimal point allowed); amount one
 * currency sign and ≤ 10 digits (decimals allowed, 元 at the end allowed); time / date in
 * 年月日 form; phrase ≤ 5 Chinese characters.
 */
export const SUBSCRIBE_FIELD_TYPES = [
  'thing',
  'character_string',
  'number',
  'amount',
  'time',
  'date',
  'phrase',
] as const;
export type SubscribeFieldType = (typeof SUBSCRIBE_FIELD_TYPES)[number];

export const THING_MAX_CHARS = 20;
export const CHARACTER_STRING_MAX_CHARS = 32;
export const NUMBER_MAX_DIGITS = 32;
export const AMOUNT_MAX_DIGITS = 10;
export const PHRASE_MAX_CHARS = 5;
/** WeChat's template messages have at most 5 fields in their content. */
export const SUBSCRIBE_MAX_FIELDS = 5;
/**
 * One wx.requestSubscribeMessage call asks for at most 3 templates; a consent report with
 * more did not come from it.
 */
export const SUBSCRIBE_MAX_TEMPLATES_PER_ASK = 3;
/** Remaining sends kept per (user, app, template): enough for any real shopper, bounded for a bad client. */
export const SUBSCRIBE_MAX_QUOTA = 100;

const FIELD_KEY = /^(thing|character_string|number|amount|time|date|phrase)([1-9]\d?)$/;

/** `thing2` -> 'thing'; a key of an unsupported type (letter1, name3 …) or no key -> null. */
export function subscribeFieldType(key: string): SubscribeFieldType | null {
  const match = FIELD_KEY.exec(key);
  return match ? (match[1] as SubscribeFieldType) : null;
}

/** Characters as people count them (code points), so an emoji is not cut in half. */
function chars(text: string): string[] {
  return Array.from(text);
}

function truncate(text: string, max: number): string {
  const all = chars(text);
  return all.length <= max ? text : `${all.slice(0, max - 1).join('')}…`;
}

function amountText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  const cents = (abs % 100).toString().padStart(2, '0');
  return `¥${Math.floor(abs / 100)}.${cents}`;
}

function plainText(value: SubscribeValue): string {
  if ('text' in value) return value.text;
  if ('fen' in value) return amountText(value.fen);
  return formatShanghai(value.at.toISOString(), 'YYYY年M月D日 HH:mm');
}

/** Control characters and line breaks make WeChat refuse a field (47003); spaces are kept single. */
function clean(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text WeChat will accept in a field of `type` for `value`: cut to the type's length
 * (thing with a trailing …), characters the type refuses dropped. An empty result is
 * replaced by a dash for thing / character_string, since WeChat refuses empty fields.
 */
export function formatSubscribeValue(type: SubscribeFieldType, value: SubscribeValue): string {
  switch (type) {
    case 'thing':
      return truncate(clean(plainText(value)), THING_MAX_CHARS) || '-';
    case 'character_string': {
      const ascii = clean(plainText(value)).replace(/[^\x21-\x7e]/g, '');
      return chars(ascii).slice(0, CHARACTER_STRING_MAX_CHARS).join('') || '-';
    }
    case 'number': {
      const text = 'fen' in value ? amountText(value.fen).slice(1) : plainText(value).replace(/[^\d.]/g, '');
      return text.slice(0, NUMBER_MAX_DIGITS) || '0';
    }
    case 'amount':
      return 'fen' in value ? amountText(value.fen) : plainText(value);
    case 'time':
      return 'at' in value ? formatShanghai(value.at.toISOString(), 'YYYY年M月D日 HH:mm') : clean(plainText(value));
    case 'date':
      return 'at' in value ? formatShanghai(value.at.toISOString(), 'YYYY年M月D日') : clean(plainText(value));
    case 'phrase':
      return chars(plainText(value).replace(/[^\p{Script=Han}]/gu, ''))
        .slice(0, PHRASE_MAX_CHARS)
        .join('');
  }
}

const TIME_TEXT = /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}$/;
const DATE_TEXT = /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$/;
const AMOUNT_TEXT = /^[¥$€£]?(\d+(\.\d+)?)元?$/;

/**
 * Whether WeChat accepts `text` in a field of `type` (the checks the sandbox applies, and
 * what formatSubscribeValue always satisfies). Time ranges with ~ are not produced here and
 * not accepted.
 */
export function isValidSubscribeValue(type: SubscribeFieldType, text: string): boolean {
  if (text === '') return false;
  switch (type) {
    case 'thing':
      return chars(text).length <= THING_MAX_CHARS && !/\p{Cc}/u.test(text);
    case 'character_string':
      return text.length <= CHARACTER_STRING_MAX_CHARS && /^[\x21-\x7e]+$/.test(text);
    case 'number':
      return text.length <= NUMBER_MAX_DIGITS && /^\d+(\.\d+)?$/.test(text);
    case 'amount': {
      const match = AMOUNT_TEXT.exec(text);
      return match !== null && (match[1] as string).replace('.', '').length <= AMOUNT_MAX_DIGITS;
    }
    case 'time':
      return TIME_TEXT.test(text);
    case 'date':
      return DATE_TEXT.test(text);
    case 'phrase':
      return chars(text).length <= PHRASE_MAX_CHARS && /^\p{Script=Han}+$/u.test(text);
  }
}

/**
 * Problems of a template's field mapping (empty when usable): unknown field types, sources
 * the notice does not have, more fields than WeChat templates hold.
 */
export function subscribeMappingProblems(template: { kind: SubscribeKind; fields: Record<string, string> }): string[] {
  const problems: string[] = [];
  const keys = Object.keys(template.fields);
  if (keys.length === 0) problems.push('no fields');
  if (keys.length > SUBSCRIBE_MAX_FIELDS) problems.push(`more than ${SUBSCRIBE_MAX_FIELDS} fields`);
  const sources: readonly string[] = SUBSCRIBE_SOURCES[template.kind];
  for (const [key, source] of Object.entries(template.fields)) {
    if (!subscribeFieldType(key)) problems.push(`${key}: not a supported field key (thing1, time2, amount3 …)`);
    if (!sources.includes(source)) problems.push(`${key}: ${template.kind} has no value "${source}"`);
  }
  return problems;
}

/**
 * The `data` of subscribeMessage.send: every field of the mapping (key -> source), formatted
 * for its type. A source without a value is a programming error (mappings are checked
 * against SUBSCRIBE_SOURCES when the configuration is read), so it throws.
 */
export function buildSubscribeData(
  fields: Readonly<Record<string, string>>,
  values: Readonly<Partial<Record<string, SubscribeValue>>>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, source] of Object.entries(fields)) {
    const type = subscribeFieldType(key);
    const value = values[source];
    if (!type) throw new Error(`unsupported subscribe field key ${key}`);
    if (!value) throw new Error(`no value "${source}" for subscribe field ${key}`);
    data[key] = { value: formatSubscribeValue(type, value) };
  }
  return data;
}

/** The notice an order state change sends, if any: 发货 -> order_shipped, 已退款 -> refund_succeeded. */
export function subscribeKindForTransition(change: { from: OrderStatus; to: OrderStatus }): SubscribeKind | null {
  if (change.from === change.to) return null;
  if (change.to === 'shipped') return 'order_shipped';
  if (change.to === 'refunded') return 'refund_succeeded';
  return null;
}

/** What the mini-program page of each notice opens (the order), as subscribeMessage.send's `page`. */
export function subscribeMessagePage(orderId: string): string {
  return `pkg-order/detail/index?id=${encodeURIComponent(orderId)}`;
}

/** wx.requestSubscribeMessage's answer per template id. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

/**
 * The template ids a consent report grants one send of: those answered 'accept'. 'reject'
 * (this time), 'ban' (the template was banned) and 'filter' (filtered by WeChat) grant none.
 */
export function acceptedTemplateIds(results: Record<string, SubscribeResult>): string[] {
  return Object.entries(results)
    .filter(([, result]) => result === 'accept')
    .map(([id]) => id);
}
