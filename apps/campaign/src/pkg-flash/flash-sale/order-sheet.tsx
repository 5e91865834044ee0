import { Popup } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { type Address, formatFen, type OrderAddress, type OrderQuoteView } from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import { Price } from '@wematrix/ui';
import type { ReactElement } from 'react';
import type { LiveSlot } from '../../features/flash-sale/use-flash-sales';

/** What the sheet prints: the API's quote before ordering, the order's own figures after. */
export type SheetFigures = Pick<OrderQuoteView, 'subtotalFen' | 'shippingFeeFen' | 'totalFen'>;

/** The default address from the book, or the one the order was placed with. */
export type SheetAddress = OrderAddress & Partial<Pick<Address, 'id' | 'isDefault'>>;

export interface OrderSheetProps {
  visible: boolean;
  slot: LiveSlot | null;
  quantity: number;
  /** null while loading; [] when the shopper has none. */
  address: SheetAddress | null | undefined;
  /** The API's figures for this claim and address; null while they load. */
  quote: SheetFigures | null;
  /** Seconds left on the claim's hold (server time). */
  holdSeconds: number;
  submitting: boolean;
  /** The order exists already: the button pays it. */
  ordered: boolean;
  onAddAddress: () => void;
  onSubmit: () => void;
  onClose: () => void;
}

/** 11 → 138****8000, without the schema module (keeps zod out of the bundle). */
const maskPhone = (phone: string): string =>
  phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;

const mmss = (seconds: number): string =>
  `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * 确认订单 after a successful claim: the default address, the line at the flash price, the
 * total the API will be asked to charge (expectedTotalFen), and the hold's countdown.
 */
export function OrderSheet(props: OrderSheetProps): ReactElement {
  const { slot, address, quantity, quote } = props;
  const ready = Boolean(address && quote);
  // No address yet: the shipping fee depends on the region, so there is nothing to compute.
  const pending = address === null ? '添加地址后计算' : '计算中…';
  return (
    <Popup
      visible={props.visible}
      position="bottom"
      round
      title="确认订单"
      onClose={props.onClose}
      className="flash-sheet"
    >
      <View className="flash-sheet__body wm-flash-sheet">
        <View className="flash-sheet__hold">
          <Text className="flash-sheet__hold-title">抢购成功！</Text>
          <Text className="flash-sheet__hold-text">
            名额已为你保留，请在 <Text className="flash-sheet__hold-time">{mmss(props.holdSeconds)}</Text>{' '}
            内完成支付，超时自动释放
          </Text>
        </View>

        {address === undefined ? (
          <View className="flash-sheet__address flash-sheet__address--empty">
            <Text>正在读取收货地址…</Text>
          </View>
        ) : address ? (
          <View className="flash-sheet__address wm-flash-address">
            <View className="flash-sheet__who">
              <Text className="flash-sheet__name">{address.recipient}</Text>
              <Text className="flash-sheet__phone">{maskPhone(address.phone)}</Text>
              {address.isDefault ? <Text className="flash-sheet__default">默认</Text> : null}
            </View>
            <Text className="flash-sheet__line">
              {address.province} {address.city} {address.district} {address.detail}
            </Text>
          </View>
        ) : (
          <View
            className="flash-sheet__address flash-sheet__address--empty wm-flash-add-address"
            onClick={props.onAddAddress}
          >
            <Text className="flash-sheet__plus">＋</Text>
            <Text>还没有收货地址，去商城添加</Text>
            <Text className="flash-sheet__chevron">›</Text>
          </View>
        )}

        {slot ? (
          <View className="flash-sheet__line-item">
            {slot.product ? (
              <Image className="flash-sheet__image" src={assetUrl(slot.product.imageUrl)} mode="aspectFill" />
            ) : (
              <View className="flash-sheet__image" />
            )}
            <View className="flash-sheet__line-body">
              <Text className="flash-sheet__title">{slot.product?.productTitle ?? slot.title}</Text>
              {slot.product?.specText ? <Text className="flash-sheet__spec">{slot.product.specText}</Text> : null}
              <View className="flash-sheet__line-price">
                <Text className="flash-sheet__badge">秒杀价</Text>
                <Price fen={slot.priceFen} size="sm" />
                <Text className="flash-sheet__qty">×{quantity}</Text>
              </View>
            </View>
          </View>
        ) : null}

        <View className="flash-sheet__rows">
          <View className="flash-sheet__row">
            <Text>商品金额</Text>
            <Text>{formatFen(quote?.subtotalFen ?? (slot?.priceFen ?? 0) * quantity)}</Text>
          </View>
          <View className="flash-sheet__row">
            <Text>运费</Text>
            <Text>{quote ? (quote.shippingFeeFen === 0 ? '免运费' : formatFen(quote.shippingFeeFen)) : pending}</Text>
          </View>
          <View className="flash-sheet__row flash-sheet__row--muted">
            <Text>优惠券 / 积分</Text>
            <Text>秒杀商品不与优惠券、积分同享</Text>
          </View>
        </View>

        <View className="flash-sheet__bar">
          <View className="flash-sheet__total">
            <Text className="flash-sheet__total-label">合计</Text>
            {quote ? (
              <Price fen={quote.totalFen} className="wm-flash-total" />
            ) : (
              <Text className="flash-sheet__pending">{pending}</Text>
            )}
          </View>
          {/* A view, not NutUI's Button: that one wraps Taro's <Button>, whose H5 component would
              be registered with the app's first load (docs/taro-notes.md). */}
          <View
            className={`flash-sheet__submit wm-flash-submit${props.submitting || !ready ? ' flash-sheet__submit--off' : ''}`}
            onClick={() => {
              if (!props.submitting && ready) props.onSubmit();
            }}
          >
            {props.submitting ? '提交中…' : props.ordered ? '去支付' : '提交订单'}
          </View>
        </View>
      </View>
    </Popup>
  );
}
