/**
 * Shipping fee: one rule for the whole shop, kept as data so an operator can change it
 * without code. Provinces are matched by name ("新疆维吾尔自治区", or the short "新疆") or by
 * the GB/T 2260 administrative code ("650000", or any city/district code inside it such as
 * "650102"), whichever the address carries.
 */
export interface RemoteProvince {
  /** Province-level code, 6 digits ending in 0000 (GB/T 2260). */
  code: string;
  /** Short name the full name starts with: "新疆" matches "新疆维吾尔自治区". */
  name: string;
}

export interface ShippingRule {
  /** Goods amount after the coupon at or above which the base fee is waived. */
  freeThresholdFen: number;
  /** Fee below the threshold. */
  baseFeeFen: number;
  /** Added for a remote province whether or not the threshold is reached (偏远地区不包邮). */
  remoteSurchargeFen: number;
  remoteProvinces: readonly RemoteProvince[];
}

/** The province part of a delivery address; either field is enough. */
export interface ShippingRegion {
  province?: string | null;
  /** Province, city or district code. */
  regionCode?: string | null;
}

/** Remote provinces most Chinese shops charge extra for (by courier price lists). */
export const DEFAULT_REMOTE_PROVINCES: readonly RemoteProvince[] = [
  { code: '650000', name: '新疆' },
  { code: '540000', name: '西藏' },
  { code: '630000', name: '青海' },
  { code: '150000', name: '内蒙古' },
  { code: '640000', name: '宁夏' },
  { code: '620000', name: '甘肃' },
];

/** 满 ¥99 包邮, otherwise ¥8; remote provinces pay ¥12 more. */
export const DEFAULT_SHIPPING_RULE: ShippingRule = {
  freeThresholdFen: 9900,
  baseFeeFen: 800,
  remoteSurchargeFen: 1200,
  remoteProvinces: DEFAULT_REMOTE_PROVINCES,
};

/** True when the region lies in one of the rule's remote provinces. */
export function isRemoteRegion(
  region: ShippingRegion | null | undefined,
  provinces: readonly RemoteProvince[],
): boolean {
  if (!region) return false;
  const code = region.regionCode?.trim() ?? '';
  const name = region.province?.trim() ?? '';
  return provinces.some(
    (p) => (code.length >= 2 && code.slice(0, 2) === p.code.slice(0, 2)) || (name !== '' && name.startsWith(p.name)),
  );
}

/**
 * The fee for goods worth `goodsFen` (after the coupon, before points: points are a way to
 * pay, not a price cut the threshold should ignore). Without a region no surcharge applies;
 * the API asks for an address before an order is placed.
 *
 * @example shippingFee(5000, { province: '新疆' }, DEFAULT_SHIPPING_RULE) // 2000 (800 + 1200)
 */
export function shippingFee(goodsFen: number, region: ShippingRegion | null | undefined, rule: ShippingRule): number {
  const base = goodsFen >= rule.freeThresholdFen ? 0 : rule.baseFeeFen;
  const surcharge = isRemoteRegion(region, rule.remoteProvinces) ? rule.remoteSurchargeFen : 0;
  return base + surcharge;
}
