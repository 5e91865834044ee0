import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, whatever the caller's working directory. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The three Taro apps; each builds its H5 output to apps/<app>/dist/h5. */
export const APPS = ['mall', 'campaign', 'tools'];

export const appDir = (app) => join(ROOT, 'apps', app);
export const h5DistDir = (app) => join(ROOT, 'apps', app, 'dist', 'h5');
