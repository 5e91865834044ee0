import {
  type FlashSaleSlot,
  type FlashSaleSlotStatus,
  flashSaleSlotStatus,
  type ProductDetail,
  serverClockOffsetMs,
} from '@wematrix/shared';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flashSaleApi, refusalText } from './flash-sale-api';

/** What a slot's card shows of its product (the slot itself names only ids, title and price). */
export interface SlotProduct {
  imageUrl: string;
  productTitle: string;
  /** "白绿 / 38": the SKU's spec values. */
  specText: string;
  /** The SKU's everyday selling price, crossed out next to the flash price. */
  originalPriceFen: number;
}

/** A slot with its status moved forward on the ticking server clock. */
export interface LiveSlot extends FlashSaleSlot {
  liveStatus: FlashSaleSlotStatus;
  product: SlotProduct | null;
}

/** Slots that start together form one tab (整点场), soonest first. */
export interface SlotGroup {
  startsAt: string;
  slots: LiveSlot[];
  /** The group's status for its tab: live if any slot is on sale, else upcoming / sold out / ended. */
  status: FlashSaleSlotStatus;
}

const POLL_LIVE_MS = 15_000;

function productOf(detail: ProductDetail, skuId: string): SlotProduct {
  const sku = detail.skus.find((s) => s.id === skuId);
  return {
    imageUrl: sku?.imageUrl ?? detail.images[0] ?? detail.imageUrl,
    productTitle: detail.title,
    specText: sku?.specValues.join(' / ') ?? '',
    // The price the SKU sells at every day, which is what the flash price saves on (the same
    // comparison the campaign list's cards make), not the SKU's crossed-out reference price.
    originalPriceFen: sku?.priceFen ?? detail.priceFen,
  };
}

function groupStatus(slots: LiveSlot[]): FlashSaleSlotStatus {
  const statuses = slots.map((s) => s.liveStatus);
  if (statuses.includes('live')) return 'live';
  if (statuses.includes('upcoming')) return 'upcoming';
  if (statuses.includes('sold_out')) return 'sold_out';
  return 'ended';
}

/**
 * GET /api/flash-sales on server time: the answer's `serverTime` gives the device's offset
 * (serverClockOffsetMs), the clock ticks locally once a second on `Date.now() + offset`, and
 * the list is fetched again when any slot starts or ends (and every 15 s while one is on sale,
 * for the stock bar). Products (image, everyday price) are fetched once per product.
 */
export function useFlashSales() {
  const [slots, setSlots] = useState<FlashSaleSlot[] | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [products, setProducts] = useState<Record<string, SlotProduct>>({});
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  const loading = useRef(false);
  const lastLoad = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    if (loading.current) return;
    loading.current = true;
    try {
      const sentAt = new Date();
      const answer = await flashSaleApi.list();
      const receivedAt = new Date();
      setOffsetMs(serverClockOffsetMs({ serverTime: new Date(answer.serverTime), sentAt, receivedAt }));
      // A slot that ended during this visit leaves the API's list; keep showing it as 已结束
      // (the shopper was looking at it) rather than have its card vanish.
      const serverTime = Date.parse(answer.serverTime);
      setSlots((before) => {
        const ended = (before ?? []).filter(
          (old) => !answer.slots.some((s) => s.id === old.id) && Date.parse(old.endsAt) <= serverTime,
        );
        return [...answer.slots, ...ended.map((s) => ({ ...s, status: 'ended' as const }))];
      });
      setError(null);
    } catch (e) {
      setError(refusalText(e, '秒杀场次加载失败'));
    } finally {
      lastLoad.current = Date.now();
      loading.current = false;
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => setDeviceNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [load]);

  // One product request per product not yet known; a failure only leaves the card without a picture.
  useEffect(() => {
    if (!slots) return;
    const { api } = createWeMatrixClient();
    const missing = [...new Set(slots.map((s) => s.productId))].filter((id) => !(id in products));
    for (const id of missing) {
      api.catalog.product(id).then(
        (detail) => {
          setProducts((known) => {
            const next = { ...known };
            for (const slot of slots.filter((s) => s.productId === id))
              next[`${id}:${slot.skuId}`] = productOf(detail, slot.skuId);
            next[id] = productOf(detail, detail.skus[0]?.id ?? '');
            return next;
          });
        },
        () => undefined,
      );
    }
  }, [slots, products]);

  const serverNow = deviceNow + offsetMs;

  const live = useMemo<LiveSlot[] | null>(() => {
    if (!slots) return null;
    const now = new Date(serverNow);
    return slots.map((slot) => ({
      ...slot,
      liveStatus: flashSaleSlotStatus(
        { startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt), remaining: slot.remaining },
        now,
      ),
      product: products[`${slot.productId}:${slot.skuId}`] ?? null,
    }));
  }, [slots, products, serverNow]);

  // Refresh when a slot starts or ends on the server clock, and now and then while one is live.
  useEffect(() => {
    if (!live || loading.current) return;
    const crossed = live.some((s, i) => slots?.[i] && s.liveStatus !== slots[i]?.status);
    const polling = live.some((s) => s.liveStatus === 'live') && Date.now() - lastLoad.current >= POLL_LIVE_MS;
    // After a failed load wait for the poll interval rather than asking every second.
    if ((crossed && Date.now() - lastLoad.current >= 1000) || polling) void load();
  }, [live, slots, load]);

  const groups = useMemo<SlotGroup[]>(() => {
    if (!live) return [];
    const byStart = new Map<string, LiveSlot[]>();
    for (const slot of live) {
      byStart.set(slot.startsAt, [...(byStart.get(slot.startsAt) ?? []), slot]);
    }
    return [...byStart.entries()]
      .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
      .map(([startsAt, group]) => ({ startsAt, slots: group, status: groupStatus(group) }));
  }, [live]);

  return { slots: live, groups, serverNow, offsetMs, error, reload: load };
}
