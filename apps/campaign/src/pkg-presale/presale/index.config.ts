export default definePageConfig({
  navigationBarTitleText: '新品预售',
  navigationBarBackgroundColor: '#1f1a2e',
  navigationBarTextStyle: 'white',
  backgroundColor: '#f5f6f8',
});
