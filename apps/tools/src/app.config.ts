export default defineAppConfig({
  // Inject only the components a page uses (WeChat's code-quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
  pages: ['pages/index/index', 'pages/skin-test/index', 'pages/size/index'],
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'WeMatrix 美丽工具',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'light',
  },
});
