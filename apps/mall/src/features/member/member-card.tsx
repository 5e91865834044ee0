import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { formatFen, type Member } from '@wematrix/shared';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { type ReactElement, useEffect, useState } from 'react';
import './member-card.scss';

/**
 * 我的's member card: the level from the last 12 months' spend and a bar to the next one.
 * Shown only when signed in; loads on sign-in and each time the page shows (an order paid or
 * refunded elsewhere moves the spend). Renders nothing until the API answers.
 */
export function MemberCard({ signedIn }: { signedIn: boolean }): ReactElement | null {
  const [member, setMember] = useState<Member | null>(null);
  const load = () => {
    if (!signedIn) return setMember(null);
    createWeMatrixClient()
      .api.member()
      .then(setMember, () => setMember(null));
  };
  useEffect(load, [signedIn]);
  useDidShow(load);
  if (!member) return null;

  return (
    <View className={`member-card member-card--${member.level} wm-member-card`}>
      <View className="member-card__top">
        <Text className="member-card__level wm-member-level">{member.label}</Text>
        <Text className="member-card__spend">近 12 个月消费 {formatFen(member.spendFen)}</Text>
      </View>
      <View className="member-card__bar">
        <View className="member-card__fill" style={{ width: `${member.progressPercent}%` }} />
      </View>
      <Text className="member-card__next wm-member-next">
        {member.nextLabel ? `再消费 ${formatFen(member.toNextFen)} 升级${member.nextLabel}` : '已是最高等级'}
      </Text>
      <Text className="member-card__benefits">{member.benefits.join(' · ')}</Text>
    </View>
  );
}
