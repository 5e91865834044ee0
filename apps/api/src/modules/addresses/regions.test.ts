import { describe, expect, it } from 'vitest';
import { childRegions, regionByCode, regionByNames } from './regions';

describe('regions (administrative divisions)', () => {
  it('names a county code in full, and refuses a city, a province or nonsense', () => {
    expect(regionByCode('110105')).toEqual({ code: '110105', province: '北京市', city: '北京市', district: '朝阳区' });
    expect(regionByCode('440305')).toMatchObject({ province: '广东省', city: '深圳市', district: '南山区' });
    for (const code of ['110100', '110000', '999999', '000000']) expect(regionByCode(code)).toBeUndefined();
  });

  it.each([
    [['广东省', '深圳市', '南山区'], '440305'],
    [['广东', '深圳', '南山区'], '440305'],
    [['北京市', '北京市', '朝阳区'], '110105'],
    // WeChat names the city 重庆市 where the division data says 县.
    [['重庆市', '重庆市', '巫山县'], '500237'],
  ] as const)('resolves WeChat names %j', (names, code) => {
    expect(regionByNames(names)?.code).toBe(code);
  });

  it('does not guess between same-named counties of one province when the city does not decide', () => {
    // 朝阳区 exists in Beijing and in Changchun (吉林省): the province decides.
    expect(regionByNames(['吉林省', '长春市', '朝阳区'])?.code).toBe('220104');
    expect(regionByNames(['北京市', '北京市', '不存在区'])).toBeUndefined();
    expect(regionByNames(['火星省', '北京市', '朝阳区'])).toBeUndefined();
  });

  it('lists one picker level at a time', () => {
    const provinces = childRegions() ?? [];
    expect(provinces.length).toBeGreaterThanOrEqual(34);
    expect(provinces[0]).toEqual({ code: '110000', name: '北京市', leaf: false });
    expect(childRegions('440000')?.find((c) => c.name === '深圳市')).toEqual({
      code: '440300',
      name: '深圳市',
      leaf: false,
    });
    expect(childRegions('440300')?.find((c) => c.name === '南山区')).toEqual({
      code: '440305',
      name: '南山区',
      leaf: true,
    });
    expect(childRegions('440305')).toBeUndefined();
    expect(childRegions('990000')).toBeUndefined();
  });
});
