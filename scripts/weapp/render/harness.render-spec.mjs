// The render harness itself: it must see what WeChat would complain about, or the app smoke
// tests prove nothing. Fixture: a page that uses a template nobody defined (what NutUI's <i>
// icons did before @tarojs/plugin-html).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWeappRuntime, MISSING_TEMPLATE } from './weapp-runtime.mjs';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'missing-template');

describe('weapp render harness', () => {
  it('renders data through WeChat’s template compiler and reports a missing template', async () => {
    const runtime = createWeappRuntime({ dist: FIXTURE, apiOrigin: 'http://127.0.0.1:9', loginCode: () => 'unused' });
    const result = await runtime.renderPage('pages/index/index');
    expect(result.text).toBe('你好');
    expect(result.logs.some((log) => MISSING_TEMPLATE.test(log.text))).toBe(true);
  });
});
