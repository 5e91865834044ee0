import { TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  AFTER_SALE_KIND_LABELS,
  AFTER_SALE_REASON_LABELS,
  AFTER_SALE_REASONS,
  type AfterSaleKind,
  type AfterSaleReason,
  formatFen,
  type Order,
  type UploadResponse,
} from '@wematrix/shared';
import { createWeMatrixClient, toast, toastError } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, requireSession } from '@wematrix/ui';
import { type ReactElement, useEffect, useState } from 'react';
import { OrderLineRow } from '../../features/order/order-card-parts';
import { PhotoPicker } from '../../features/order/photo-picker';
import './index.scss';

const KIND_HINTS: Record<AfterSaleKind, string> = {
  refund_only: '未收到货，或与商家协商不用退货',
  return_refund: '已收到货，需要寄回商品',
};

/** 申请售后: 仅退款 or 退货退款 of the whole order, with a reason, words and photos for the shop. */
export default function AfterSalePage(): ReactElement {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { api } = createWeMatrixClient();
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<AfterSaleKind>('refund_only');
  const [reason, setReason] = useState<AfterSaleReason | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<UploadResponse[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void (async () => {
      if (!id || !(await requireSession())) return;
      try {
        const o = await api.orders.get(id);
        setOrder(o);
        // Not shipped yet: nothing to send back.
        if (o.status === 'paid') setKind('refund_only');
      } catch (e) {
        setError(e instanceof Error ? e.message : '订单加载失败');
      }
    })();
  }, [api, id]);

  if (error) return <EmptyState title="无法申请售后" hint={error} />;
  if (!order) return <View className="after-sale__loading">加载中…</View>;

  async function submit(current: Order): Promise<void> {
    if (saving) return;
    if (!reason) {
      toast('请选择售后原因');
      return;
    }
    setSaving(true);
    try {
      await api.afterSales.create(current.id, {
        kind,
        reason,
        reasonText: text.trim(),
        photos: photos.map((p) => p.id),
      });
      toast('已提交，商家会尽快处理');
      setTimeout(() => void Taro.navigateBack(), 800);
    } catch (e) {
      toastError(e, '提交失败');
    } finally {
      setSaving(false);
    }
  }

  const kinds: AfterSaleKind[] = order.status === 'paid' ? ['refund_only'] : ['refund_only', 'return_refund'];

  return (
    <View className="wm-page after-sale">
      <View className="after-sale__card">
        {order.lines.map((line) => (
          <OrderLineRow key={line.skuId} line={line} />
        ))}
      </View>

      <View className="after-sale__card">
        <Text className="after-sale__title">售后类型</Text>
        {kinds.map((k) => (
          <View
            key={k}
            className={`after-sale__option wm-after-sale-kind${kind === k ? ' after-sale__option--on' : ''}`}
            onClick={() => setKind(k)}
          >
            <Text className="after-sale__option-name">{AFTER_SALE_KIND_LABELS[k]}</Text>
            <Text className="after-sale__option-hint">{KIND_HINTS[k]}</Text>
          </View>
        ))}
      </View>

      <View className="after-sale__card">
        <Text className="after-sale__title">售后原因</Text>
        <View className="after-sale__reasons">
          {AFTER_SALE_REASONS.map((r) => (
            <Text
              key={r}
              className={`after-sale__reason wm-after-sale-reason${reason === r ? ' after-sale__reason--on' : ''}`}
              onClick={() => setReason(r)}
            >
              {AFTER_SALE_REASON_LABELS[r]}
            </Text>
          ))}
        </View>
        <TextArea
          className="after-sale__text"
          placeholder="补充描述，有助于商家更快处理（选填）"
          value={text}
          maxLength={200}
          showCount
          onChange={setText}
        />
        <PhotoPicker value={photos} onChange={setPhotos} />
      </View>

      <View className="after-sale__card after-sale__refund">
        <Text>退款金额</Text>
        <Text className="after-sale__amount">{formatFen(order.totalFen)}</Text>
      </View>
      <Text className="after-sale__note">退款将原路退回微信支付；退货退款请在商家同意后寄回商品。</Text>

      <View className="after-sale__bar">
        <View
          className={`after-sale__submit wm-after-sale-submit${saving ? ' after-sale__submit--off' : ''}`}
          onClick={() => void submit(order)}
        >
          {saving ? '提交中…' : '提交申请'}
        </View>
      </View>
      <DevSignInSheet />
    </View>
  );
}
