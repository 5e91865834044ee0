import { writeMerchantFiles } from './pay/merchant-files';
import { createSandbox } from './sandbox';
import { sandboxAppsFromEnv } from './sandbox-env';
import { addDemoSubscribeTemplates, writeSubscribeTemplatesFile } from './subscribe-demo';

const port = Number(process.env.WECHAT_SANDBOX_PORT ?? 3100);
const host = process.env.WECHAT_SANDBOX_HOST ?? '127.0.0.1';
const payMode = process.env.WECHAT_SANDBOX_PAY_MODE === 'certificate' ? 'certificate' : 'public_key';
const apps = sandboxAppsFromEnv(process.env);
const sandbox = createSandbox({
  apps,
  pay: { mode: payMode },
  logger: {
    level: process.env.LOG_LEVEL ?? 'info',
    // jscode2session carries the app secret in its query string (WeChat's design): keep it out of logs.
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        url: req.url.replace(/([?&]secret=)[^&]*/g, '$1[redacted]'),
      }),
    },
  },
});

async function close(signal: string): Promise<void> {
  sandbox.app.log.info({ signal }, 'closing WeChat sandbox');
  await sandbox.app.close();
  process.exit(0);
}
process.once('SIGINT', () => void close('SIGINT'));
process.once('SIGTERM', () => void close('SIGTERM'));

// The demo merchant's keys exist only from now on; the API learns them from these files.
const payDir = process.env.WECHAT_SANDBOX_PAY_DIR;
if (payDir) writeMerchantFiles(payDir, sandbox.pay.credentials());
// The demo subscribe templates of the mall (sandboxAppsFromEnv lists mall first), ids fresh each start.
const subscribeTemplates = addDemoSubscribeTemplates(sandbox.subscribe, (apps[0] as { appid: string }).appid);
if (payDir) writeSubscribeTemplatesFile(payDir, subscribeTemplates);

try {
  await sandbox.app.listen({ port, host });
} catch (error) {
  sandbox.app.log.error(error, 'WeChat sandbox failed to start');
  process.exit(1);
}
