import { Progress } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { discountPercent, formatShanghai } from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import { OriginalPrice, Price } from '@wematrix/ui';
import type { ReactElement } from 'react';
import type { SlotAction } from '../../features/flash-sale/slot-action';
import { soldPercent } from '../../features/flash-sale/slot-action';
import type { LiveSlot } from '../../features/flash-sale/use-flash-sales';

export interface SlotCardProps {
  slot: LiveSlot;
  action: SlotAction;
  busy: boolean;
  onAction: () => void;
}

/** One 秒杀 product: picture, flash price against the everyday one, 已抢 x%, the button. */
export function SlotCard({ slot, action, busy, onAction }: SlotCardProps): ReactElement {
  const product = slot.product;
  const sold = soldPercent(slot.stock, slot.remaining);
  const upcoming = slot.liveStatus === 'upcoming';
  const off = product ? discountPercent({ priceFen: slot.priceFen, originalPriceFen: product.originalPriceFen }) : 0;
  return (
    <View className={`flash-card wm-flash-slot wm-flash-slot--${slot.liveStatus}`} data-slot={slot.id}>
      <View className="flash-card__media">
        {product ? (
          <Image className="flash-card__image" src={assetUrl(product.imageUrl)} mode="aspectFill" lazyLoad />
        ) : (
          <View className="flash-card__image" />
        )}
        {off > 0 ? (
          <Text className="flash-card__off">{`${((100 - off) / 10).toFixed(1).replace(/\.0$/, '')}折`}</Text>
        ) : null}
        {slot.liveStatus === 'sold_out' || slot.liveStatus === 'ended' ? (
          <View className="flash-card__stamp">
            <Text>{slot.liveStatus === 'sold_out' ? '已抢光' : '已结束'}</Text>
          </View>
        ) : null}
      </View>
      <View className="flash-card__body">
        <Text className="flash-card__title">{slot.title}</Text>
        {product?.specText ? <Text className="flash-card__spec">{product.specText}</Text> : null}
        <View className="flash-card__tags">
          <Text className="flash-card__tag">每人限购 {slot.perUserLimit} 件</Text>
          <Text className="flash-card__tag flash-card__tag--plain">限量 {slot.stock} 件</Text>
        </View>
        {upcoming ? (
          <Text className="flash-card__stock-soon">{formatShanghai(slot.startsAt, 'HH:mm')} 开抢 · 先到先得</Text>
        ) : (
          <View className="flash-card__stock wm-flash-stock">
            <Progress
              className="flash-card__progress"
              percent={sold}
              color="linear-gradient(90deg, #ff9a3d, #f0452d)"
              background="#ffd9cc"
              strokeWidth="8"
            />
            <Text className="flash-card__sold">已抢 {sold}%</Text>
          </View>
        )}
        <View className="flash-card__foot">
          <View className="flash-card__prices">
            <Text className="flash-card__price-label">秒杀价</Text>
            <Price fen={slot.priceFen} size="lg" className="flash-card__price wm-flash-price" />
            {product ? <OriginalPrice fen={product.originalPriceFen} than={slot.priceFen} /> : null}
          </View>
          <View
            className={`flash-card__action wm-flash-action wm-flash-action--${action.kind}${
              action.disabled ? ' flash-card__action--off' : ''
            }${busy ? ' flash-card__action--busy' : ''}`}
            onClick={() => {
              if (!action.disabled && !busy) onAction();
            }}
          >
            <Text className="flash-card__action-label">{busy ? '抢购中…' : action.label}</Text>
            {action.hint && !busy ? <Text className="flash-card__action-hint">{action.hint}</Text> : null}
          </View>
        </View>
      </View>
    </View>
  );
}
