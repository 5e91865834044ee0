import Taro from '@tarojs/taro';

export const TAB_PAGES = [
  '/pages/index/index',
  '/pages/category/index',
  '/pages/cart/index',
  '/pages/me/index',
] as const;

export function openProduct(productId: string): void {
  void Taro.navigateTo({ url: `/pkg-goods/product/index?id=${encodeURIComponent(productId)}` });
}
