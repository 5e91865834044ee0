// Pure: everything uploadApp hands to miniprogram-ci, built from the checked release inputs.
import { join } from 'node:path';
import { PACKAGE_IGNORES } from '../size/size-limits.config.mjs';

/**
 * Compile settings for WeChat's own pass over the package at upload. Taro has minified already;
 * these make WeChat transpile anything newer than its oldest supported clients (es6/es7), keep
 * WXML/WXSS minified (minify) and add vendor prefixes to WXSS (autoPrefixWXSS).
 */
export const CI_SETTING = Object.freeze({ es6: true, es7: true, minify: true, autoPrefixWXSS: true });

/**
 * @typedef {{ type: 'miniProgram', projectPath: string, appid: string, privateKeyPath: string, ignores: string[] }} ProjectOptions
 * @typedef {{ version: string, desc: string, robot: number, setting: typeof CI_SETTING,
 *             qrcodeFormat?: 'image', qrcodeOutputDest?: string }} CallOptions
 * @typedef {{ app: string, mode: 'upload' | 'preview', project: ProjectOptions, call: CallOptions }} CiRequest
 */

/**
 * @param {{ app: string, appid: string, projectPath: string, privateKeyPath: string, version: string,
 *           desc: string, robot: number, preview: boolean, reportsDir: string }} input
 * @returns {CiRequest}
 * @example buildCiRequest({ app: 'mall', preview: true, reportsDir: 'reports', ... }).call.qrcodeOutputDest // 'reports/preview-mall.png'
 */
export function buildCiRequest(input) {
  const project = {
    type: 'miniProgram',
    projectPath: input.projectPath,
    appid: input.appid,
    privateKeyPath: input.privateKeyPath,
    ignores: [...PACKAGE_IGNORES],
  };
  const call = { version: input.version, desc: input.desc, robot: input.robot, setting: { ...CI_SETTING } };
  if (input.preview) {
    return {
      app: input.app,
      mode: 'preview',
      project,
      call: { ...call, qrcodeFormat: 'image', qrcodeOutputDest: previewQrPath(input.reportsDir, input.app) },
    };
  }
  return { app: input.app, mode: 'upload', project, call };
}

/** reports/preview-<app>.png */
export function previewQrPath(reportsDir, app) {
  return join(reportsDir, `preview-${app}.png`);
}
