/// <reference path="./build-constants.d.ts" />
import Taro from '@tarojs/taro';
import { type AppPage, appLink, h5Url, type LinkParams, linkPathWithQuery } from '../app-links/app-links';
import type { AppName } from '../schemas/common';

function appIdOf(app: AppName): string {
  if (app === 'mall') return WECHAT_MALL_APPID;
  if (app === 'campaign') return WECHAT_CAMPAIGN_APPID;
  return WECHAT_TOOLS_APPID;
}

/**
 * Opens a page of any of the three apps. Same app: an in-app navigation (tab pages via
 * switchTab, which cannot carry a query). Another app: `navigateToMiniProgram` in WeChat;
 * in H5 a plain URL, because navigateToMiniProgram is a silent no-op there.
 * `openApp('mall', '/pkg-goods/product/index', { id: 'p-1' })`.
 */
export async function openApp<A extends AppName>(
  app: A,
  path: AppPage<A>,
  params: LinkParams = {},
  options: { tabPages?: readonly string[] } = {},
): Promise<void> {
  const link = appLink(app, path, params);
  if (app === WEMATRIX_APP) {
    if (options.tabPages?.includes(path)) {
      await Taro.switchTab({ url: path });
      return;
    }
    await Taro.navigateTo({ url: linkPathWithQuery(link) });
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = h5Url(window.location.origin, link);
    return;
  }
  const appId = appIdOf(app);
  if (!appId) {
    await Taro.showToast({ title: '未配置目标小程序 appid', icon: 'none' });
    return;
  }
  // Mini-program paths are written without the leading slash.
  await Taro.navigateToMiniProgram({ appId, path: linkPathWithQuery(link).replace(/^\//, '') });
}
