#!/usr/bin/env node
// `npm run release -- --app <mall|campaign|tools|all> [--version X.Y.Z] [--desc ...] [--preview] [--dry-run]`
// Checks every selected app first (credentials, key, build, project.config.json, size budget)
// and only then talks to WeChat, so a missing secret for one app never leaves the others
// half released. Problems are printed one line each, without stack traces.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bold, dim, fail, formatDuration, green, info, red, yellow } from '../lib/log.mjs';
import { ROOT } from '../lib/paths.mjs';
import { readPreviousReport } from '../size/size-report.mjs';
import { formatBytes } from '../size/size-report-format.mjs';
import { compileWithWeChat, formatCompileError } from '../weapp/wechat-compile.mjs';
import { inspectApp, uploadApp } from './ci-upload.mjs';
import { parseReleaseArgs, RELEASE_USAGE } from './release-args.mjs';
import { parseRobot } from './release-credentials.mjs';
import { ReleaseError } from './release-error.mjs';
import { readGitInfo } from './release-git.mjs';
import { keyFileFor } from './release-key.mjs';
import { buildCiRequest } from './release-options.mjs';
import { preflightApp } from './release-preflight.mjs';
import { deriveDesc, deriveVersion, tagVersionMismatch } from './release-version.mjs';

const debug = process.env.WEMATRIX_DEBUG === '1';

/** Removes the temp key file of the upload in progress; also run when the process is stopped. */
let cleanupActiveKey = () => {};

/** One line per failure; the stack only with WEMATRIX_DEBUG=1. */
function reportError(error) {
  if (error instanceof ReleaseError || !debug) fail(firstLine(error?.message ?? String(error)));
  else console.error(error);
}

function firstLine(text) {
  return String(text).split('\n')[0];
}

function readRootVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  } catch (error) {
    throw new ReleaseError(`cannot read ${join(root, 'package.json')}: ${firstLine(error.message)}`);
  }
}

/** In CI the tag may be known only from the event (shallow checkouts can miss it locally). */
function gitInfoFor(root, env) {
  const git = readGitInfo(root);
  if (!git.tag && env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME) return { ...git, tag: env.GITHUB_REF_NAME };
  return git;
}

function describeSizes(sizes) {
  const subs = sizes.subpackages.map((pkg) => `${pkg.root} ${formatBytes(pkg.bytes)}`).join(', ');
  return `${formatBytes(sizes.totalBytes)} (main ${formatBytes(sizes.main.bytes)}${subs ? `; ${subs}` : ''})`;
}

function printPlan({ preflight, request, inspected, compiled, dryRun }) {
  const verb = request.mode === 'preview' ? 'preview' : 'upload';
  const ciMain = inspected?.packageBytes?.__APP__;
  const lines = [
    dryRun
      ? `${green('✓')} ${bold(preflight.app)}: dry run passed, would ${verb}`
      : `› ${bold(preflight.app)}: ${verb}ing`,
    `    appid     ${request.project.appid}${
      preflight.previousAppid === request.project.appid
        ? ''
        : dim(`  (project.config.json appid ${JSON.stringify(preflight.previousAppid)} -> ${request.project.appid})`)
    }`,
    `    version   ${request.call.version}`,
    `    desc      ${request.call.desc}`,
    `    robot     ${request.call.robot}`,
    `    key       ${preflight.credentials.key.envName} (${preflight.keyDescription})`,
    `    files     ${inspected ? `${inspected.files.length} in miniprogram-ci's file list` : `${preflight.sizes.fileCount}`}`,
    `    size      ${describeSizes(preflight.sizes)}${ciMain === undefined ? '' : dim(`; miniprogram-ci counts main ${formatBytes(ciMain)}`)}`,
    `    compile   ok, WeChat's compiler (offline) in ${formatDuration(compiled.ms)}, ${compiled.files.length} files`,
  ];
  if (request.mode === 'preview') lines.push(`    QR code   ${request.call.qrcodeOutputDest}`);
  console.log(lines.join('\n'));
}

async function main(argv, env) {
  const args = parseReleaseArgs(argv);
  if (args.help) {
    console.log(RELEASE_USAGE);
    return 0;
  }
  const root = resolve(args.root ?? ROOT);
  const reportsDir = join(root, 'reports');
  const version = deriveVersion({ argVersion: args.version, packageVersion: readRootVersion(root) });
  const git = gitInfoFor(root, env);
  const desc = deriveDesc({ argDesc: args.desc, version, git });
  const robot = parseRobot(env.WECHAT_CI_ROBOT);
  const mismatch = tagVersionMismatch({ version, tag: git.tag });
  if (mismatch) console.warn(yellow(`! ${mismatch}`));

  // 1. Check every app before touching anything.
  const previousReport = readPreviousReport(reportsDir);
  const preflights = args.apps.map((app) => preflightApp({ app, root, env, previousReport }));
  for (const warning of preflights.flatMap((p) => p.warnings)) console.warn(yellow(`! ${warning}`));
  const problems = preflights.flatMap((p) => p.problems);
  if (problems.length > 0) {
    for (const problem of problems) fail(problem);
    fail(`release stopped: ${problems.length} problem(s); nothing was uploaded`);
    return 1;
  }

  // 2. miniprogram-ci is slow to load (~2 s) and only needed from here on.
  const ci = (await import('miniprogram-ci')).default;
  if (args.preview && !args.dryRun) mkdirSync(reportsDir, { recursive: true });
  let failures = 0;
  for (const preflight of preflights) {
    const keyFile = keyFileFor(preflight.credentials.key);
    cleanupActiveKey = keyFile.cleanup;
    try {
      const request = buildCiRequest({
        app: preflight.app,
        appid: preflight.credentials.appid,
        projectPath: preflight.projectPath,
        privateKeyPath: keyFile.path,
        version,
        desc,
        robot,
        preview: args.preview,
        reportsDir,
      });
      // WeChat's own compiler, offline, before anything is said ready or sent: checkCodeQuality
      // and the size checks never parse WXML, so they passed builds WeChat refuses.
      const compiled = await compileWithWeChat(preflight.projectPath);
      if (!compiled.ok) {
        failures += 1;
        fail(`${preflight.app}: WeChat's compiler refused ${preflight.projectPath}`);
        for (const error of compiled.errors) console.error(red(`    ${formatCompileError(error)}`));
        continue;
      }
      if (args.dryRun) {
        printPlan({ preflight, request, inspected: await inspectApp(ci, request), compiled, dryRun: true });
        continue;
      }
      // The uploaded project.config.json names the appid it is released under.
      writeFileSync(
        join(preflight.projectPath, 'project.config.json'),
        `${JSON.stringify(preflight.projectConfig, null, 2)}\n`,
      );
      printPlan({ preflight, request, inspected: null, compiled, dryRun: false });
      const result = await uploadApp(ci, request, (message) => console.log(dim(`    ${message}`)));
      const packages = (result?.subPackageInfo ?? []).map((pkg) => `${pkg.name} ${formatBytes(pkg.size)}`).join(', ');
      info(
        `${preflight.app}: ${request.mode === 'preview' ? `preview QR saved to ${request.call.qrcodeOutputDest}` : `version ${version} uploaded`}${packages ? ` (${packages})` : ''}`,
      );
    } catch (error) {
      failures += 1;
      fail(`${preflight.app}: ${firstLine(error?.message ?? error)}${ciHint(error)}`);
      if (debug) console.error(error);
    } finally {
      keyFile.cleanup();
      cleanupActiveKey = () => {};
    }
  }
  if (failures > 0) {
    fail(`${failures} of ${preflights.length} app(s) failed`);
    return 1;
  }
  if (args.dryRun) info(`dry run: ${preflights.length} app(s) ready; nothing was uploaded`);
  return 0;
}

/** miniprogram-ci's network failures, said in terms of what to do about them. */
function ciHint(error) {
  const text = `${error?.message ?? ''} ${error?.code ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|20001/.test(text)) return ' (cannot reach WeChat from here)';
  if (/invalid ip|白名单|whitelist/i.test(text)) return " (is this machine's IP on the upload key's allow-list?)";
  return '';
}

// miniprogram-ci can reject promises it never awaits; report them as one line instead of crashing with a stack.
process.on('unhandledRejection', (error) => {
  cleanupActiveKey();
  reportError(error);
  process.exit(1);
});
// A release stopped half way (Ctrl-C, CI cancel) must not leave an inline key in the temp folder.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanupActiveKey();
    fail(`stopped by ${signal}`);
    process.exit(130);
  });
}

let code;
try {
  code = await main(process.argv.slice(2), process.env);
} catch (error) {
  reportError(error);
  if (error instanceof ReleaseError && error.usage) console.error(`\n${RELEASE_USAGE}`);
  code = 1;
}
// miniprogram-ci leaves file watchers open; exit explicitly once the work is done.
process.exit(code);
