import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { UploadResponse } from '@wematrix/shared';
import { toastError, uploadImage } from '@wematrix/shared/taro';
import { type ReactElement, useState } from 'react';
import './photo-picker.scss';

/**
 * Up to `max` photos: pick from the album or camera, each uploaded at once (so a failed one
 * says so right away), tap × to drop one. `value` holds the uploaded ids and URLs.
 */
export function PhotoPicker({
  value,
  onChange,
  max = 9,
}: {
  value: UploadResponse[];
  onChange: (photos: UploadResponse[]) => void;
  max?: number;
}): ReactElement {
  const [uploading, setUploading] = useState(0);

  async function pick(): Promise<void> {
    const room = max - value.length - uploading;
    if (room <= 0) return;
    let paths: string[];
    try {
      const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      paths = chosen.tempFilePaths;
    } catch {
      return; // closed the picker
    }
    setUploading((n) => n + paths.length);
    const done: UploadResponse[] = [];
    for (const path of paths) {
      try {
        done.push(await uploadImage(path));
      } catch (e) {
        toastError(e, '图片上传失败');
      } finally {
        setUploading((n) => n - 1);
      }
    }
    if (done.length > 0) onChange([...value, ...done].slice(0, max));
  }

  return (
    <View className="photo-picker">
      {value.map((photo) => (
        <View key={photo.id} className="photo-picker__item">
          <Image className="photo-picker__image wm-photo" src={photo.url} mode="aspectFill" />
          <Text className="photo-picker__remove" onClick={() => onChange(value.filter((p) => p.id !== photo.id))}>
            ×
          </Text>
        </View>
      ))}
      {uploading > 0 ? <View className="photo-picker__item photo-picker__busy">上传中…</View> : null}
      {value.length + uploading < max ? (
        <View className="photo-picker__item photo-picker__add wm-photo-add" onClick={() => void pick()}>
          <Text className="photo-picker__plus">＋</Text>
          <Text className="photo-picker__hint">
            {value.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
