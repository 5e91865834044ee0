export default definePageConfig({
  navigationBarTitleText: '幸运抽奖',
  navigationBarBackgroundColor: '#e8341c',
  navigationBarTextStyle: 'white',
  backgroundColor: '#f5f6f8',
  enableShareAppMessage: true,
});
