import Taro from '@tarojs/taro';
import type { Transport } from '../client/api-client';

/**
 * The API client's transport over `Taro.request` (wx.request in WeChat, fetch in H5).
 * It resolves for every HTTP status: the client turns 4xx/5xx bodies into ApiError.
 * Only a network failure (no answer at all) becomes a 599 with a Chinese message.
 */
export const taroTransport: Transport = async (request) => {
  try {
    const response = await Taro.request({
      url: request.url,
      method: request.method,
      header: request.headers,
      data: request.body as TaroGeneral.IAnyObject | undefined,
      dataType: 'json',
      timeout: 15_000,
    });
    return { status: response.statusCode, data: response.data };
  } catch (error) {
    return {
      status: 599,
      data: {
        code: 'NETWORK',
        message: '网络连接失败，请检查网络后重试',
        messageEn: error instanceof Error ? error.message : String(error),
      },
    };
  }
};
