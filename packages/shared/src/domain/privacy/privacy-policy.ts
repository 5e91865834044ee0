/**
 * The shopper-facing privacy policy (《WeMatrix 隐私政策》), as data: the three apps show the
 * same text, and a brand edits one file. Under the PIPL (个人信息保护法) art. 17 a shopper must
 * be told, before collection, who processes which data, why, how long, and how to exercise
 * their rights; WeChat's review asks the mini-program's 用户隐私保护指引 to match it.
 * Bump PRIVACY_POLICY_VERSION (privacy-version.ts) when the content changes.
 */

export interface PolicySection {
  title: string;
  paragraphs: string[];
}

export const PRIVACY_POLICY: { title: string; updated: string; sections: PolicySection[] } = {
  title: 'WeMatrix 隐私政策',
  updated: '更新日期：2026 年 12 月 4 日',
  sections: [
    {
      title: '我们是谁',
      paragraphs: [
        '本政策适用于品牌商城、活动会场和美丽工具箱三个小程序（以下合称“我们的服务”）。三个小程序使用同一账号体系，你的购物车、订单和地址在三者之间共享。',
      ],
    },
    {
      title: '我们收集哪些信息，用来做什么',
      paragraphs: [
        '账号信息：微信授权登录时获得的 OpenID / UnionID，用于识别你的账号、在三个小程序间同步购物车。我们不获取你的微信好友关系。',
        '收货信息：收货人姓名、手机号、所在地区和详细地址，仅在你填写或从微信导入时收集，用于配送、售后和联系你。',
        '交易信息：订单、支付状态、退款和售后记录，用于履约、开具凭证和处理纠纷；支付由微信支付完成，我们不接触你的银行卡信息。',
        '图片：你在评价或申请售后时主动上传的照片，仅用于展示评价或处理售后。',
        '测试结果：肤质测试和尺码测量的答案与结果，用于为你推荐合适的商品和尺码；你可以随时重新测试或删除。',
      ],
    },
    {
      title: '我们如何共享信息',
      paragraphs: [
        '为完成配送，我们会把收货信息提供给承运的快递公司；为完成支付和退款，我们会把订单号和金额提供给微信支付。除此之外，未经你的单独同意，我们不会向第三方提供你的个人信息。',
      ],
    },
    {
      title: '保存期限与安全',
      paragraphs: [
        '订单和交易记录依《电子商务法》保存不少于三年；其他信息在实现目的所需的最短期限内保存，注销账号后删除或匿名化。信息传输使用 HTTPS 加密，内部按岗位最小授权访问，客服和运营人员看到的手机号和地址均脱敏显示。',
      ],
    },
    {
      title: '你的权利',
      paragraphs: [
        '你可以在“我的”中查看、更正和删除收货地址，查看订单和测试记录；如需复制个人信息、撤回同意或注销账号，请通过“联系客服”提出，我们将在 15 个工作日内答复。撤回同意不影响撤回前基于同意已进行的处理。',
      ],
    },
    {
      title: '未成年人',
      paragraphs: ['如果你未满 14 周岁，请在监护人的陪同下阅读本政策，并在取得监护人同意后使用我们的服务。'],
    },
    {
      title: '联系我们',
      paragraphs: ['对本政策有任何疑问，可通过“我的 - 联系客服”与我们联系。'],
    },
  ],
};

/** The short notice shown before the first collection of personal data. */
export const PRIVACY_NOTICE =
  '为了给你配送商品、处理订单和售后，我们需要收集你的收货信息。请阅读《WeMatrix 隐私政策》，了解我们如何收集、使用和保护你的个人信息。';
