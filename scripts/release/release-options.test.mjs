import { describe, expect, it } from 'vitest';
import { uploadApp } from './ci-upload.mjs';
import { buildCiRequest, CI_SETTING, previewQrPath } from './release-options.mjs';

const input = {
  app: 'mall',
  appid: 'wx0123456789abcdef',
  projectPath: '/repo/apps/mall/dist/weapp',
  privateKeyPath: '/secure/mall.key',
  version: '1.4.0',
  desc: 'v1.4.0 (3f2a9c1)',
  robot: 3,
  preview: false,
  reportsDir: '/repo/reports',
};

describe('buildCiRequest', () => {
  it('builds the miniprogram-ci project and upload options', () => {
    expect(buildCiRequest(input)).toEqual({
      app: 'mall',
      mode: 'upload',
      project: {
        type: 'miniProgram',
        projectPath: '/repo/apps/mall/dist/weapp',
        appid: 'wx0123456789abcdef',
        privateKeyPath: '/secure/mall.key',
        ignores: ['node_modules/**/*'],
      },
      call: {
        version: '1.4.0',
        desc: 'v1.4.0 (3f2a9c1)',
        robot: 3,
        setting: { es6: true, es7: true, minify: true, autoPrefixWXSS: true },
      },
    });
  });

  it('asks for a preview QR code saved as reports/preview-<app>.png', () => {
    const request = buildCiRequest({ ...input, preview: true });
    expect(request.mode).toBe('preview');
    expect(request.call).toMatchObject({ qrcodeFormat: 'image', qrcodeOutputDest: '/repo/reports/preview-mall.png' });
    expect(previewQrPath('/r', 'tools')).toBe('/r/preview-tools.png');
  });

  it('does not share the setting object between requests', () => {
    const request = buildCiRequest(input);
    request.call.setting.minify = false;
    expect(CI_SETTING.minify).toBe(true);
    expect(buildCiRequest(input).call.setting.minify).toBe(true);
  });
});

/** Records what uploadApp hands to miniprogram-ci's API (Project, upload, preview). */
function recordingCi() {
  const calls = [];
  class Project {
    constructor(options) {
      this.options = options;
      calls.push(['Project', options]);
    }
  }
  const answer = (name) => async (options) => {
    calls.push([name, options]);
    options.onProgressUpdate({ id: '1', status: 'done', message: 'compile' });
    options.onProgressUpdate('upload');
    return { subPackageInfo: [{ name: '__FULL__', size: 100 }] };
  };
  return { calls, ci: { Project, upload: answer('upload'), preview: answer('preview') } };
}

describe('uploadApp', () => {
  it('constructs the project from request.project and uploads with request.call', async () => {
    const { calls, ci } = recordingCi();
    const progress = [];
    const request = buildCiRequest(input);
    const result = await uploadApp(ci, request, (message) => progress.push(message));
    expect(result).toEqual({ subPackageInfo: [{ name: '__FULL__', size: 100 }] });
    expect(calls.map(([name]) => name)).toEqual(['Project', 'upload']);
    expect(calls[0][1]).toEqual(request.project);
    const { project, onProgressUpdate, ...rest } = calls[1][1];
    expect(project.options).toEqual(request.project);
    expect(rest).toEqual(request.call);
    expect(progress).toEqual(['done: compile', 'upload']);
  });

  it('previews instead of uploading when asked', async () => {
    const { calls, ci } = recordingCi();
    await uploadApp(ci, buildCiRequest({ ...input, preview: true }));
    expect(calls.map(([name]) => name)).toEqual(['Project', 'preview']);
    expect(calls[1][1].qrcodeOutputDest).toBe('/repo/reports/preview-mall.png');
  });
});
