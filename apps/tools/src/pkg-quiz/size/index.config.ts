export default definePageConfig({
  navigationBarTitleText: '尺码测量',
});
