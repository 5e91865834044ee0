import Taro from '@tarojs/taro';
import type { Address } from '@wematrix/shared';

/**
 * The address list opened with ?select=1 (from checkout) hands the chosen address back
 * through Taro's event centre, then goes back: no global store for a one-off answer.
 */
export const ADDRESS_CHOSEN_EVENT = 'wm:address-chosen';

export const ADDRESS_PAGES = {
  list: '/pkg-member/address/list/index',
  edit: '/pkg-member/address/edit/index',
  privacy: '/pkg-member/privacy/index',
} as const;

/** The member centre's other pages in the same subpackage. */
export const MEMBER_PAGES = {
  coupons: '/pkg-member/coupons/index',
  points: '/pkg-member/points/index',
  pointsMall: '/pkg-member/points-mall/index',
} as const;

export function announceChosenAddress(address: Address): void {
  Taro.eventCenter.trigger(ADDRESS_CHOSEN_EVENT, address);
}

/** Opens the list in selection mode; `onChosen` runs once with the shopper's pick. */
export function chooseAddressFromBook(onChosen: (address: Address) => void): void {
  const handler = (address: Address) => {
    Taro.eventCenter.off(ADDRESS_CHOSEN_EVENT, handler);
    onChosen(address);
  };
  Taro.eventCenter.on(ADDRESS_CHOSEN_EVENT, handler);
  void Taro.navigateTo({ url: `${ADDRESS_PAGES.list}?select=1` });
}
