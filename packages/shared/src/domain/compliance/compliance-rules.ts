/**
 * The compliance checker's word lists, as data: what each rule bans, the ordinary words that
 * merely contain a banned term (and must pass), and where the rule comes from. The checker
 * (check-compliance.ts) is one pure function over these; the console (issue 12), articles and
 * tool results, and the operators' campaign saves all use it. Lists are a reading of the
 * sources for a storefront's copy, not legal advice; brands extend them in review.
 */

export type ComplianceRuleId = 'absolute_terms' | 'medical_claims' | 'guaranteed_returns' | 'induced_sharing';

export interface ComplianceRule {
  id: ComplianceRuleId;
  /** Shown to operators next to each finding. */
  name: string;
  /** The law or platform rule, named so a reviewer can look it up. */
  source: string;
  /** Banned terms, matched as written (case-insensitive for Latin letters). */
  terms: readonly string[];
  /** Banned patterns (RegExp sources, matched globally) for phrasings with numbers or variants. */
  patterns?: readonly string[];
  /** Ordinary words that contain a banned term; an occurrence inside one of them passes. */
  allowed: readonly string[];
}

export const COMPLIANCE_RULES: readonly ComplianceRule[] = [
  {
    id: 'absolute_terms',
    name: '绝对化用语',
    source: '《中华人民共和国广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语',
    terms: [
      '国家级',
      '世界级',
      '全球级',
      '宇宙级',
      '最高级',
      '最佳',
      '最好',
      '最优',
      '最强',
      '最大',
      '最低价',
      '最便宜',
      '最先进',
      '最具',
      '最受欢迎',
      '最畅销',
      '第一',
      'NO.1',
      'No1',
      'TOP1',
      'TOP.1',
      '唯一',
      '独一无二',
      '顶级',
      '顶尖',
      '极品',
      '极致',
      '万能',
      '绝对',
      '史无前例',
      '前无古人',
      '绝无仅有',
      '100%',
      '百分之百',
      '全网销量冠军',
      '销量冠军',
      '国家免检',
      '领导品牌',
      '王牌',
    ],
    allowed: [
      // 第一 as an ordinal, not a rank.
      '第一次',
      '第一步',
      '第一天',
      '第一件',
      '第一单',
      '第一眼',
      '第一口',
      '第一季',
      '第一期',
      '第一批',
      '第一阶段',
      '第一时间',
      '第一档',
      '第一人称',
      // 100% as a measured composition, not a promise.
      '100%纯棉',
      '100%棉',
      '100%羊毛',
      '100%羊绒',
      '100%真丝',
      '100%桑蚕丝',
      '100%亚麻',
      '100%新西兰',
      // Ordinary words.
      '最大号',
      '最大码',
      '唯一码',
    ],
  },
  {
    id: 'medical_claims',
    name: '医疗用语 / 功效宣称（化妆品、食品）',
    source:
      '《中华人民共和国广告法》第十七条（非医疗广告不得涉及疾病治疗功能、不得使用医疗用语）；《化妆品监督管理条例》第三十七条、第四十三条',
    terms: [
      '治疗',
      '治愈',
      '根治',
      '疗效',
      '药用',
      '药妆',
      '处方',
      '消炎',
      '抗炎',
      '杀菌',
      '抗菌',
      '抑菌',
      '止痒',
      '抗过敏',
      '脱敏',
      '除螨',
      '生发',
      '防脱',
      '激素',
      '医学配方',
      '医用级',
      '无副作用',
      '祛疤',
      '溶脂',
      '丰胸',
      '排毒',
    ],
    allowed: ['非处方'],
  },
  {
    id: 'guaranteed_returns',
    name: '保证收益 / 零风险承诺',
    source: '《中华人民共和国广告法》第二十五条（不得对未来效果、收益作出保证性承诺）',
    terms: ['保本', '稳赚', '零风险', '无风险', '保证收益', '躺赚', '稳赚不赔', '包赚', '一本万利'],
    patterns: ['月入\\s*[0-9一二三四五六七八九十百千万]+', '日赚\\s*[0-9一二三四五六七八九十百千万]+'],
    allowed: [],
  },
  {
    id: 'induced_sharing',
    name: '诱导分享',
    source:
      '《微信外部链接内容管理规范》诱导分享类：不得要求分享后方可继续操作，不得以奖励诱导分享、诱导添加；《微信小程序平台运营规范》',
    terms: ['集赞', '不分享', '未分享', '分享即可', '转发即可', '分享才能', '转发才能', '分享解锁', '转发解锁'],
    patterns: [
      '(分享|转发)(到|至|给)\\s*[0-9一二三四五六七八九十几多]+\\s*个?\\s*(群|微信群|好友|朋友|人)',
      '(分享|转发)(到|至)?(朋友圈|群)?\\s*(后|即|就)\\s*(可|能)?\\s*(领取|获得|解锁|得|领|抽|送)',
      '(分享|转发)(得|领|送|抽)(红包|现金|奖|券|礼)',
      '(分享|转发)(有礼|有奖|赢)',
    ],
    allowed: [],
  },
];
