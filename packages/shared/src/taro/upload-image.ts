import Taro from '@tarojs/taro';
import type { UploadResponse } from '../schemas/upload';
import { apiBaseUrl, createWeMatrixClient } from './client';

/**
 * Uploads one picked image (a temp path from chooseImage / chooseMedia; a blob: URL in H5)
 * to POST /api/uploads as multipart, the way wx.uploadFile sends it, and answers its id and
 * URL. The API decides the type from the bytes and refuses anything over 5 MB.
 */
export async function uploadImage(filePath: string): Promise<UploadResponse> {
  const token = createWeMatrixClient().session.getState().session?.token;
  if (!token) throw new Error('请先登录');
  const result = await Taro.uploadFile({
    url: `${apiBaseUrl().replace(/\/$/, '')}/api/uploads`,
    filePath,
    name: 'file',
    header: { authorization: `Bearer ${token}` },
  });
  const body = (() => {
    try {
      return JSON.parse(result.data) as Partial<UploadResponse> & { message?: string };
    } catch {
      return {};
    }
  })();
  if (result.statusCode !== 201 || !body.id || !body.url) {
    throw new Error(body.message ?? '图片上传失败，请换一张试试');
  }
  return { id: body.id, url: body.url };
}
