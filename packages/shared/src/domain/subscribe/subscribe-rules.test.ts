import { describe, expect, it } from 'vitest';
import {
  acceptedTemplateIds,
  buildSubscribeData,
  formatSubscribeValue,
  isValidSubscribeValue,
  SUBSCRIBE_FIELD_TYPES,
  type SubscribeValue,
  subscribeFieldType,
  subscribeKindForTransition,
  subscribeMappingProblems,
} from './subscribe-rules';

const AT = new Date('2026-12-06T04:05:00Z');

describe('subscribe message rules', () => {
  it.each([
    ['thing1', 'thing'],
    ['character_string12', 'character_string'],
    ['time3', 'time'],
    ['amount4', 'amount'],
    ['phrase5', 'phrase'],
    ['thing', null],
    ['thing0', null],
    ['letter1', null],
    ['name2', null],
    ['thing1 ', null],
  ])('reads the field type of %j as %j', (key, type) => {
    expect(subscribeFieldType(key)).toBe(type);
  });

  it('cuts a thing to 20 characters with an ellipsis, counting emoji and Chinese as one each', () => {
    const long = '超长的商品名称超长的商品名称超长的商品名称😀';
    const text = formatSubscribeValue('thing', { text: long });
    expect(Array.from(text)).toHaveLength(20);
    expect(text.endsWith('…')).toBe(true);
    expect(formatSubscribeValue('thing', { text: '短名' })).toBe('短名');
    expect(formatSubscribeValue('thing', { text: 'a\u0000b\nc' })).toBe('a b c');
    expect(formatSubscribeValue('thing', { text: '   ' })).toBe('-');
  });

  it('keeps only ASCII digits, letters and symbols in a character_string, at most 32', () => {
    expect(formatSubscribeValue('character_string', { text: 'SF 1234-5678 顺丰' })).toBe('SF1234-5678');
    expect(formatSubscribeValue('character_string', { text: 'x'.repeat(40) })).toHaveLength(32);
    expect(formatSubscribeValue('character_string', { text: '顺丰' })).toBe('-');
  });

  it('writes fen as an amount without thousands separators, and times in Shanghai', () => {
    expect(formatSubscribeValue('amount', { fen: 123_456_78 })).toBe('¥123456.78');
    expect(formatSubscribeValue('amount', { fen: 5 })).toBe('¥0.05');
    expect(formatSubscribeValue('number', { fen: 1990 })).toBe('19.90');
    expect(formatSubscribeValue('time', { at: AT })).toBe('2026年12月6日 12:05');
    expect(formatSubscribeValue('date', { at: AT })).toBe('2026年12月6日');
    expect(formatSubscribeValue('phrase', { text: '已发货 OK 了吗吗吗' })).toBe('已发货了吗');
  });

  const samples: SubscribeValue[] = [
    { text: '' },
    { text: 'Nike Air 跑鞋 42 码 黑色 限量版 2026 款 ……' },
    { text: '\u0000\u0001' },
    { fen: 0 },
    { fen: 999_999_999 },
    { at: AT },
  ];
  it.each(SUBSCRIBE_FIELD_TYPES.filter((t) => t !== 'amount' && t !== 'time' && t !== 'date' && t !== 'phrase'))(
    'formats anything into a valid %s',
    (type) => {
      for (const value of samples) expect(isValidSubscribeValue(type, formatSubscribeValue(type, value))).toBe(true);
    },
  );

  it('formats amounts, times and dates from their own kind of value into valid fields', () => {
    expect(isValidSubscribeValue('amount', formatSubscribeValue('amount', { fen: 99_999_999_99 }))).toBe(true);
    expect(isValidSubscribeValue('time', formatSubscribeValue('time', { at: AT }))).toBe(true);
    expect(isValidSubscribeValue('date', formatSubscribeValue('date', { at: AT }))).toBe(true);
    expect(isValidSubscribeValue('phrase', formatSubscribeValue('phrase', { text: '退款成功' }))).toBe(true);
  });

  it.each([
    ['thing', 'x'.repeat(21)],
    ['thing', ''],
    ['character_string', '订单1'],
    ['character_string', 'a b'],
    ['number', '12a'],
    ['amount', '¥12345678901'],
    ['amount', '十二元'],
    ['time', '明天'],
    ['date', '2026-12-06'],
    ['phrase', '已发货了吗吗'],
  ] as const)('refuses %s %j', (type, text) => {
    expect(isValidSubscribeValue(type, text)).toBe(false);
  });

  it('builds the send data from a mapping', () => {
    const data = buildSubscribeData(
      { character_string1: 'orderNo', thing2: 'goods', time3: 'shippedAt', amount4: 'amount' },
      {
        orderNo: { text: 'WM202612060001' },
        goods: { text: '云朵跑鞋 等2件' },
        amount: { fen: 41_900 },
        company: { text: '顺丰速运' },
        trackingNo: { text: 'SF100' },
        shippedAt: { at: AT },
        status: { text: '已发货' },
      },
    );
    expect(data).toEqual({
      character_string1: { value: 'WM202612060001' },
      thing2: { value: '云朵跑鞋 等2件' },
      time3: { value: '2026年12月6日 12:05' },
      amount4: { value: '¥419.00' },
    });
    expect(() => buildSubscribeData({ thing1: 'refundedAt' }, { orderNo: { text: 'x' } })).toThrow(/refundedAt/);
  });

  it('finds problems in a mapping', () => {
    expect(subscribeMappingProblems({ kind: 'order_shipped', fields: { thing1: 'goods' } })).toEqual([]);
    expect(subscribeMappingProblems({ kind: 'order_shipped', fields: {} })).toEqual(['no fields']);
    expect(subscribeMappingProblems({ kind: 'refund_succeeded', fields: { thing1: 'trackingNo' } })).toEqual([
      'thing1: refund_succeeded has no value "trackingNo"',
    ]);
    expect(subscribeMappingProblems({ kind: 'order_shipped', fields: { name1: 'goods' } })).toHaveLength(1);
  });

  it.each([
    ['paid', 'shipped', 'order_shipped'],
    ['after_sale', 'refunded', 'refund_succeeded'],
    ['paid', 'refunded', 'refund_succeeded'],
    ['shipped', 'completed', null],
    ['shipped', 'shipped', null],
    ['pending_payment', 'paid', null],
  ] as const)('an order moving %s -> %s sends %s', (from, to, kind) => {
    expect(subscribeKindForTransition({ from, to })).toBe(kind);
  });

  it('grants a send only for accepted templates', () => {
    expect(acceptedTemplateIds({ a: 'accept', b: 'reject', c: 'ban', d: 'filter', e: 'accept' })).toEqual(['a', 'e']);
  });
});
