export default definePageConfig({
  navigationBarTitleText: '拼团',
  navigationBarBackgroundColor: '#f0452d',
  navigationBarTextStyle: 'white',
  backgroundColor: '#f5f6f8',
  enableShareAppMessage: true,
});
