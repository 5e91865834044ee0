export default definePageConfig({
  navigationBarTitleText: '砍价',
  navigationBarBackgroundColor: '#f0452d',
  navigationBarTextStyle: 'white',
  backgroundColor: '#f5f6f8',
  enableShareAppMessage: true,
});
