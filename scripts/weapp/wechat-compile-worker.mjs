#!/usr/bin/env node
// Child process of wechat-compile.mjs: runs WeChat's compiler (miniprogram-ci getCompiledResult)
// over one project and writes the outcome as JSON. A child of its own because miniprogram-ci
// keeps a forked compiler and sockets open after it is done (the process would never exit) and
// caches one compiler per process.
// Usage: node wechat-compile-worker.mjs <projectPath> <resultFile> <settingJson>
import { writeFileSync } from 'node:fs';
import ci from 'miniprogram-ci';
import { PACKAGE_IGNORES } from '../size/size-limits.config.mjs';
import { offlineProject, throwawayKey } from './offline-project.mjs';

const [projectPath, resultFile, settingJson] = process.argv.slice(2);
const key = throwawayKey();
let outcome;
try {
  // The appid is never sent anywhere offline; the compile does not depend on it.
  const project = offlineProject(ci, {
    projectPath,
    appid: 'wx0000000000000000',
    privateKeyPath: key.path,
    ignores: [...PACKAGE_IGNORES],
  });
  const compiled = await ci.getCompiledResult({ project, setting: JSON.parse(settingJson) });
  const files = Object.entries(compiled).map(([file, content]) => ({
    file,
    bytes: Buffer.byteLength(content),
  }));
  outcome = { ok: true, files };
} catch (error) {
  outcome = {
    ok: false,
    error: { code: error?.code ?? null, message: String(error?.message ?? error), path: error?.path ?? null },
  };
} finally {
  key.remove();
}
writeFileSync(resultFile, JSON.stringify(outcome));
process.exit(0);
