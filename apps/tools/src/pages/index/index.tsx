import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SKIN_QUESTIONS } from '@wematrix/shared';
import { DevSignInSheet } from '@wematrix/ui';
import type { ReactElement } from 'react';
import { ToolsHeader } from '../../features/recommend/tools-header';
import './index.scss';

const TOOLS = [
  {
    id: 'skin',
    url: '/pkg-quiz/skin-test/index',
    title: '肤质测试',
    subtitle: `${SKIN_QUESTIONS.length} 道题，1 分钟测出你的肤质`,
    points: ['干性 · 油性 · 混合 · 中性 · 敏感', '附护肤建议和适合的产品'],
    cta: '开始测试',
    mark: '肤',
  },
  {
    id: 'size',
    url: '/pkg-quiz/size/index',
    title: '尺码测量',
    subtitle: '填 4 个数字，推荐你的尺码',
    points: ['身高 · 体重 · 胸围 · 腰围', 'S 到 XL，附尺码对照表'],
    cta: '测一测',
    mark: '尺',
  },
] as const;

export default function ToolsHomePage(): ReactElement {
  return (
    <View className="wm-page tools-home">
      <ToolsHeader />
      <View className="tools-home__hero">
        <Text className="tools-home__title">美丽工具箱</Text>
        <Text className="tools-home__subtitle">先了解自己，再挑对好物</Text>
      </View>
      {TOOLS.map((tool) => (
        <View
          key={tool.id}
          className={`tool-card wm-tool-card wm-tool-card--${tool.id}`}
          onClick={() => void Taro.navigateTo({ url: tool.url })}
        >
          <View className="tool-card__main">
            <Text className="tool-card__title">{tool.title}</Text>
            <Text className="tool-card__subtitle">{tool.subtitle}</Text>
            {tool.points.map((point) => (
              <Text key={point} className="tool-card__point">
                ✓ {point}
              </Text>
            ))}
            <Text className="tool-card__cta">{tool.cta} ›</Text>
          </View>
          <Text className="tool-card__mark">{tool.mark}</Text>
        </View>
      ))}
      <View className="tools-home__note">测试结果仅供参考；推荐商品在 WeMatrix 商城中打开，购物车三端共享。</View>
      <DevSignInSheet />
    </View>
  );
}
