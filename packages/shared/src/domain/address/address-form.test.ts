import { describe, expect, it } from 'vitest';
import { addressInputSchema, maskPhone } from '../../schemas/address';
import { addressLine, checkAddressForm, emptyAddressForm, fromWechatAddress } from './address-form';

const chosen = {
  userName: ' 林小满 ',
  telNumber: '13800138000',
  provinceName: '广东省',
  cityName: '深圳市',
  countyName: '南山区',
  detailInfo: '科技园南区 8 栋 1203',
};

describe('address form rules', () => {
  it('maps a WeChat address to input the API schema accepts, by code when WeChat gives one', () => {
    const byNames = fromWechatAddress(chosen);
    expect(byNames).toMatchObject({ recipient: '林小满', regionNames: ['广东省', '深圳市', '南山区'] });
    expect(addressInputSchema.safeParse(byNames).success).toBe(true);
    const byCode = fromWechatAddress({ ...chosen, nationalCode: '440305' }, true);
    expect(byCode).toMatchObject({ regionCode: '440305', isDefault: true });
    expect(byCode).not.toHaveProperty('regionNames');
  });

  it('names the first problem, in Chinese, before anything is sent', () => {
    const filled = {
      recipient: '林小满',
      phone: '138 0013 8000',
      region: { code: '440305', names: ['广东省', '深圳市', '南山区'] as [string, string, string] },
      detail: '科技园 8 栋',
      isDefault: false,
    };
    expect(checkAddressForm(emptyAddressForm())).toEqual({ problem: '请填写收货人' });
    expect(checkAddressForm({ ...filled, phone: '0755-8888' })).toEqual({ problem: '请填写 11 位手机号' });
    expect(checkAddressForm({ ...filled, region: null })).toEqual({ problem: '请选择所在地区' });
    expect(checkAddressForm({ ...filled, detail: ' ' })).toMatchObject({
      problem: expect.stringContaining('详细地址'),
    });
    const ok = checkAddressForm(filled);
    expect(ok).toEqual({
      input: {
        recipient: '林小满',
        phone: '13800138000',
        regionCode: '440305',
        detail: '科技园 8 栋',
        isDefault: false,
      },
    });
    expect(addressInputSchema.safeParse('input' in ok ? ok.input : null).success).toBe(true);
  });

  it('prints one line without repeating a municipality, and masks phones', () => {
    expect(addressLine({ province: '北京市', city: '北京市', district: '朝阳区', detail: '建国路 88 号' })).toBe(
      '北京市 朝阳区 建国路 88 号',
    );
    expect(addressLine({ province: '广东省', city: '深圳市', district: '南山区', detail: '科技园' })).toBe(
      '广东省 深圳市 南山区 科技园',
    );
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
