import { Text, View } from '@tarojs/components';
import { PRIVACY_POLICY } from '@wematrix/shared';
import type { ReactElement } from 'react';
import './index.scss';

/** 《WeMatrix 隐私政策》, from the shared policy data (the same text in all three apps). */
export default function PrivacyPolicyPage(): ReactElement {
  return (
    <View className="wm-page privacy">
      <Text className="privacy__title">{PRIVACY_POLICY.title}</Text>
      <Text className="privacy__updated">{PRIVACY_POLICY.updated}</Text>
      {PRIVACY_POLICY.sections.map((section) => (
        <View key={section.title} className="privacy__section">
          <Text className="privacy__heading">{section.title}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph.slice(0, 16)} className="privacy__para">
              {paragraph}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
