import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPS, currentApp, pointAt, ROOT_CONFIG } from './devtools-entry.mjs';

describe('root project.config.json (WeChat DevTools entry)', () => {
  const config = JSON.parse(readFileSync(ROOT_CONFIG, 'utf8'));

  it('opens one app of the matrix, whose own project config exists', () => {
    const app = currentApp(config);
    expect(APPS).toContain(app);
    expect(config.compileType).toBe('miniprogram');
    expect(existsSync(join(ROOT_CONFIG, '..', 'apps', app, 'project.config.json'))).toBe(true);
  });

  it('keeps no real appid in git', () => {
    expect(config.appid).toBe('touristappid');
  });

  it('switches to another app and refuses an unknown one', () => {
    const switched = pointAt(config, 'campaign');
    expect(switched.miniprogramRoot).toBe('apps/campaign/dist/weapp/');
    expect(currentApp(switched)).toBe('campaign');
    expect(switched.setting).toEqual(config.setting);
    expect(() => pointAt(config, 'admin')).toThrow(/unknown app/);
  });
});
