import type { Address, AddressInput } from '../../schemas/address';

/** What WeChat's `chooseAddress` (导入微信地址) answers, the fields we use. */
export interface WechatChosenAddress {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  /** Street, building and room; newer base libraries also give streetName separately. */
  detailInfo: string;
  /** The county's code (国家码); some base-library versions leave it empty. */
  nationalCode?: string;
}

/** A WeChat address as our form input: the API resolves the names if the code is missing. */
export function fromWechatAddress(chosen: WechatChosenAddress, isDefault = false): AddressInput {
  const code = chosen.nationalCode && /^\d{6}$/.test(chosen.nationalCode) ? chosen.nationalCode : undefined;
  return {
    recipient: chosen.userName.trim().slice(0, 20),
    phone: chosen.telNumber,
    ...(code
      ? { regionCode: code }
      : { regionNames: [chosen.provinceName, chosen.cityName, chosen.countyName] as [string, string, string] }),
    detail: chosen.detailInfo.trim().slice(0, 120),
    isDefault,
  };
}

/** The address form's fields, as the edit page holds them. */
export interface AddressFormState {
  recipient: string;
  phone: string;
  region: { code: string; names: [string, string, string] } | null;
  detail: string;
  isDefault: boolean;
}

export const emptyAddressForm = (): AddressFormState => ({
  recipient: '',
  phone: '',
  region: null,
  detail: '',
  isDefault: false,
});

export function formFromAddress(address: Address): AddressFormState {
  return {
    recipient: address.recipient,
    phone: address.phone,
    region: { code: address.regionCode, names: [address.province, address.city, address.district] },
    detail: address.detail,
    isDefault: address.isDefault,
  };
}

/**
 * The first problem with the form, in words for the shopper, or the input to send. The API
 * checks again (and knows the division data); this only saves a round trip for the usual slips.
 */
export function checkAddressForm(form: AddressFormState): { problem: string } | { input: AddressInput } {
  const phone = form.phone.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (!form.recipient.trim()) return { problem: '请填写收货人' };
  if (!/^1[3-9]\d{9}$/.test(phone)) return { problem: '请填写 11 位手机号' };
  if (!form.region) return { problem: '请选择所在地区' };
  if (form.detail.trim().length < 2) return { problem: '请填写详细地址（街道、楼栋、门牌号）' };
  return {
    input: {
      recipient: form.recipient.trim(),
      phone,
      regionCode: form.region.code,
      detail: form.detail.trim(),
      isDefault: form.isDefault,
    },
  };
}

/** One line for lists and checkout: 广东省 深圳市 南山区 科技园… */
export function addressLine(address: Pick<Address, 'province' | 'city' | 'district' | 'detail'>): string {
  // Municipalities repeat themselves (北京市 北京市): say it once.
  const city = address.city === address.province ? '' : ` ${address.city}`;
  return `${address.province}${city} ${address.district} ${address.detail}`;
}
