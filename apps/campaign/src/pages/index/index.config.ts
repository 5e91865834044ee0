export default definePageConfig({
  navigationBarTitleText: 'WeMatrix 活动会场',
});
