export default definePageConfig({
  navigationBarTitleText: 'WeMatrix 美丽工具',
});
