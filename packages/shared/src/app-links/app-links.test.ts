import { describe, expect, it } from 'vitest';
import { appLink, h5Url, linkPathWithQuery } from './app-links';

describe('app links', () => {
  it('drops undefined params and stringifies the rest', () => {
    expect(appLink('mall', '/pkg-goods/product/index', { id: 'p1', from: undefined, n: 2, ok: true })).toEqual({
      app: 'mall',
      path: '/pkg-goods/product/index',
      params: { id: 'p1', n: '2', ok: 'true' },
    });
  });

  it('writes query keys sorted and encoded', () => {
    expect(linkPathWithQuery({ path: '/pages/a/index', params: { z: '1', a: '小 红&' } })).toBe(
      '/pages/a/index?a=%E5%B0%8F%20%E7%BA%A2%26&z=1',
    );
    expect(linkPathWithQuery({ path: '/pages/a/index', params: {} })).toBe('/pages/a/index');
  });

  it('builds the H5 hash-router URL under the app prefix', () => {
    const link = appLink('campaign', '/pages/index/index', { tab: 'group_buy' });
    expect(h5Url('http://localhost:3000/', link)).toBe(
      'http://localhost:3000/campaign/#/pages/index/index?tab=group_buy',
    );
  });
});
