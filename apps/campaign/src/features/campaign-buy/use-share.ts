import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { assetUrl } from '@wematrix/shared/taro';
import { useEffect, useState } from 'react';
import { type CampaignBuyPage, shareLinkOf } from './campaign-pages';
import { type CampaignShareKind, createShareLink, h5ShareUrl, openShareLink, type ShareOpenResult } from './share-link';

/**
 * Sharing a group or a bargain. WeChat: onShareAppMessage gives the title and the plain path at
 * once and, through `promise`, the signed path (POST /api/share/links records the share). H5:
 * `openSheet()` makes the signed link and shows it to copy (the plain link if that fails).
 * Opening: a link's payload is checked once (POST /api/share/open) for the inviter's notice.
 */
export function useShare(input: {
  kind: CampaignShareKind;
  page: CampaignBuyPage;
  id: string;
  title: string;
  imageUrl: string | null;
  /** What WeChat shares while there is no id yet (e.g. the bargain activity before one is started). */
  pathWithoutId?: string;
}) {
  const { params } = useRouter();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [opened, setOpened] = useState<ShareOpenResult>({ state: 'none' });
  const plain = shareLinkOf(input.page, input.id);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the link's payload is checked once per visit
  useEffect(() => {
    void openShareLink(params).then(setOpened);
  }, []);

  useShareAppMessage(() => {
    const card = {
      title: input.title,
      path: input.id ? `/${plain.path}` : (input.pathWithoutId ?? '/pages/index/index'),
      imageUrl: input.imageUrl ? assetUrl(input.imageUrl) : undefined,
    };
    if (!input.id) return card;
    const signed = createShareLink(input.kind, input.id).then((path) => (path ? { ...card, path: `/${path}` } : card));
    // `promise` (WeChat base library 2.12+): the card waits up to 3 s for the signed path.
    return { ...card, promise: signed } as typeof card;
  });

  function openSheet(): void {
    setUrl(null);
    setSheetOpen(true);
    void createShareLink(input.kind, input.id).then((path) => setUrl(path ? h5ShareUrl(path) : plain.url));
  }

  return { sheetOpen, url, opened, openSheet, closeSheet: () => setSheetOpen(false) };
}
