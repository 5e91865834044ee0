/// <reference types="node" />
/**
 * Constants pasted in at build time by config/taro-config.js (webpack DefinePlugin), plus
 * Taro's own `process.env.TARO_ENV`. Only the platform layer reads them.
 */

/** Which mini-program this bundle is: 'mall' | 'campaign' | 'tools'. */
declare const WEMATRIX_APP: string;
/** API origin for weapp builds (env WEMATRIX_API_BASE_URL); H5 uses window.location.origin. */
declare const API_BASE_URL: string;
/** WeChat appids of the three apps for navigateToMiniProgram; '' when not configured. */
declare const WECHAT_MALL_APPID: string;
declare const WECHAT_CAMPAIGN_APPID: string;
declare const WECHAT_TOOLS_APPID: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | string;
  }
}
