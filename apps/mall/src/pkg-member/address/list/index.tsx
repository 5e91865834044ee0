import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { type Address, addressLine, fromWechatAddress, maskPhone } from '@wematrix/shared';
import { createWeMatrixClient, toast, toastError } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, requireSession } from '@wematrix/ui';
import { PrivacySheet } from '@wematrix/ui/privacy-sheet';
import { type ReactElement, useState } from 'react';
import { ADDRESS_PAGES, announceChosenAddress } from '../../../features/address/address-events';
import './index.scss';

export default function AddressListPage(): ReactElement {
  const { params } = useRouter();
  const selecting = params.select === '1';
  const api = createWeMatrixClient().api;
  const [items, setItems] = useState<Address[] | null>(null);
  const [max, setMax] = useState(20);

  async function reload(): Promise<void> {
    if (!(await requireSession())) return;
    try {
      const book = await api.addresses.list();
      setItems(book.items);
      setMax(book.max);
    } catch (error) {
      toastError(error);
    }
  }
  useDidShow(() => void reload());

  function pick(address: Address): void {
    if (!selecting) return;
    announceChosenAddress(address);
    void Taro.navigateBack();
  }

  async function makeDefault(address: Address): Promise<void> {
    try {
      setItems((await api.addresses.makeDefault(address.id)).items);
    } catch (error) {
      toastError(error);
    }
  }

  async function remove(address: Address): Promise<void> {
    const { confirm } = await Taro.showModal({
      title: '删除地址',
      content: `确定删除 ${address.recipient} 的这个地址吗？`,
    });
    if (!confirm) return;
    try {
      setItems((await api.addresses.remove(address.id)).items);
      toast('已删除');
    } catch (error) {
      toastError(error);
    }
  }

  // 导入微信地址: WeChat's own address book (asks the shopper; nothing is read without a tap).
  async function importFromWechat(): Promise<void> {
    try {
      const chosen = await Taro.chooseAddress();
      const saved = await api.addresses.create(fromWechatAddress(chosen, (items ?? []).length === 0));
      toast('已导入');
      if (selecting) pick(saved);
      else await reload();
    } catch (error) {
      // Closing WeChat's sheet rejects with "cancel": not an error to show.
      if (String((error as { errMsg?: string })?.errMsg ?? '').includes('cancel')) return;
      toastError(error, '导入失败，请手动填写');
    }
  }

  const full = items !== null && items.length >= max;
  const weapp = process.env.TARO_ENV === 'weapp';

  return (
    <View className="wm-page address-list">
      {items === null ? (
        <View className="address-list__loading">加载中…</View>
      ) : items.length === 0 ? (
        <EmptyState title="还没有收货地址" hint="添加一个地址，下单时一键选用" />
      ) : (
        items.map((address) => (
          <View key={address.id} className="address-card" onClick={() => pick(address)}>
            <View className="address-card__main">
              <View className="address-card__who">
                <Text className="address-card__name">{address.recipient}</Text>
                <Text className="address-card__phone">{maskPhone(address.phone)}</Text>
                {address.isDefault ? <Text className="address-card__tag">默认</Text> : null}
              </View>
              <Text className="address-card__line">{addressLine(address)}</Text>
            </View>
            <View className="address-card__actions">
              <Text
                className={`address-card__default ${address.isDefault ? 'is-on' : ''}`}
                onClick={(e) => {
                  e.stopPropagation();
                  if (!address.isDefault) void makeDefault(address);
                }}
              >
                <Text className="address-card__dot" />
                {address.isDefault ? '默认地址' : '设为默认'}
              </Text>
              <View className="address-card__ops">
                <Text
                  className="address-card__op"
                  onClick={(e) => {
                    e.stopPropagation();
                    void Taro.navigateTo({ url: `${ADDRESS_PAGES.edit}?id=${address.id}` });
                  }}
                >
                  编辑
                </Text>
                <Text
                  className="address-card__op"
                  onClick={(e) => {
                    e.stopPropagation();
                    void remove(address);
                  }}
                >
                  删除
                </Text>
              </View>
            </View>
          </View>
        ))
      )}
      <View className="address-list__bar">
        {weapp ? (
          <Button
            className="address-list__wechat"
            fill="outline"
            type="primary"
            disabled={full}
            onClick={() => void importFromWechat()}
          >
            导入微信地址
          </Button>
        ) : null}
        <Button
          className="address-list__add"
          type="primary"
          disabled={full}
          onClick={() => void Taro.navigateTo({ url: ADDRESS_PAGES.edit })}
        >
          {full ? `最多 ${max} 个地址` : '新增收货地址'}
        </Button>
      </View>
      <Text
        className="address-list__policy wm-open-privacy"
        onClick={() => void Taro.navigateTo({ url: ADDRESS_PAGES.privacy })}
      >
        《WeMatrix 隐私政策》
      </Text>
      <PrivacySheet onOpenPolicy={() => void Taro.navigateTo({ url: ADDRESS_PAGES.privacy })} />
      <DevSignInSheet />
    </View>
  );
}
