export default definePageConfig({
  navigationBarTitleText: '限时秒杀',
  navigationBarBackgroundColor: '#f0452d',
  navigationBarTextStyle: 'white',
  backgroundColor: '#f5f6f8',
});
