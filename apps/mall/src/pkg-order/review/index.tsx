import { Rate, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { MAX_REVIEW_TEXT, type Order, type UploadResponse } from '@wematrix/shared';
import { createWeMatrixClient, toast, toastError } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, requireSession } from '@wematrix/ui';
import { type ReactElement, useEffect, useState } from 'react';
import { OrderLineRow } from '../../features/order/order-card-parts';
import { PhotoPicker } from '../../features/order/photo-picker';
import './index.scss';

interface Draft {
  stars: number;
  text: string;
  photos: UploadResponse[];
}

const STAR_WORDS = ['', '非常差', '差', '一般', '满意', '非常满意'];

/** 评价晒单: stars, words and up to 9 photos for each line of a completed order not yet reviewed. */
export default function ReviewPage(): ReactElement {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { api } = createWeMatrixClient();
  const [order, setOrder] = useState<Order | null>(null);
  const [reviewed, setReviewed] = useState<Set<string>>(new Set());
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void (async () => {
      if (!id || !(await requireSession())) return;
      try {
        const [o, mine] = await Promise.all([api.orders.get(id), api.reviews.ofOrder(id)]);
        setOrder(o);
        setReviewed(new Set(mine.items.map((r) => r.skuId)));
        setDrafts(Object.fromEntries(o.lines.map((l) => [l.skuId, { stars: 5, text: '', photos: [] }])));
      } catch (e) {
        setError(e instanceof Error ? e.message : '订单加载失败');
      }
    })();
  }, [api, id]);

  if (error) return <EmptyState title="无法评价" hint={error} />;
  if (!order) return <View className="review__loading">加载中…</View>;
  const open = order.lines.filter((l) => !reviewed.has(l.skuId));
  if (open.length === 0) return <EmptyState title="这笔订单已经评价过了" hint="感谢你的分享" />;

  const edit = (skuId: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [skuId]: { ...(d[skuId] as Draft), ...patch } }));

  async function submit(): Promise<void> {
    if (saving || !order) return;
    setSaving(true);
    try {
      const result = await api.reviews.submit(order.id, {
        lines: open.map((line) => {
          const draft = drafts[line.skuId] as Draft;
          return {
            skuId: line.skuId,
            stars: draft.stars,
            text: draft.text.trim(),
            photos: draft.photos.map((p) => p.id),
          };
        }),
      });
      toast(result.pointsGranted > 0 ? `评价成功，获得 ${result.pointsGranted} 积分` : '评价成功');
      setTimeout(() => void Taro.navigateBack(), 800);
    } catch (e) {
      toastError(e, '评价提交失败');
    } finally {
      setSaving(false);
    }
  }

  return (
    <View className="wm-page review">
      {open.map((line) => {
        const draft = drafts[line.skuId] as Draft;
        return (
          <View key={line.skuId} className="review__card wm-review-line">
            <OrderLineRow line={line} />
            <View className="review__stars">
              <Text className="review__label">商品评分</Text>
              <Rate
                className="wm-review-stars"
                value={draft.stars}
                min={1}
                onChange={(stars) => edit(line.skuId, { stars })}
              />
              <Text className="review__word">{STAR_WORDS[draft.stars]}</Text>
            </View>
            <TextArea
              className="review__text wm-review-text"
              placeholder="说说你的使用感受，帮助更多人选择（选填）"
              value={draft.text}
              maxLength={MAX_REVIEW_TEXT}
              showCount
              onChange={(text) => edit(line.skuId, { text })}
            />
            <PhotoPicker value={draft.photos} onChange={(photos) => edit(line.skuId, { photos })} />
          </View>
        );
      })}
      <Text className="review__note">评价积分与评分高低无关：每条评价获得同样的积分。</Text>
      <View className="review__bar">
        <View
          className={`review__submit wm-review-submit${saving ? ' review__submit--off' : ''}`}
          onClick={() => void submit()}
        >
          {saving ? '提交中…' : '发布评价'}
        </View>
      </View>
      <DevSignInSheet />
    </View>
  );
}
