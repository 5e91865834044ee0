import {
  type AddressList,
  addressListSchema,
  addressSchema,
  MAX_ADDRESSES_PER_USER,
  regionListSchema,
} from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';

const home = {
  recipient: '林小满',
  phone: '138 0013 8000',
  regionCode: '440305',
  detail: '科技园南区 8 栋 1203',
};

describe.each(testDatabases())('address book API on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (token: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: bearer(token), payload });
  const list = async (token: string): Promise<AddressList> => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me/addresses', headers: bearer(token) });
    expect(response.statusCode, response.body).toBe(200);
    return expectContract(addressListSchema, response);
  };

  it('saves an address with names from the division data; the first one is the default', async () => {
    const token = await freshShopper(t);
    const response = await create(token, { ...home, isDefault: false });
    expect(response.statusCode, response.body).toBe(201);
    expect(expectContract(addressSchema, response)).toMatchObject({
      recipient: '林小满',
      phone: '13800138000',
      regionCode: '440305',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      detail: '科技园南区 8 栋 1203',
      isDefault: true,
    });
  });

  it('imports a WeChat address by names, and moves the default when asked', async () => {
    const token = await freshShopper(t);
    await create(token, home);
    const wechat = await create(token, {
      recipient: '林小满',
      phone: '+8613900139000',
      regionNames: ['北京市', '北京市', '朝阳区'],
      detail: '建国路 88 号',
      isDefault: true,
    });
    expect(wechat.statusCode, wechat.body).toBe(201);
    const book = await list(token);
    expect(book.items.map((a) => [a.district, a.isDefault])).toEqual([
      ['朝阳区', true],
      ['南山区', false],
    ]);
  });

  it('edits, switches the default and promotes another when the default is deleted', async () => {
    const token = await freshShopper(t);
    const first = expectContract(addressSchema, await create(token, home));
    const second = expectContract(addressSchema, await create(token, { ...home, detail: '公司前台' }));
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/me/addresses/${second.id}`,
      headers: bearer(token),
      payload: { ...home, detail: '公司前台 3 楼', regionCode: '440304' },
    });
    expect(expectContract(addressSchema, edited)).toMatchObject({
      district: '福田区',
      detail: '公司前台 3 楼',
      isDefault: false,
    });

    const switched = await t.app.inject({
      method: 'POST',
      url: `/api/me/addresses/${second.id}/default`,
      headers: bearer(token),
    });
    expect(
      expectContract(addressListSchema, switched)
        .items.filter((a) => a.isDefault)
        .map((a) => a.id),
    ).toEqual([second.id]);

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/addresses/${second.id}`,
      headers: bearer(token),
    });
    expect(expectContract(addressListSchema, deleted).items.map((a) => [a.id, a.isDefault])).toEqual([
      [first.id, true],
    ]);
  });

  it("never shows, edits or deletes another shopper's address", async () => {
    const owner = await freshShopper(t);
    const other = await freshShopper(t);
    const address = expectContract(addressSchema, await create(owner, home));
    const url = `/api/me/addresses/${address.id}`;
    expectError(await t.app.inject({ method: 'GET', url, headers: bearer(other) }), 404, 'ADDRESS_NOT_FOUND');
    expectError(
      await t.app.inject({ method: 'PUT', url, headers: bearer(other), payload: { ...home, detail: '改掉' } }),
      404,
      'ADDRESS_NOT_FOUND',
    );
    expectError(await t.app.inject({ method: 'DELETE', url, headers: bearer(other) }), 404, 'ADDRESS_NOT_FOUND');
    expectError(
      await t.app.inject({ method: 'POST', url: `${url}/default`, headers: bearer(other) }),
      404,
      'ADDRESS_NOT_FOUND',
    );
    expect((await list(owner)).items).toEqual([address]);
    expectError(await t.app.inject({ method: 'GET', url: '/api/me/addresses' }), 401, 'UNAUTHENTICATED');
  });

  it('answers 404 for an id that is not a uuid, on every address route', async () => {
    const token = await freshShopper(t);
    for (const request of [
      { method: 'GET' as const, url: '/api/me/addresses/not-a-uuid' },
      { method: 'PUT' as const, url: '/api/me/addresses/not-a-uuid', payload: home },
      { method: 'DELETE' as const, url: '/api/me/addresses/123' },
      { method: 'POST' as const, url: '/api/me/addresses/abc/default' },
    ]) {
      expectError(await t.app.inject({ ...request, headers: bearer(token) }), 404, 'ADDRESS_NOT_FOUND');
    }
  });

  it.each([
    ['a landline', { ...home, phone: '010-88886666' }, 400, 'VALIDATION_FAILED'],
    ['no region', { recipient: '林', phone: '13800138000', detail: '某处 1 号' }, 400, 'VALIDATION_FAILED'],
    ['a city code as region', { ...home, regionCode: '440300' }, 400, 'REGION_UNKNOWN'],
    [
      'unknown names',
      { ...home, regionCode: undefined, regionNames: ['火星省', '某市', '某区'] },
      400,
      'REGION_UNKNOWN',
    ],
    ['an empty recipient', { ...home, recipient: '  ' }, 400, 'VALIDATION_FAILED'],
    ['a NUL in the detail', { ...home, detail: '科技园\u0000' }, 400, 'VALIDATION_FAILED'],
  ] as const)('refuses %s and saves nothing', async (_name, payload, status, code) => {
    const token = await freshShopper(t);
    expectError(await create(token, payload), status, code);
    expect((await list(token)).items).toEqual([]);
  });

  it(`keeps at most ${MAX_ADDRESSES_PER_USER} addresses`, async () => {
    const token = await freshShopper(t);
    for (let i = 0; i < MAX_ADDRESSES_PER_USER; i += 1) {
      expect((await create(token, { ...home, detail: `地址 ${i}` })).statusCode).toBe(201);
    }
    expectError(await create(token, { ...home, detail: '再多一个' }), 409, 'ADDRESS_LIMIT_REACHED');
    expect((await list(token)).items).toHaveLength(MAX_ADDRESSES_PER_USER);
  });

  it.skipIf(database.name === 'PGlite')(
    'concurrent saves never pass the limit or leave two defaults (PostgreSQL only: PGlite serialises everything)',
    async () => {
      const token = await freshShopper(t);
      const results = await Promise.all(
        Array.from({ length: MAX_ADDRESSES_PER_USER + 5 }, (_, i) =>
          create(token, { ...home, detail: `并发地址 ${i}`, isDefault: true }),
        ),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(MAX_ADDRESSES_PER_USER);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
      const book = await list(token);
      expect(book.items).toHaveLength(MAX_ADDRESSES_PER_USER);
      expect(book.items.filter((a) => a.isDefault)).toHaveLength(1);
    },
  );

  it('serves the region picker one level at a time, cacheable', async () => {
    const provinces = await t.app.inject({ method: 'GET', url: '/api/regions' });
    expect(provinces.headers['cache-control']).toBe('public, max-age=86400');
    expect(expectContract(regionListSchema, provinces).items).toContainEqual({
      code: '440000',
      name: '广东省',
      leaf: false,
    });
    const counties = await t.app.inject({ method: 'GET', url: '/api/regions?parent=440300' });
    expect(expectContract(regionListSchema, counties).items).toContainEqual({
      code: '440305',
      name: '南山区',
      leaf: true,
    });
    expectError(await t.app.inject({ method: 'GET', url: '/api/regions?parent=440305' }), 400, 'REGION_UNKNOWN');
    expectError(await t.app.inject({ method: 'GET', url: '/api/regions?parent=abc' }), 400, 'VALIDATION_FAILED');
  });
});
