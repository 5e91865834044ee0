import { areaList } from '@vant/area-data';

/**
 * China's administrative divisions (province → city → county, GB/T 2260 codes) from Vant's
 * maintained data package (@vant/area-data, by Youzan's front-end team, updated with the
 * Ministry of Civil Affairs' releases). Only the API loads it (~160 KB): the apps ask for
 * one level at a time, so no mini-program package carries the table.
 */
export interface ResolvedRegion {
  code: string;
  province: string;
  city: string;
  district: string;
}

const provinceCode = (code: string) => `${code.slice(0, 2)}0000`;
const cityCode = (code: string) => `${code.slice(0, 4)}00`;

/** The full names of a county code, or undefined when it is not a current county code. */
export function regionByCode(code: string): ResolvedRegion | undefined {
  const district = areaList.county_list[code];
  const city = areaList.city_list[cityCode(code)];
  const province = areaList.province_list[provinceCode(code)];
  if (!district || !city || !province) return undefined;
  return { code, province, city, district };
}

/** Names compare without the administrative suffix WeChat sometimes drops (省, 市 …). */
function sameName(a: string, b: string): boolean {
  const strip = (s: string) => s.trim().replace(/(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$/, '');
  return a.trim() === b.trim() || strip(a) === strip(b);
}

/**
 * The county that province/city/district names (as WeChat's chooseAddress gives them) point
 * at. The city is only a tie-break: for 重庆市 WeChat says 重庆市 where the data says 县.
 */
export function regionByNames([province, city, district]: readonly [string, string, string]):
  | ResolvedRegion
  | undefined {
  const provinceEntry = Object.entries(areaList.province_list).find(([, name]) => sameName(name, province));
  if (!provinceEntry) return undefined;
  const prefix = provinceEntry[0].slice(0, 2);
  const candidates = Object.keys(areaList.county_list).filter(
    (code) => code.startsWith(prefix) && sameName(areaList.county_list[code] ?? '', district),
  );
  const inCity = candidates.filter((code) => sameName(areaList.city_list[cityCode(code)] ?? '', city));
  const [code] = inCity.length > 0 ? inCity : candidates;
  return code && (inCity.length === 1 || candidates.length === 1) ? regionByCode(code) : undefined;
}

/** One picker level: provinces, a province's cities or a city's counties (sorted by code). */
export function childRegions(parent?: string): Array<{ code: string; name: string; leaf: boolean }> | undefined {
  if (parent === undefined) return level(areaList.province_list, () => true, false);
  if (parent.endsWith('0000') && areaList.province_list[parent]) {
    return level(areaList.city_list, (code) => code.startsWith(parent.slice(0, 2)), false);
  }
  if (parent.endsWith('00') && areaList.city_list[parent]) {
    return level(areaList.county_list, (code) => code.startsWith(parent.slice(0, 4)), true);
  }
  return undefined;
}

function level(list: Record<string, string>, keep: (code: string) => boolean, leaf: boolean) {
  return Object.keys(list)
    .filter(keep)
    .sort()
    .map((code) => ({ code, name: list[code] ?? '', leaf }));
}
