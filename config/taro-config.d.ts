import type { UserConfigExport } from '@tarojs/cli';

export type WeMatrixAppName = 'mall' | 'campaign' | 'tools';

export interface AppConfigInput {
  /** Which mini-program: also its H5 public path (`/<app>/`) and WEMATRIX_APP define. */
  app: WeMatrixAppName;
  projectName: string;
  /** Port of `taro build --type h5 --watch` dev server. */
  h5Port: number;
}

export type TaroUserConfig = UserConfigExport<'webpack5'>;

export declare function createTaroConfig(input: AppConfigInput): TaroUserConfig;
export declare function designWidth(input?: { file?: string }): number;
export declare const SOURCE_PACKAGES: string[];
export declare const APP_NAMES: WeMatrixAppName[];
export declare const REPO_ROOT: string;
