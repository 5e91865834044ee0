export default defineAppConfig({
  // Inject only the components a page uses (WeChat's code-quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
  pages: ['pages/index/index'],
  window: {
    navigationBarBackgroundColor: '#f0452d',
    navigationBarTitleText: 'WeMatrix 活动会场',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'light',
  },
});
