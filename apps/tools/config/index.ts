import { defineConfig } from '@tarojs/cli';
// Plain JS on purpose: Taro only transpiles this folder, the shared factory is required as is.
import { createTaroConfig } from '../../../config/taro-config';

export default defineConfig<'webpack5'>(() =>
  createTaroConfig({ app: 'tools', projectName: 'wematrix-tools', h5Port: 10088 }),
);
