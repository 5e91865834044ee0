export default defineAppConfig({
  // Inject only the components a page uses (WeChat's code-quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
  pages: ['pages/index/index'],
  // Campaign pages live in subpackages: the main package and the H5 first load stay the list's.
  subPackages: [
    { root: 'pkg-flash', pages: ['flash-sale/index'] },
    { root: 'pkg-group', pages: ['activity/index', 'group/index'] },
    { root: 'pkg-bargain', pages: ['bargain/index'] },
    { root: 'pkg-lottery', pages: ['lottery/index'] },
    { root: 'pkg-presale', pages: ['presale/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pkg-flash'] },
  },
  window: {
    navigationBarBackgroundColor: '#f0452d',
    navigationBarTitleText: 'WeMatrix 活动会场',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'light',
  },
});
