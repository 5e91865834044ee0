import Taro from '@tarojs/taro';

/** Shows an error's message (API errors carry Chinese text fit for shoppers). */
export function toastError(error: unknown, fallback = '操作失败，请稍后再试'): void {
  const title = error instanceof Error && error.message ? error.message : typeof error === 'string' ? error : fallback;
  void Taro.showToast({ title, icon: 'none', duration: 2000 });
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2000 });
}
