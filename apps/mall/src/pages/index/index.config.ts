export default definePageConfig({
  navigationBarTitleText: 'WeMatrix 商城',
  navigationBarBackgroundColor: '#f0452d',
  navigationBarTextStyle: 'white',
});
