import { Popup } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { type Address, formatFen, type OrderQuoteView } from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import { Price } from '@wematrix/ui';
import type { ReactElement } from 'react';
import './campaign-buy.scss';

export interface BuySheetProps {
  visible: boolean;
  address: Address | null | undefined;
  quote: OrderQuoteView | null;
  submitting: boolean;
  /** 拼团价 / 砍后价 */
  priceLabel: string;
  unitPriceFen: number;
  imageUrl: string | null;
  productTitle: string;
  specText?: string;
  /** Under the figures: why coupons do not apply, the group's rule, … */
  note: string;
  onAddAddress: () => void;
  onSubmit: () => void;
  onClose: () => void;
}

/** 11 → 138****8000, without the schema module (keeps zod out of the bundle). */
const maskPhone = (phone: string): string =>
  phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;

/** 确认订单 of a 拼团 or 砍价 order: address, the line at the campaign price, the API's figures. */
export function BuySheet(props: BuySheetProps): ReactElement {
  const { address, quote } = props;
  const ready = Boolean(address && quote);
  return (
    <Popup visible={props.visible} position="bottom" round title="确认订单" onClose={props.onClose}>
      <View className="cb-sheet wm-buy-sheet">
        {address === undefined ? (
          <View className="cb-sheet__address cb-sheet__address--empty">
            <Text>正在读取收货地址…</Text>
          </View>
        ) : address ? (
          <View className="cb-sheet__address">
            <View className="cb-sheet__who">
              <Text className="cb-sheet__name">{address.recipient}</Text>
              <Text className="cb-sheet__phone">{maskPhone(address.phone)}</Text>
              {address.isDefault ? <Text className="cb-sheet__default">默认</Text> : null}
            </View>
            <Text className="cb-sheet__line">
              {address.province} {address.city} {address.district} {address.detail}
            </Text>
          </View>
        ) : (
          <View className="cb-sheet__address cb-sheet__address--empty wm-buy-add-address" onClick={props.onAddAddress}>
            <Text className="cb-sheet__plus">＋</Text>
            <Text>还没有收货地址，去商城添加</Text>
            <Text className="cb-sheet__chevron">›</Text>
          </View>
        )}

        <View className="cb-sheet__item">
          {props.imageUrl ? (
            <Image className="cb-sheet__image" src={assetUrl(props.imageUrl)} mode="aspectFill" />
          ) : (
            <View className="cb-sheet__image" />
          )}
          <View className="cb-sheet__item-body">
            <Text className="cb-sheet__title">{props.productTitle}</Text>
            {props.specText ? <Text className="cb-sheet__spec">{props.specText}</Text> : null}
            <View className="cb-sheet__item-price">
              <Text className="cb-sheet__badge">{props.priceLabel}</Text>
              <Price fen={props.unitPriceFen} size="sm" />
              <Text className="cb-sheet__qty">×1</Text>
            </View>
          </View>
        </View>

        <View className="cb-sheet__rows">
          <View className="cb-sheet__row">
            <Text>商品金额</Text>
            <Text>{formatFen(quote?.subtotalFen ?? props.unitPriceFen)}</Text>
          </View>
          <View className="cb-sheet__row">
            <Text>运费</Text>
            <Text>{quote ? (quote.shippingFeeFen === 0 ? '免运费' : formatFen(quote.shippingFeeFen)) : '计算中…'}</Text>
          </View>
          <View className="cb-sheet__row cb-sheet__row--muted">
            <Text>优惠券 / 积分</Text>
            <Text>活动价不与优惠券、积分同享</Text>
          </View>
          <Text className="cb-sheet__note">{props.note}</Text>
        </View>

        <View className="cb-sheet__bar">
          <View className="cb-sheet__total">
            <Text className="cb-sheet__total-label">合计</Text>
            {quote ? (
              <Price fen={quote.totalFen} className="wm-buy-total" />
            ) : (
              <Text className="cb-sheet__pending">计算中…</Text>
            )}
          </View>
          {/* A view, not NutUI's Button (Taro's <Button> would join the H5 first load). */}
          <View
            className={`cb-sheet__submit wm-buy-submit${props.submitting || !ready ? ' cb-sheet__submit--off' : ''}`}
            onClick={() => {
              if (!props.submitting && ready) props.onSubmit();
            }}
          >
            {props.submitting ? '提交中…' : '提交订单'}
          </View>
        </View>
      </View>
    </Popup>
  );
}
