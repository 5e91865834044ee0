import { ScrollView, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { APP_PAGES, flashSaleCountdown, formatShanghai } from '@wematrix/shared';
import { createWeMatrixClient, openApp, toast, useSession } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, requireSession } from '@wematrix/ui';
import { type ReactElement, useEffect, useMemo, useRef, useState } from 'react';
import {
  type ClaimRecord,
  claimRecordsOf,
  dropClaimRecord,
  saveClaimRecord,
  updateClaimRecord,
} from '../../features/flash-sale/claim-records';
import { changedTotalFen, flashSaleApi, refusalText } from '../../features/flash-sale/flash-sale-api';
import { payFlashOrder, returnedFromPayPage, waitForPaid } from '../../features/flash-sale/pay-flash-order';
import { groupStatusText, slotAction } from '../../features/flash-sale/slot-action';
import { type LiveSlot, useFlashSales } from '../../features/flash-sale/use-flash-sales';
import { CountdownBlocks } from './countdown-blocks';
import { OrderSheet, type SheetAddress, type SheetFigures } from './order-sheet';
import { SlotCard } from './slot-card';
import './index.scss';

/** A key per order attempt (the API's Idempotency-Key: 8-64 of [A-Za-z0-9_.:-]). */
function newOrderKey(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 10)).join('');
  return `wm-fs-${Date.now().toString(36)}-${random}`.slice(0, 64);
}

export default function FlashSalePage(): ReactElement {
  const { params } = useRouter();
  const { groups, slots, serverNow, error, reload } = useFlashSales();
  const { user } = useSession();
  const userId = user?.id ?? null;
  const [chosenStart, setChosenStart] = useState<string | null>(null);
  const [records, setRecords] = useState<ClaimRecord[]>([]);
  const [busySlot, setBusySlot] = useState<string | null>(null);
  const [sheetSlotId, setSheetSlotId] = useState<string | null>(null);
  const [address, setAddress] = useState<SheetAddress | null | undefined>(undefined);
  const [quote, setQuote] = useState<SheetFigures | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [paidOrderId, setPaidOrderId] = useState<string | null>(null);
  const handledReturn = useRef(false);

  // The shopper's claims on this device, re-read when the shopper or the clock's minute changes.
  const minute = Math.floor(serverNow / 60_000);
  // biome-ignore lint/correctness/useExhaustiveDependencies: minute is a deliberate re-read trigger
  useEffect(() => {
    setRecords(userId ? claimRecordsOf(userId, serverNow) : []);
  }, [userId, minute]);
  const recordOf = (slotId: string): ClaimRecord | null => records.find((r) => r.slotId === slotId) ?? null;
  const refreshRecords = (): void => setRecords(userId ? claimRecordsOf(userId, serverNow) : []);

  // Which tab: the one the shopper picked; else the campaign's (from its card) or the link's
  // slot; else the first on sale; else the first.
  const selected = useMemo(() => {
    const picked = groups.find((g) => g.startsAt === chosenStart);
    if (picked) return picked;
    const wanted = groups.find((g) =>
      g.slots.some(
        (s) => (params.slot && s.id === params.slot) || (params.campaign && s.campaignId === params.campaign),
      ),
    );
    return wanted ?? groups.find((g) => g.status === 'live') ?? groups[0] ?? null;
  }, [groups, chosenStart, params.slot, params.campaign]);

  const countdown = selected
    ? flashSaleCountdown(
        {
          startsAt: new Date(selected.startsAt),
          endsAt: new Date(Math.max(...selected.slots.map((s) => Date.parse(s.endsAt)))),
        },
        new Date(serverNow),
      )
    : null;

  const sheetSlot: LiveSlot | null = slots?.find((s) => s.id === sheetSlotId) ?? null;
  const sheetRecord = sheetSlot ? recordOf(sheetSlot.id) : null;
  const quantity = sheetRecord?.quantity ?? 1;
  const holdSeconds = sheetRecord ? Math.max(0, Math.ceil((Date.parse(sheetRecord.holdUntil) - serverNow) / 1000)) : 0;

  /**
   * What the sheet shows. Before ordering: the default address, then the API's figures for it
   * (POST …/quote: the slot's price and the shop's shipping rule for that region), whose total
   * the order then expects. Once ordered: the order's own address and figures.
   */
  async function loadSheet(slotId: string, record: ClaimRecord | null): Promise<void> {
    if (!record || !userId) return;
    const { api } = createWeMatrixClient();
    try {
      if (record.orderId) {
        const order = await api.orders.get(record.orderId);
        if (order.status === 'pending_payment') {
          setAddress(order.address);
          setQuote(order);
          return;
        }
        if (order.status === 'cancelled') {
          toast('订单已取消，名额已释放');
          forgetClaim(slotId);
          return;
        }
        updateClaimRecord(userId, slotId, { paid: true });
        setSheetSlotId(null);
        refreshRecords();
        return;
      }
      const { items } = await api.addresses.list();
      const chosen = items.find((a) => a.isDefault) ?? items[0] ?? null;
      setAddress(chosen);
      if (chosen) {
        setQuote(
          await flashSaleApi.quote(record.claimId, { province: chosen.province, regionCode: chosen.regionCode }),
        );
      }
    } catch (e) {
      toast(refusalText(e, '订单信息加载失败，请稍后再试'));
      if ((e as { code?: string }).code === 'FLASH_SALE_CLAIM_INVALID') forgetClaim(slotId);
    }
  }

  function forgetClaim(slotId: string): void {
    if (userId) dropClaimRecord(userId, slotId);
    setSheetSlotId(null);
    refreshRecords();
    void reload();
  }

  function openSheet(slotId: string, record: ClaimRecord | null): void {
    setQuote(null);
    setAddress(undefined);
    setSheetSlotId(slotId);
    void loadSheet(slotId, record);
  }

  // Back from the mall (address added) or from the pay page.
  useDidShow(() => {
    if (sheetSlotId) void loadSheet(sheetSlotId, sheetRecord);
    void reload();
  });

  // H5: back from the sandbox's pay page with ?result=paid|cancel and the order in the hash.
  useEffect(() => {
    if (handledReturn.current || !userId) return;
    handledReturn.current = true;
    const result = returnedFromPayPage();
    const orderId = params.order ? decodeURIComponent(params.order) : null;
    const slotId = params.slot ? decodeURIComponent(params.slot) : null;
    if (!result || !orderId) return;
    if (result === 'cancel') {
      toast('支付已取消，名额保留期内可继续支付');
      return;
    }
    void waitForPaid(orderId)
      .catch(() => false)
      .then((paid) => {
        if (paid) {
          if (slotId) updateClaimRecord(userId, slotId, { orderId, paid: true });
          setPaidOrderId(orderId);
          refreshRecords();
          toast('支付成功');
        } else {
          toast('支付结果确认中，请稍后在商城订单中查看');
        }
      });
  });

  async function claim(slot: LiveSlot): Promise<void> {
    const session = await requireSession();
    if (!session) return;
    setBusySlot(slot.id);
    try {
      const claimed = await flashSaleApi.claim(slot.id, 1);
      const record: ClaimRecord = {
        userId: session.user.id,
        slotId: slot.id,
        claimId: claimed.claimId,
        quantity: claimed.quantity,
        holdUntil: claimed.holdUntil,
      };
      saveClaimRecord(record);
      setRecords(claimRecordsOf(session.user.id, serverNow));
      openSheet(slot.id, record);
    } catch (e) {
      const code = (e as { code?: string }).code;
      toast(refusalText(e));
      const held = recordOf(slot.id);
      if (code === 'FLASH_SALE_LIMIT_REACHED' && held) openSheet(slot.id, held);
      // Sold out, not live or gone: the list on screen is out of date.
      if (code === 'FLASH_SALE_SOLD_OUT' || code === 'FLASH_SALE_NOT_LIVE' || code === 'FLASH_SALE_NOT_FOUND') {
        void reload();
      }
    } finally {
      setBusySlot(null);
    }
  }

  async function submit(): Promise<void> {
    if (!sheetSlot || !sheetRecord || !userId || submitting) return;
    if (!address) {
      toast('请先添加收货地址');
      return;
    }
    const addressId = address.id;
    if (!quote || (!sheetRecord.orderId && !addressId)) return;
    setSubmitting(true);
    let orderId = sheetRecord.orderId ?? null;
    try {
      if (!orderId && addressId) {
        // The key is saved before the call: a retry after a lost answer gets the same order.
        const orderKey = sheetRecord.orderKey ?? newOrderKey();
        updateClaimRecord(userId, sheetSlot.id, { orderKey });
        const order = await flashSaleApi.placeOrder(
          sheetRecord.claimId,
          { addressId, expectedTotalFen: quote.totalFen },
          orderKey,
        );
        orderId = order.id;
        updateClaimRecord(userId, sheetSlot.id, { orderId });
        refreshRecords();
      }
      if (!orderId) return;
      const outcome = await payFlashOrder(orderId, sheetSlot.id);
      if (outcome === 'redirected') return;
      if (outcome === 'paid') {
        updateClaimRecord(userId, sheetSlot.id, { paid: true });
        setPaidOrderId(orderId);
        setSheetSlotId(null);
        toast('支付成功');
      } else if (outcome === 'cancelled') {
        toast('支付已取消，名额保留期内可继续支付');
      } else {
        toast('支付结果确认中，请稍后在商城订单中查看');
      }
      refreshRecords();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (changedTotalFen(e) !== null) {
        // The shop's figures moved (e.g. the shipping rule): show the new ones; the next submit
        // is a different request, so it gets a new key.
        updateClaimRecord(userId, sheetSlot.id, { orderKey: undefined });
        refreshRecords();
        void loadSheet(sheetSlot.id, { ...sheetRecord, orderKey: undefined });
      }
      if (code === 'FLASH_SALE_CLAIM_INVALID') forgetClaim(sheetSlot.id);
      toast(refusalText(e, orderId ? '支付未完成，请在名额保留时间内重试' : '下单失败，请稍后再试'));
    } finally {
      setSubmitting(false);
    }
  }

  function act(slot: LiveSlot): void {
    const record = recordOf(slot.id);
    const action = slotAction(slot.liveStatus, record, serverNow);
    if (action.kind === 'claim') void claim(slot);
    else if (action.kind === 'pay') openSheet(slot.id, record);
    else if (action.kind === 'view' && record?.orderId) {
      void openApp('mall', APP_PAGES.mall.orderDetail, { id: record.orderId });
    }
  }

  return (
    <View className="wm-page flash-page">
      <View className="flash-top">
        <View className="flash-hero">
          <View className="flash-hero__brand">
            <View className="flash-hero__title">
              <Text className="flash-hero__bolt">⚡</Text>
              <Text>限时秒杀</Text>
            </View>
            <Text className="flash-hero__slogan">整点开抢 · 限量特惠 · 手慢无</Text>
          </View>
          <View className="flash-hero__timer">
            {selected && countdown?.target ? (
              <>
                <Text className="flash-hero__timer-label">
                  {countdown.target === 'start' ? '距开抢' : '距本场结束'}
                </Text>
                <CountdownBlocks seconds={countdown.seconds} className="wm-flash-countdown" />
              </>
            ) : (
              <Text className="flash-hero__timer-label">{selected ? '本场已结束' : '敬请期待下一场'}</Text>
            )}
          </View>
        </View>

        {groups.length > 0 ? (
          <ScrollView scrollX className="flash-tabs" enableFlex>
            {groups.map((group) => (
              <View
                key={group.startsAt}
                className={`flash-tab wm-flash-tab wm-flash-tab--${group.status}${
                  group.startsAt === selected?.startsAt ? ' flash-tab--active' : ''
                }`}
                onClick={() => setChosenStart(group.startsAt)}
              >
                <Text className="flash-tab__time">{formatShanghai(group.startsAt, 'HH:mm')}</Text>
                <Text className="flash-tab__status">
                  {group.status === 'upcoming' &&
                  formatShanghai(group.startsAt, 'M/D') !== formatShanghai(new Date(serverNow).toISOString(), 'M/D')
                    ? `${formatShanghai(group.startsAt, 'M月D日')}开抢`
                    : groupStatusText(group.status)}
                </Text>
              </View>
            ))}
          </ScrollView>
        ) : null}
      </View>

      {paidOrderId ? (
        <View className="flash-paid wm-flash-paid">
          <View className="flash-paid__text">
            <Text className="flash-paid__title">抢购成功，订单已支付</Text>
            <Text className="flash-paid__hint">商家正在备货，发货后可在商城「我的订单」查看物流</Text>
          </View>
          <Text
            className="flash-paid__link wm-flash-view-order"
            onClick={() => void openApp('mall', APP_PAGES.mall.orderDetail, { id: paidOrderId })}
          >
            查看订单
          </Text>
        </View>
      ) : null}

      <View className="flash-list">
        {error && !slots ? <EmptyState title="秒杀场次加载失败" hint={error} /> : null}
        {!error && slots === null ? <View className="flash-list__loading">正在加载秒杀场次…</View> : null}
        {slots && groups.length === 0 ? <EmptyState title="暂无秒杀场次" hint="整点还有新场次，晚点再来看看" /> : null}
        {selected?.status === 'upcoming' ? (
          <View className="flash-list__notice">
            本场 {formatShanghai(selected.startsAt, 'M月D日 HH:mm')} 开抢，提前看好心仪好物
          </View>
        ) : null}
        {(selected?.slots ?? []).map((slot) => (
          <SlotCard
            key={slot.id}
            slot={slot}
            action={slotAction(slot.liveStatus, recordOf(slot.id), serverNow)}
            busy={busySlot === slot.id}
            onAction={() => act(slot)}
          />
        ))}
        {selected ? (
          <View className="flash-rules">
            <Text className="flash-rules__title">秒杀规则</Text>
            <Text className="flash-rules__item">1. 每场限量，先到先得，抢完即止；每人每场限购，以页面标注为准。</Text>
            <Text className="flash-rules__item">
              2. 抢到后名额为你保留 15 分钟，请尽快下单支付，超时未付名额自动释放。
            </Text>
            <Text className="flash-rules__item">3. 秒杀价不与优惠券、积分同享；倒计时以服务器时间为准。</Text>
          </View>
        ) : null}
      </View>

      <OrderSheet
        visible={sheetSlot !== null && sheetRecord !== null}
        slot={sheetSlot}
        quantity={quantity}
        address={address}
        quote={quote}
        holdSeconds={holdSeconds}
        submitting={submitting}
        ordered={Boolean(sheetRecord?.orderId)}
        onAddAddress={() => void openApp('mall', APP_PAGES.mall.addresses)}
        onSubmit={() => void submit()}
        onClose={() => setSheetSlotId(null)}
      />
      <DevSignInSheet />
    </View>
  );
}
