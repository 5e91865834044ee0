import Taro from '@tarojs/taro';
import type { SubscribeKind, SubscribeResult } from '../domain/subscribe/subscribe-rules';
import { SUBSCRIBE_RESULTS } from '../domain/subscribe/subscribe-rules';
import type { AppName } from '../schemas/common';
import type { SubscribeTemplates } from '../schemas/subscribe';
import { createWeMatrixClient } from './client';

/**
 * Subscribe messages (订阅消息): asking the shopper to allow a notice. WeChat shows its sheet
 * only when wx.requestSubscribeMessage is called from a tap, so the template ids must already
 * be known when the tap comes: pages call prefetchSubscribeTemplates when they open, and the
 * tap handler calls askSubscribe first, before anything it awaits. H5 (and base libraries
 * without the API) ask nothing; the API then simply has no allowed notice to send.
 */

const templatesByApp = new Map<AppName, SubscribeTemplates['templates']>();
const loading = new Set<AppName>();

function canAsk(): boolean {
  return process.env.TARO_ENV === 'weapp' && typeof Taro.requestSubscribeMessage === 'function';
}

/** Loads the app's template ids once per launch (nothing in H5); failures leave it asking nothing. */
export function prefetchSubscribeTemplates(app: AppName): void {
  if (!canAsk() || templatesByApp.has(app) || loading.has(app)) return;
  loading.add(app);
  createWeMatrixClient()
    .api.subscribe.templates(app)
    .then((answer) => templatesByApp.set(app, answer.templates))
    .catch(() => undefined)
    .finally(() => loading.delete(app));
}

function isResult(value: unknown): value is SubscribeResult {
  return (SUBSCRIBE_RESULTS as readonly unknown[]).includes(value);
}

/**
 * Shows WeChat's sheet for the app's templates of `kinds` and reports the answer to the API
 * in the background. Call it synchronously from the tap (its first step is the WeChat call).
 * Resolves when the sheet is closed, whatever was answered; never rejects, so the action
 * the shopper tapped for goes on.
 */
export function askSubscribe(app: AppName, kinds: readonly SubscribeKind[]): Promise<void> {
  if (!canAsk()) return Promise.resolve();
  const tmplIds = (templatesByApp.get(app) ?? []).filter((t) => kinds.includes(t.kind)).map((t) => t.templateId);
  if (tmplIds.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    // Taro's Option type demands entityIds too (WeChat wants one or the other); tmplIds only.
    const option = {
      tmplIds,
      success(answer: Taro.requestSubscribeMessage.SuccessCallbackResult) {
        const results: Record<string, SubscribeResult> = {};
        for (const id of tmplIds) {
          const result = (answer as unknown as Record<string, unknown>)[id];
          if (isResult(result)) results[id] = result;
        }
        if (Object.keys(results).length > 0) {
          // A lost report only costs one notice; it must never hold up the order.
          createWeMatrixClient()
            .api.subscribe.record({ app, results })
            .catch(() => undefined);
        }
      },
      // fail: the sheet could not open (no tap, main switch off…): nothing was allowed.
      complete: () => resolve(),
    } as unknown as Taro.requestSubscribeMessage.Option;
    Taro.requestSubscribeMessage(option);
  });
}
