export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: '#f0452d',
  navigationBarTextStyle: 'white',
});
