import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareCodeRequestSchema, shareLinkCreateRequestSchema } from '../../schemas/share';
import {
  SHARE_KINDS,
  type SharePayload,
  shareAppOf,
  shareExpired,
  shareFactsOf,
  sharePagePath,
  sharePayloadMessage,
  sharePayloadSchema,
  shareTargetPath,
} from './share-payload';
import { type ShareEventGroup, shareStats } from './share-stats';
import { isWxacodeScene, SHARE_SCENE_ID_LENGTH, sceneIdFromBytes, wxacodeSceneSchema } from './wxacode-scene';

const SEED = 20261206;
const INVITER = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const PAYLOAD: SharePayload = { sk: 'product', si: 'p-toner', su: INVITER, se: '1796025600', ss: 'A'.repeat(43) };

describe("wxacode scene grammar (≤ 32 of 0-9A-Za-z!#$&'()*+,/:;=?@-._~)", () => {
  it.each([
    ['a', true],
    ['k7Qm2xZp9A0bC3dE', true],
    ['Z'.repeat(32), true],
    ["!#$&'()*+,/:;=?@-._~", true],
    ['id=p1&u=2', true],
    ['', false],
    ['Z'.repeat(33), false],
    ['a b', false],
    ['a%20b', false],
    ['拼团', false],
    ['a"b', false],
    ['a<b>', false],
    ['a\\b', false],
    ['a^b', false],
    ['a`b', false],
    ['a{b}', false],
    ['a|b', false],
    ['a[b]', false],
    ['a\nb', false],
    ['a\u0000', false],
  ])('%j -> %s', (scene, ok) => {
    expect(isWxacodeScene(scene)).toBe(ok);
    expect(wxacodeSceneSchema.safeParse(scene).success).toBe(ok);
  });

  it('makes 16-character scene ids of letters and digits, each a valid scene', () => {
    expect(sceneIdFromBytes(new Uint8Array(32))).toBe('0'.repeat(16));
    expect(sceneIdFromBytes(Uint8Array.from([61, 62, 247, 248, 255, ...new Array(14).fill(10)]))).toBe(
      `z0z${'A'.repeat(13)}`,
    );
    expect(() => sceneIdFromBytes(new Uint8Array(15))).toThrow();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        const id = sceneIdFromBytes(bytes);
        return id.length === SHARE_SCENE_ID_LENGTH && isWxacodeScene(id) && /^[0-9A-Za-z]+$/.test(id);
      }),
      { seed: SEED },
    );
  });
});

describe('share payload', () => {
  it('signs an exact, versioned text', () => {
    expect(sharePayloadMessage(shareFactsOf(PAYLOAD))).toBe(
      `wm-share-target-v1\nproduct\np-toner\n${INVITER}\n1796025600`,
    );
    expect(sharePayloadMessage({ kind: 'home', id: '', inviterUserId: INVITER, expiresAt: 5 })).toBe(
      `wm-share-target-v1\nhome\n\n${INVITER}\n5`,
    );
  });

  it('never signs the same text for different facts (fields cannot bleed into each other)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHARE_KINDS),
        fc.constantFrom(...SHARE_KINDS),
        fc.stringMatching(/^[A-Za-z0-9_-]{0,8}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{0,8}$/),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (k1, k2, i1, i2, e1, e2) => {
          const same = k1 === k2 && i1 === i2 && e1 === e2;
          const a = sharePayloadMessage({ kind: k1, id: i1, inviterUserId: INVITER, expiresAt: e1 });
          const b = sharePayloadMessage({ kind: k2, id: i2, inviterUserId: INVITER, expiresAt: e2 });
          return (a === b) === same;
        },
      ),
      { seed: SEED },
    );
  });

  it.each<[string, Partial<Record<keyof SharePayload, unknown>>, boolean]>([
    ['a product', {}, true],
    ['home with no id', { sk: 'home', si: '' }, true],
    ['a group (uuid id)', { sk: 'group_buy_group', si: INVITER }, true],
    ['home with an id', { sk: 'home', si: 'x' }, false],
    ['a product with no id', { si: '' }, false],
    ['an unknown kind', { sk: 'coupon' }, false],
    ['an id with a slash', { si: 'a/b' }, false],
    ['an id of 65', { si: 'a'.repeat(65) }, false],
    ['an inviter that is no uuid', { su: 'u1' }, false],
    ['an expiry with a leading zero', { se: '01796025600' }, false],
    ['an expiry as a number', { se: 1796025600 }, false],
    ['a negative expiry', { se: '-1' }, false],
    ['a short signature', { ss: 'A'.repeat(42) }, false],
    ['a signature with +', { ss: `${'A'.repeat(42)}+` }, false],
    ['a NUL in the id', { si: 'p\u0000' }, false],
  ])('%s parses: %s', (_name, change, ok) => {
    expect(sharePayloadSchema.safeParse({ ...PAYLOAD, ...change }).success).toBe(ok);
  });

  it('expires at its expiry second', () => {
    expect(shareExpired(100, new Date(99_999))).toBe(false);
    expect(shareExpired(100, new Date(100_000))).toBe(true);
  });
});

describe('share targets: the pages each kind opens (the contract with the apps)', () => {
  it.each([
    ['product', 'p1', 'mall', 'pkg-goods/product/index?id=p1'],
    ['group_buy_group', 'g-1', 'campaign', 'pkg-group/group/index?id=g-1'],
    ['bargain', 'b1', 'campaign', 'pkg-bargain/bargain/index?id=b1'],
    ['lottery', 'l1', 'campaign', 'pkg-lottery/lottery/index?id=l1'],
    ['flash_sale', 's1', 'campaign', 'pkg-flash/flash-sale/index?slot=s1'],
    ['home', '', 'mall', 'pages/index/index'],
  ] as const)('%s %s opens in %s at %s', (kind, id, app, path) => {
    expect(shareAppOf(kind)).toBe(app);
    expect(shareTargetPath(kind, id)).toBe(path);
  });

  it('appends the payload to the page', () => {
    expect(sharePagePath(PAYLOAD)).toBe(
      `pkg-goods/product/index?id=p-toner&sk=product&si=p-toner&su=${INVITER}&se=1796025600&ss=${'A'.repeat(43)}`,
    );
    expect(sharePagePath({ ...PAYLOAD, sk: 'home', si: '' })).toMatch(/^pages\/index\/index\?sk=home&si=&su=/);
  });

  it.each([
    [{ kind: 'product', id: 'p1', app: 'mall' }, true],
    [{ kind: 'product', id: 'p1', app: 'campaign' }, false],
    [{ kind: 'bargain', id: 'b1', app: 'campaign' }, true],
    [{ kind: 'bargain', id: 'b1', app: 'mall' }, false],
    [{ kind: 'home', app: 'campaign' }, true],
    [{ kind: 'home', id: 'x', app: 'campaign' }, false],
    [{ kind: 'lottery', app: 'campaign' }, false],
  ])('code request %j valid: %s', (input, ok) => {
    expect(shareCodeRequestSchema.safeParse(input).success).toBe(ok);
  });

  it('link requests default home to no id and check the app when named', () => {
    expect(shareLinkCreateRequestSchema.parse({ kind: 'home' })).toEqual({ kind: 'home', id: '' });
    expect(shareLinkCreateRequestSchema.safeParse({ kind: 'product', id: 'p1', app: 'tools' }).success).toBe(false);
  });
});

describe('share stats', () => {
  const g = (
    type: ShareEventGroup['type'],
    inviterUserId: string,
    userId: string | null,
    count = 1,
    kind: ShareEventGroup['kind'] = 'product',
    userIsNew = false,
  ): ShareEventGroup => ({ type, kind, inviterUserId, userId, userIsNew, count });

  it('is empty with no events', () => {
    const { all, kinds } = shareStats([]);
    expect(all).toEqual({
      shares: 0,
      opens: 0,
      joins: 0,
      sharers: 0,
      newOpeners: 0,
      shareToOpenRateBp: null,
      fissionRatio: null,
    });
    expect(Object.keys(kinds)).toEqual([...SHARE_KINDS]);
  });

  it.each<[string, ShareEventGroup[], Partial<ReturnType<typeof shareStats>['all']>]>([
    [
      'two sharers, four shares',
      [g('share', 'a', 'a', 3), g('share', 'b', 'b')],
      { shares: 4, sharers: 2, shareToOpenRateBp: 0 },
    ],
    [
      "opens: anonymous counted, the inviter's own left out",
      [g('share', 'a', 'a', 2), g('share_open', 'a', null, 3), g('share_open', 'a', 'a', 5), g('share_open', 'a', 'x')],
      { opens: 4, shareToOpenRateBp: 20_000, newOpeners: 0, fissionRatio: 0 },
    ],
    [
      'new openers are distinct signed-in new users, over all inviters',
      [
        g('share', 'a', 'a'),
        g('share', 'b', 'b'),
        g('share', 'c', 'c'),
        g('share_open', 'a', 'x', 2, 'product', true),
        g('share_open', 'b', 'x', 1, 'product', true),
        g('share_open', 'b', 'y', 1, 'product', true),
        g('share_open', 'c', 'z', 1, 'product', false),
      ],
      { opens: 5, newOpeners: 2, sharers: 3, fissionRatio: 0.67, shareToOpenRateBp: 16_666 },
    ],
    [
      "joins by friends count, the inviter's own do not",
      [g('share', 'a', 'a'), g('join', 'a', 'x', 2), g('join', 'a', 'a')],
      { joins: 2 },
    ],
    [
      'opens without a share in the window: no sharers, no ratio',
      [g('share_open', 'a', 'x', 1, 'product', true)],
      { opens: 1, newOpeners: 1, sharers: 0, fissionRatio: null, shareToOpenRateBp: null },
    ],
    [
      'an eighth rounds half up',
      [...'abcdefgh'].map((id) => g('share', id, id)).concat(g('share_open', 'a', 'n', 1, 'product', true)),
      { fissionRatio: 0.13 },
    ],
  ])('%s', (_name, groups, expected) => {
    expect(shareStats(groups).all).toMatchObject(expected);
  });

  it('keeps kinds apart and counts a sharer of two kinds once over all', () => {
    const stats = shareStats([
      g('share', 'a', 'a', 1, 'product'),
      g('share', 'a', 'a', 1, 'bargain'),
      g('join', 'a', 'x', 1, 'bargain'),
    ]);
    expect(stats.kinds.product).toMatchObject({ shares: 1, sharers: 1, joins: 0 });
    expect(stats.kinds.bargain).toMatchObject({ shares: 1, sharers: 1, joins: 1 });
    expect(stats.kinds.lottery.shares).toBe(0);
    expect(stats.all).toMatchObject({ shares: 2, sharers: 1, joins: 1 });
  });

  it('over all kinds sums the counts and never reports more new openers than opens', () => {
    const group = fc.record({
      type: fc.constantFrom('share', 'share_open', 'join') as fc.Arbitrary<ShareEventGroup['type']>,
      kind: fc.constantFrom(...SHARE_KINDS),
      inviterUserId: fc.constantFrom('a', 'b', 'c'),
      userId: fc.constantFrom(null, 'a', 'x', 'y'),
      userIsNew: fc.boolean(),
      count: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 30 }), (groups) => {
        const { all, kinds } = shareStats(groups);
        const sum = (key: 'shares' | 'opens' | 'joins') => SHARE_KINDS.reduce((n, k) => n + kinds[k][key], 0);
        return (
          all.shares === sum('shares') &&
          all.opens === sum('opens') &&
          all.joins === sum('joins') &&
          all.newOpeners <= all.opens &&
          Object.values(kinds).every((k) => k.sharers <= all.sharers)
        );
      }),
      { seed: SEED },
    );
  });
});
