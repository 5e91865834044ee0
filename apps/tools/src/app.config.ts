export default defineAppConfig({
  // Inject only the components a page uses (WeChat's code-quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
  pages: ['pages/index/index'],
  // The two quizzes load on demand; preloaded from home so the first tap doesn't wait.
  subPackages: [{ root: 'pkg-quiz', pages: ['skin-test/index', 'size/index'] }],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pkg-quiz'] },
  },
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'WeMatrix 美丽工具',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'light',
  },
});
