// One app's weapp render smoke test: the API (demo catalog, PGlite, WeChat sandbox) on a free
// port, then every page of the app's production build rendered with WeChat's template compiler.
// A page fails on a thrown error, a missing template, an empty page, a 5xx answer or a
// setData payload over WeChat's 256 KB threshold.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../apps/api/src/db/database.ts';
import { catalog } from '../../../apps/api/src/db/seed/catalog.data.ts';
import { createTestApp, TEST_APPS } from '../../../apps/api/src/test/test-app.ts';
import { appDir } from '../../lib/paths.mjs';
import { allPages, createWeappRuntime, MISSING_TEMPLATE } from './weapp-runtime.mjs';

/** WeChat's documented warning threshold for one setData payload. */
const SET_DATA_LIMIT_BYTES = 256 * 1024;

/**
 * @param {'mall' | 'campaign' | 'tools'} app
 * @param {{ queries?: (api: { get: (path: string) => Promise<any> }) => Promise<Record<string, Record<string, string>>>,
 *           expectations?: Record<string, (text: string, api: { get: (path: string) => Promise<any> }, result: { html: string }) => Promise<void>> }} [options]
 *   queries: the query each page needs (a product id, ...); expectations: extra checks per page.
 */
export function describeWeappRender(app, { queries, expectations = {} } = {}) {
  const dist = join(appDir(app), 'dist', 'weapp');
  const built = existsSync(join(dist, 'app.json'));
  const pages = built ? allPages(JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))) : [];

  describe(`${app} weapp build rendered with WeChat's template compiler`, () => {
    let testApp;
    let runtime;
    let pageQueries = {};
    let loginCount = 0;
    const api = {
      get: async (path) => (await testApp.app.inject({ method: 'GET', url: path })).json(),
    };

    beforeAll(async () => {
      if (!built) throw new Error(`no weapp build at ${dist}: run npm run build:weapp first`);
      // The demo catalog on today's clock: the pages count down to campaign ends on the real one.
      testApp = await createTestApp(
        { name: 'PGlite', open: () => createDatabase({}) },
        { catalog, startAt: new Date() },
      );
      const origin = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
      runtime = createWeappRuntime({
        dist,
        apiOrigin: origin,
        // The build logs in with its own app name; the sandbox knows the test app ids.
        loginCode: () => testApp.sandbox.issueLoginCode(TEST_APPS[app].appid, `render-smoke-${app}-${++loginCount}`),
      });
      pageQueries = queries ? await queries(api) : {};
    });
    afterAll(async () => {
      await testApp?.close();
    });

    it('has pages to render', () => {
      expect(pages.length).toBeGreaterThan(0);
    });

    for (const route of pages) {
      it(`renders ${route}`, async () => {
        const result = await runtime.renderPage(route, pageQueries[route] ?? {});
        console.log(
          `[${app}] ${route}: ${result.setDataCalls} setData, largest ${(result.maxSetDataBytes / 1024).toFixed(1)} KB: ${result.text}`,
        );
        const problems = result.logs.filter((log) => log.level === 'error' || MISSING_TEMPLATE.test(log.text));
        expect(problems.map((log) => log.text)).toEqual([]);
        expect(result.requests.filter((request) => request.status >= 500 || request.status === 0)).toEqual([]);
        expect(result.text, 'the page rendered no text').not.toBe('');
        // WeChat warns above 256 KB per setData and each one crosses threads: a page must stay far below.
        expect(result.setDataCalls, 'the page never called setData').toBeGreaterThan(0);
        expect(result.maxSetDataBytes).toBeLessThan(SET_DATA_LIMIT_BYTES);
        await expectations[route]?.(result.text, api, result);
      });
    }
  });
}
