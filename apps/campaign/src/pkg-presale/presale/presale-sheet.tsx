import { Popup } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { type Address, formatFen, formatShanghai, type OrderQuoteView } from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import { Price } from '@wematrix/ui';
import type { ReactElement } from 'react';

export interface PresaleSheetProps {
  visible: boolean;
  address: Address | null | undefined;
  quote: OrderQuoteView | null;
  submitting: boolean;
  quantity: number;
  unitPriceFen: number;
  priceLabel: string;
  imageUrl: string;
  title: string;
  specText: string;
  shipsAt: string;
  onAddAddress: () => void;
  onSubmit: () => void;
  onClose: () => void;
}

const maskPhone = (phone: string): string =>
  phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;

/**
 * 确认订单 of a 预售 booking: the default address, the line at the rung's price × the quantity,
 * the API's figures (POST /api/presales/:id/quote) and 预计发货. The classes are the 拼团 / 砍价
 * sheet's (campaign-buy.scss), so the campaign app's sheets look alike.
 */
export function PresaleSheet(props: PresaleSheetProps): ReactElement {
  const { address, quote } = props;
  const ready = Boolean(address && quote);
  const pending = address === null ? '添加地址后计算' : '计算中…';
  return (
    <Popup visible={props.visible} position="bottom" round title="确认订单" onClose={props.onClose}>
      <View className="cb-sheet wm-presale-sheet">
        {address === undefined ? (
          <View className="cb-sheet__address cb-sheet__address--empty">
            <Text>正在读取收货地址…</Text>
          </View>
        ) : address ? (
          <View className="cb-sheet__address wm-presale-address">
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
          <Image className="cb-sheet__image" src={assetUrl(props.imageUrl)} mode="aspectFill" />
          <View className="cb-sheet__item-body">
            <Text className="cb-sheet__title">{props.title}</Text>
            {props.specText ? <Text className="cb-sheet__spec">{props.specText}</Text> : null}
            <View className="cb-sheet__item-price">
              <Text className="cb-sheet__badge">{props.priceLabel}</Text>
              <Price fen={quote?.lines[0] ? quote.lines[0].unitPriceFen : props.unitPriceFen} size="sm" />
              <Text className="cb-sheet__qty">×{props.quantity}</Text>
            </View>
          </View>
        </View>

        <View className="cb-sheet__rows">
          <View className="cb-sheet__row">
            <Text>商品金额</Text>
            <Text>{formatFen(quote?.subtotalFen ?? props.unitPriceFen * props.quantity)}</Text>
          </View>
          <View className="cb-sheet__row">
            <Text>运费</Text>
            <Text>{quote ? (quote.shippingFeeFen === 0 ? '免运费' : formatFen(quote.shippingFeeFen)) : pending}</Text>
          </View>
          <View className="cb-sheet__row">
            <Text>预计发货</Text>
            <Text>{formatShanghai(props.shipsAt, 'M月D日')}前</Text>
          </View>
          <View className="cb-sheet__row cb-sheet__row--muted">
            <Text>优惠券 / 积分</Text>
            <Text>预售价不与优惠券、积分同享</Text>
          </View>
          <Text className="cb-sheet__note">全款预售，下单即锁定当前阶梯价；未付款订单 30 分钟后自动取消。</Text>
        </View>

        <View className="cb-sheet__bar">
          <View className="cb-sheet__total">
            <Text className="cb-sheet__total-label">合计</Text>
            {quote ? (
              <Price fen={quote.totalFen} className="wm-presale-total" />
            ) : (
              <Text className="cb-sheet__pending">{pending}</Text>
            )}
          </View>
          <View
            className={`cb-sheet__submit wm-presale-submit${props.submitting || !ready ? ' cb-sheet__submit--off' : ''}`}
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
