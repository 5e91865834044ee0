import { Popup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { toast } from '@wematrix/shared/taro';
import type { ReactElement } from 'react';

/** Copies text in a browser (the clipboard API where allowed, else a selected textarea). */
export async function copyText(text: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'h5') return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

/**
 * H5's share: the link, copied for the shopper to paste to a friend. The copy asks friends to
 * join or help (a real action); nothing is promised for sharing itself (诱导分享 is banned).
 */
export function ShareSheet(props: {
  visible: boolean;
  title: string;
  hint: string;
  /** null while the signed link is being made. */
  url: string | null;
  onClose: () => void;
}): ReactElement {
  return (
    <Popup visible={props.visible} position="bottom" round title={props.title} onClose={props.onClose}>
      <View className="cb-share wm-share-sheet">
        <Text className="cb-share__hint">{props.hint}</Text>
        {props.url ? (
          <Text className="cb-share__link wm-share-link" userSelect>
            {props.url}
          </Text>
        ) : (
          <Text className="cb-share__link">正在生成链接…</Text>
        )}
        <View
          className="cb-share__copy wm-share-copy"
          onClick={() => {
            const url = props.url;
            if (url) void copyText(url).then((ok) => toast(ok ? '链接已复制，发给好友吧' : '请长按链接复制'));
          }}
        >
          复制链接
        </View>
      </View>
    </Popup>
  );
}
