import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type AddressFormState, checkAddressForm, emptyAddressForm, formFromAddress } from '@wematrix/shared';
import { createWeMatrixClient, requirePrivacyConsent, toast, toastError } from '@wematrix/shared/taro';
import { DevSignInSheet, requireSession } from '@wematrix/ui';
import { PrivacySheet } from '@wematrix/ui/privacy-sheet';
import { type ReactElement, useEffect, useState } from 'react';
import { ADDRESS_PAGES } from '../../../features/address/address-events';
import { RegionPicker } from '../../../features/address/region-picker';
import './index.scss';

export default function AddressEditPage(): ReactElement {
  const { params } = useRouter();
  const id = params.id;
  const api = createWeMatrixClient().api;
  const [form, setForm] = useState<AddressFormState>(emptyAddressForm);
  const [picking, setPicking] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑收货地址' : '新增收货地址' });
    // Consent comes before the shopper types personal data, not after.
    if (!id) {
      void requirePrivacyConsent().then((agreed) => {
        if (!agreed) void Taro.navigateBack();
      });
      return;
    }
    void (async () => {
      if (!(await requireSession())) return;
      try {
        setForm(formFromAddress(await api.addresses.get(id)));
      } catch (error) {
        toastError(error);
      }
    })();
  }, [id, api]);

  const set = <K extends keyof AddressFormState>(key: K, value: AddressFormState[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));

  async function save(): Promise<void> {
    const checked = checkAddressForm(form);
    if ('problem' in checked) {
      toast(checked.problem);
      return;
    }
    if (!(await requireSession())) return;
    if (!(await requirePrivacyConsent())) {
      toast('同意隐私政策后才能保存地址');
      return;
    }
    setSaving(true);
    try {
      if (id) await api.addresses.update(id, checked.input);
      else await api.addresses.create(checked.input);
      toast('已保存');
      void Taro.navigateBack();
    } catch (error) {
      toastError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <View className="wm-page address-edit">
      <View className="address-edit__card">
        <View className="address-edit__row">
          <Text className="address-edit__label">收货人</Text>
          <Input
            className="address-edit__input address-edit__recipient"
            placeholder="名字"
            maxLength={20}
            value={form.recipient}
            onChange={(v) => set('recipient', v)}
          />
        </View>
        <View className="address-edit__row">
          <Text className="address-edit__label">手机号</Text>
          <Input
            className="address-edit__input address-edit__phone"
            placeholder="11 位手机号"
            type="number"
            maxLength={13}
            value={form.phone}
            onChange={(v) => set('phone', v)}
          />
        </View>
        <View className="address-edit__row address-edit__region" onClick={() => setPicking(true)}>
          <Text className="address-edit__label">所在地区</Text>
          <Text className={`address-edit__value ${form.region ? '' : 'is-placeholder'}`}>
            {form.region ? form.region.names.join(' ') : '省、市、区'}
          </Text>
          <Text className="address-edit__arrow">›</Text>
        </View>
        <View className="address-edit__row address-edit__row--top">
          <Text className="address-edit__label">详细地址</Text>
          <TextArea
            className="address-edit__textarea address-edit__detail"
            placeholder="街道、楼栋、门牌号"
            maxLength={120}
            rows={2}
            value={form.detail}
            onChange={(v) => set('detail', v)}
          />
        </View>
      </View>
      <View className="address-edit__card address-edit__row">
        <Text className="address-edit__label address-edit__label--wide">设为默认地址</Text>
        <Switch checked={form.isDefault} onChange={(v) => set('isDefault', v)} />
      </View>
      <Text className="address-edit__privacy">收货信息仅用于配送和售后，列表中手机号脱敏显示。</Text>
      <View className="address-edit__bar">
        <Button className="address-edit__save" type="primary" block loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
      <RegionPicker
        visible={picking}
        onClose={() => setPicking(false)}
        onPick={(region) => {
          set('region', region);
          setPicking(false);
        }}
      />
      <PrivacySheet onOpenPolicy={() => void Taro.navigateTo({ url: ADDRESS_PAGES.privacy })} />
      <DevSignInSheet />
    </View>
  );
}
