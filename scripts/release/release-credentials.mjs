// Pure: reads one app's appid and upload key source, and the robot number, from the environment.
import { ReleaseError } from './release-error.mjs';

/** The shape WeChat gives mini-program appids: 'wx' and 16 lowercase hex digits. */
export const APPID_PATTERN = /^wx[0-9a-f]{16}$/;

/** Robot numbers miniprogram-ci accepts; each shows as its own uploader (ci机器人N) in WeChat. */
export const ROBOT_MIN = 1;
export const ROBOT_MAX = 30;

/** The variables for one app: WECHAT_MALL_APPID, WECHAT_MALL_PRIVATE_KEY_PATH, WECHAT_MALL_PRIVATE_KEY. */
export function credentialEnvNames(app) {
  const prefix = `WECHAT_${app.toUpperCase()}`;
  return { appid: `${prefix}_APPID`, keyPath: `${prefix}_PRIVATE_KEY_PATH`, key: `${prefix}_PRIVATE_KEY` };
}

const present = (value) => typeof value === 'string' && value.trim() !== '';

/**
 * @typedef {{ source: 'path', path: string, envName: string } | { source: 'inline', pem: string, envName: string }} KeySource
 * @typedef {{ app: string, appid: string, key: KeySource }} AppCredentials
 */

/**
 * One app's credentials, or every problem with them (each a one-line message naming the variable).
 * @param {string} app
 * @param {Record<string, string | undefined>} env
 * @returns {{ credentials: AppCredentials | null, problems: string[] }}
 */
export function readCredentials(app, env) {
  const names = credentialEnvNames(app);
  const problems = [];

  const appid = env[names.appid]?.trim() ?? '';
  if (!present(appid)) {
    problems.push(`${names.appid} is not set: the ${app} mini-program's appid (mp.weixin.qq.com 开发管理 → 开发设置)`);
  } else if (!APPID_PATTERN.test(appid)) {
    problems.push(`${names.appid} must be "wx" followed by 16 hex digits, got "${appid}"`);
  }

  /** @type {KeySource | null} */
  let key = null;
  const hasPath = present(env[names.keyPath]);
  const hasInline = present(env[names.key]);
  if (hasPath && hasInline) {
    problems.push(`set only one of ${names.keyPath} and ${names.key} for ${app}, not both`);
  } else if (hasPath) {
    key = { source: 'path', path: env[names.keyPath].trim(), envName: names.keyPath };
  } else if (hasInline) {
    key = { source: 'inline', pem: normalizePem(env[names.key]), envName: names.key };
  } else {
    problems.push(
      `${names.keyPath} (a key file outside git) or ${names.key} (the key's PEM text) is not set: the ${app} code-upload key`,
    );
  }

  return { credentials: problems.length === 0 ? { app, appid, key } : null, problems };
}

/**
 * CI secret stores often flatten a PEM to one line with literal "\n"; Windows editors add \r.
 * Both are put back to the PEM's real line breaks.
 */
export function normalizePem(text) {
  const unescaped = text.includes('\n') ? text : text.replace(/\\n/g, '\n');
  return `${unescaped.replace(/\r\n?/g, '\n').trim()}\n`;
}

/** WECHAT_CI_ROBOT: integer 1-30, default 1. */
export function parseRobot(value) {
  if (!present(value)) return ROBOT_MIN;
  const robot = Number(value.trim());
  if (!Number.isInteger(robot) || robot < ROBOT_MIN || robot > ROBOT_MAX) {
    throw new ReleaseError(`WECHAT_CI_ROBOT must be a whole number from ${ROBOT_MIN} to ${ROBOT_MAX}, got "${value}"`);
  }
  return robot;
}
