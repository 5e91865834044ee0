// Compiles a built mini-program with WeChat's own compiler (miniprogram-ci's local compile, the
// same pass upload and preview run), offline, and says where it fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CI_SETTING } from '../release/release-options.mjs';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'wechat-compile-worker.mjs');

/**
 * @typedef {{ file: string | null, line: number | null, column: number | null, message: string, code: number | string | null }} CompileError
 * @typedef {{ ok: true, files: { file: string, bytes: number }[], ms: number }
 *         | { ok: false, errors: CompileError[], ms: number }} CompileOutcome
 */

/**
 * miniprogram-ci reports a WXML/WXSS error as `{ code, path, message: "line:col:text" }`.
 * @param {{ code?: number | string | null, path?: string | null, message: string }} error
 * @returns {CompileError}
 * @example parseCompileError({ code: 10038, path: 'base.wxml', message: '1:5659:unexpected end tag: template' })
 *   // { file: 'base.wxml', line: 1, column: 5659, message: 'unexpected end tag: template', code: 10038 }
 */
export function parseCompileError(error) {
  const match = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(error.message.trim());
  return {
    file: error.path || null,
    line: match ? Number(match[1]) : null,
    column: match ? Number(match[2]) : null,
    message: match ? match[3] : error.message.trim(),
    code: error.code ?? null,
  };
}

/** `base.wxml:1:5659: unexpected end tag: template (code 10038)` */
export function formatCompileError(error) {
  const where = [error.file ?? '(unknown file)', error.line, error.column].filter((part) => part !== null).join(':');
  return `${where}: ${error.message}${error.code !== null ? ` (code ${error.code})` : ''}`;
}

/**
 * Runs WeChat's compiler over `projectPath` (a dist/weapp folder with app.json).
 * `setting` defaults to the release's, so this is the compile an upload would run.
 * @param {string} projectPath
 * @param {{ setting?: Record<string, boolean>, timeoutMs?: number }} [options]
 * @returns {Promise<CompileOutcome>}
 */
export async function compileWithWeChat(projectPath, { setting = CI_SETTING, timeoutMs = 5 * 60_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wematrix-wxcompile-'));
  const resultFile = join(dir, 'result.json');
  const started = Date.now();
  try {
    const { code, output } = await runWorker([projectPath, resultFile, JSON.stringify(setting)], timeoutMs);
    let outcome;
    try {
      outcome = JSON.parse(readFileSync(resultFile, 'utf8'));
    } catch {
      const tail = output.trim().split('\n').slice(-15).join('\n');
      const message = `the compiler exited (${code}) without a result:\n${tail}`;
      return {
        ok: false,
        errors: [{ file: null, line: null, column: null, message, code: null }],
        ms: Date.now() - started,
      };
    }
    const ms = Date.now() - started;
    return outcome.ok
      ? { ok: true, files: outcome.files, ms }
      : { ok: false, errors: [parseCompileError(outcome.error)], ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The worker's output is kept for the error message only: miniprogram-ci logs noise. */
function runWorker(args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, output });
    });
  });
}
