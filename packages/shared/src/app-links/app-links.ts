import type { AppName } from '../schemas/common';

/**
 * The one map of cross-app destinations. A link is data ({ app, path, params }); the
 * platform layer turns it into `navigateToMiniProgram` in WeChat or a URL in H5.
 */
export const APP_PAGES = {
  mall: {
    home: '/pages/index/index',
    category: '/pages/category/index',
    product: '/pkg-goods/product/index',
    cart: '/pages/cart/index',
    me: '/pages/me/index',
    orderDetail: '/pkg-order/detail/index',
    orders: '/pkg-order/list/index',
    addresses: '/pkg-member/address/list/index',
  },
  campaign: {
    home: '/pages/index/index',
    flashSale: '/pkg-flash/flash-sale/index',
  },
  tools: {
    home: '/pages/index/index',
    skinTest: '/pkg-quiz/skin-test/index',
    size: '/pkg-quiz/size/index',
  },
} as const satisfies Record<AppName, Record<string, `/${string}/index`>>;

export type AppPage<A extends AppName> = Extract<(typeof APP_PAGES)[A][keyof (typeof APP_PAGES)[A]], string>;

export type LinkParams = Record<string, string | number | boolean | undefined>;

export interface AppLink {
  app: AppName;
  path: string;
  params: Record<string, string>;
}

/** Builds a link, dropping undefined params. `appLink('mall', '/pkg-goods/product/index', { id: 'p1' })`. */
export function appLink<A extends AppName>(app: A, path: AppPage<A>, params: LinkParams = {}): AppLink {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) clean[key] = String(value);
  }
  return { app, path, params: clean };
}

/** `path?a=1&b=2` with keys sorted so the same link always has the same text. */
export function linkPathWithQuery(link: Pick<AppLink, 'path' | 'params'>): string {
  const query = Object.keys(link.params)
    .sort()
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(link.params[key] ?? '')}`)
    .join('&');
  return query ? `${link.path}?${query}` : link.path;
}

/**
 * H5 URL of a link: each app is served under `/<app>/` with a hash router, so
 * `h5Url('http://localhost:3000', link)` -> `http://localhost:3000/campaign/#/pages/index/index?x=1`.
 */
export function h5Url(origin: string, link: Pick<AppLink, 'app' | 'path' | 'params'>): string {
  return `${origin.replace(/\/$/, '')}/${link.app}/#${linkPathWithQuery(link)}`;
}
