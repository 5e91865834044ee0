export default defineAppConfig({
  // Inject only the components a page uses (WeChat's code-quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
  pages: ['pages/index/index', 'pages/category/index', 'pages/cart/index', 'pages/me/index'],
  // Pages not needed at launch live in subpackages so the main package stays small; the
  // product page is preloaded from the tab pages, so opening it from a list feels instant.
  subPackages: [
    { root: 'pkg-goods', pages: ['product/index', 'search/index'] },
    {
      root: 'pkg-member',
      pages: [
        'address/list/index',
        'address/edit/index',
        'privacy/index',
        'coupons/index',
        'points/index',
        'points-mall/index',
      ],
    },
    {
      root: 'pkg-order',
      pages: ['checkout/index', 'detail/index', 'list/index', 'review/index', 'after-sale/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pkg-goods'] },
    'pages/category/index': { network: 'all', packages: ['pkg-goods'] },
    'pages/cart/index': { network: 'all', packages: ['pkg-order'] },
  },
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'WeMatrix 商城',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'light',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#f0452d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tab/category.png',
        selectedIconPath: 'assets/tab/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab/cart.png',
        selectedIconPath: 'assets/tab/cart-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
