import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompliance, describeFindings } from './check-compliance';
import { COMPLIANCE_RULES } from './compliance-rules';

const terms = (text: string) => checkCompliance(text).map((f) => [f.ruleId, f.term]);

describe('checkCompliance', () => {
  it.each([
    ['拼团价治疗痘痘，三天见效', [['medical_claims', '治疗']]],
    ['全网最好用的面霜', [['absolute_terms', '最好']]],
    [
      '国家级配方，销量第一',
      [
        ['absolute_terms', '国家级'],
        ['absolute_terms', '第一'],
      ],
    ],
    ['本店 NO.1 爆款', [['absolute_terms', 'NO.1']]],
    ['100%有效', [['absolute_terms', '100%']]],
    [
      '零风险，保证收益，月入3万',
      [
        ['guaranteed_returns', '零风险'],
        ['guaranteed_returns', '保证收益'],
        ['guaranteed_returns', '月入3万'],
      ],
    ],
    ['分享到3个群即可领取红包', [['induced_sharing', '分享到3个群']]],
    ['转发给5个好友就能抽奖', [['induced_sharing', '转发给5个好友']]],
    ['分享后领取优惠券', [['induced_sharing', '分享后领取']]],
    ['分享得红包', [['induced_sharing', '分享得红包']]],
    ['集赞 38 个送面膜', [['induced_sharing', '集赞']]],
    [
      '药妆级修护，消炎止痒',
      [
        ['medical_claims', '药妆'],
        ['medical_claims', '消炎'],
        ['medical_claims', '止痒'],
      ],
    ],
  ] as const)('%s → its findings, in reading order', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it.each([
    '第一次拼团的新人专享',
    '第一件原价，第二件半价',
    '100%纯棉，亲肤透气',
    '邀请好友一起拼，成团立享拼团价',
    '好友帮砍一刀，价格更低',
    '限量预售，阶梯涨价',
    '温和不刺激，敏感肌可用',
    '最大码为 XXL',
    '非处方说明',
  ])('passes ordinary copy that merely contains a banned term or none: %s', (text) => {
    expect(checkCompliance(text)).toEqual([]);
  });

  it('gives each finding its position, its rule and the rule’s source', () => {
    const [finding] = checkCompliance('这款精华能治愈痘印');
    expect(finding).toEqual({
      ruleId: 'medical_claims',
      ruleName: '医疗用语 / 功效宣称（化妆品、食品）',
      source: expect.stringContaining('《中华人民共和国广告法》第十七条'),
      term: '治愈',
      start: 5,
      end: 7,
    });
    expect('这款精华能治愈痘印'.slice(finding?.start, finding?.end)).toBe('治愈');
    expect(describeFindings(checkCompliance('最佳治疗'))).toBe(
      '「最佳」属于绝对化用语；「治疗」属于医疗用语 / 功效宣称（化妆品、食品）',
    );
  });

  it('checks only the rules asked for', () => {
    expect(checkCompliance('最好的治疗', { rules: ['absolute_terms'] }).map((f) => f.term)).toEqual(['最好']);
  });

  it('names a source for every rule and keeps allowed words free of the rule’s own whole terms', () => {
    for (const rule of COMPLIANCE_RULES) {
      expect(rule.source.length).toBeGreaterThan(5);
      for (const word of rule.allowed) expect(rule.terms).not.toContain(word);
    }
  });

  it('never reports overlapping findings of one rule, and every finding is the text at its span (property)', () => {
    const pieces = ['最好', '第一次', '治疗', '分享到3个群', '好物', '100%纯棉', '第一', '，', '集赞', '面霜'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const found = checkCompliance(text);
        for (const f of found) if (text.slice(f.start, f.end) !== f.term) return false;
        for (const a of found)
          for (const b of found)
            if (a !== b && a.ruleId === b.ruleId && a.start < b.end && b.start < a.end) return false;
        return true;
      }),
      { seed: 20261206 },
    );
  });
});
