// WeChat's compiler (miniprogram-ci, offline) over a tiny built app: the check that catches a
// WXML WeChat refuses, and the WXML minifier that keeps Taro's output acceptable to it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compareCompiledFiles } from './compiled-files.mjs';
import { compileWithWeChat, formatCompileError, parseCompileError } from './wechat-compile.mjs';

const require = createRequire(import.meta.url);
const { minifyWxml } = require('../../config/wxml-minify-plugin.js');
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'unclosed-input');
const PAGE = 'pages/index/index.wxml';
const COMPILE_TIMEOUT = 120_000;

let copies = [];
function copyOfFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'wxcompile-fixture-'));
  cpSync(FIXTURE, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  copies = [];
});

describe('compileWithWeChat', () => {
  it(
    'fails on an unclosed <input>, naming the file, line and column',
    async () => {
      const outcome = await compileWithWeChat(copyOfFixture());
      expect(outcome.ok).toBe(false);
      expect(outcome.errors).toEqual([
        { file: PAGE, line: 2, column: 67, message: 'unexpected end tag: view', code: 10038 },
      ]);
      expect(formatCompileError(outcome.errors[0])).toBe(`${PAGE}:2:67: unexpected end tag: view (code 10038)`);
    },
    COMPILE_TIMEOUT,
  );

  it(
    'passes the same app once the input is self-closed, and lists what it compiled',
    async () => {
      const dir = copyOfFixture();
      const page = join(dir, PAGE);
      writeFileSync(page, readFileSync(page, 'utf8').replace('placeholder="姓名">', 'placeholder="姓名"/>'));
      const outcome = await compileWithWeChat(dir);
      expect(outcome.ok).toBe(true);
      expect(outcome.files.map((f) => f.file)).toEqual(expect.arrayContaining(['app.json', 'app.js', PAGE]));
    },
    COMPILE_TIMEOUT,
  );

  it(
    "accepts Taro-style WXML after minifyWxml (Taro's own minifyXML drops </input>)",
    async () => {
      // Given: the shape Taro writes in base.wxml: <input …></input> inside a template
      const dir = copyOfFixture();
      const taroStyle = `<template name="field">
        <view class="field">  <input value="{{value}}" bindinput="eh"></input>  </view>
      </template>
      <view class="page"> <template is="field" data="{{value: name}}" /> </view>`;
      // When: minified the way the production build does
      const minified = await minifyWxml(taroStyle);
      writeFileSync(join(dir, PAGE), minified);
      // Then: whitespace is gone, the input is self-closed, and WeChat compiles it
      expect(minified).toContain('<view class="field"><input value="{{value}}" bindinput="eh"/></view>');
      expect((await compileWithWeChat(dir)).ok).toBe(true);
    },
    COMPILE_TIMEOUT,
  );
});

describe('parseCompileError', () => {
  it('splits line:column:text and keeps the path', () => {
    expect(
      parseCompileError({ code: 10038, path: 'base.wxml', message: '1:5659:unexpected end tag: template' }),
    ).toEqual({ file: 'base.wxml', line: 1, column: 5659, message: 'unexpected end tag: template', code: 10038 });
  });
  it('keeps a message without a position whole', () => {
    expect(parseCompileError({ message: 'app.json: pages[0] not found' })).toEqual({
      file: null,
      line: null,
      column: null,
      message: 'app.json: pages[0] not found',
      code: null,
    });
  });
});

describe('compareCompiledFiles', () => {
  it('counts only uploaded file types and names the files on one side only', () => {
    const built = [
      { path: 'app.js', bytes: 10 },
      { path: 'base.wxml', bytes: 20 },
      { path: 'vendors.js.LICENSE.txt', bytes: 99 },
    ];
    const compiled = [
      { file: 'app.js', bytes: 9 },
      { file: 'base.wxml', bytes: 20 },
      { file: '@babel/runtime/helpers/typeof.js', bytes: 5 },
    ];
    expect(compareCompiledFiles(built, compiled)).toEqual({
      sameFiles: false,
      onlyBuilt: [],
      onlyCompiled: ['@babel/runtime/helpers/typeof.js'],
      builtBytes: 30,
      compiledBytes: 34,
    });
  });
});
