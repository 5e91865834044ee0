// Everything about one app that can be checked without WeChat: credentials, key, build output,
// project.config.json and package sizes. Collects every problem instead of stopping at the first,
// so one run tells the release engineer all there is to fix.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSizes } from '../size/size-budget.mjs';
import { measureApp, weappDir } from '../size/size-report.mjs';
import { describeViolation } from '../size/size-report-format.mjs';
import { readCredentials } from './release-credentials.mjs';
import { keyFileWarning, loadRsaKey } from './release-key.mjs';
import { missingPages, projectConfigProblems, withReleaseAppid } from './release-project-config.mjs';

/**
 * @typedef {{
 *   app: string,
 *   problems: string[],
 *   warnings: string[],
 *   credentials: import('./release-credentials.mjs').AppCredentials | null,
 *   keyDescription: string | null,
 *   projectPath: string,
 *   projectConfig: Record<string, unknown> | null,   with the release appid applied
 *   previousAppid: unknown,
 *   sizes: import('../size/package-sizes.mjs').AppSizes | null,
 * }} Preflight
 */

/**
 * @param {{ app: string, root: string, env: Record<string, string | undefined>, previousReport: object | null }} input
 * @returns {Preflight}
 */
export function preflightApp({ app, root, env, previousReport }) {
  const problems = [];
  const warnings = [];
  const { credentials, problems: credentialProblems } = readCredentials(app, env);
  problems.push(...credentialProblems);

  let keyDescription = null;
  if (credentials) {
    const loaded = loadRsaKey(credentials.key);
    if ('problem' in loaded) problems.push(loaded.problem);
    else keyDescription = loaded.description;
    const warning = keyFileWarning(credentials.key, root);
    if (warning) warnings.push(warning);
  }

  const projectPath = weappDir(root, app);
  const result = { app, problems, warnings, credentials, keyDescription, projectPath };
  if (!existsSync(join(projectPath, 'app.json'))) {
    problems.push(`${app}: no weapp build at ${projectPath}; run npm run build:weapp first`);
    return { ...result, projectConfig: null, previousAppid: undefined, sizes: null };
  }

  let sizes = null;
  try {
    sizes = measureApp(app, projectPath);
    const appJson = JSON.parse(readFileSync(join(projectPath, 'app.json'), 'utf8'));
    const missing = missingPages(appJson, new Set(sizes.files.map((file) => file.path)));
    if ((appJson.pages ?? []).length === 0) problems.push(`${app}: app.json declares no pages`);
    if (missing.length > 0) problems.push(`${app}: pages in app.json without a compiled .js: ${missing.join(', ')}`);
    const previous = previousReport?.apps?.find((entry) => entry.app === app && Array.isArray(entry.files)) ?? null;
    problems.push(...checkSizes(sizes, { previous }).map(describeViolation));
  } catch (error) {
    problems.push(`${app}: ${error.message}`);
  }

  const configFile = join(projectPath, 'project.config.json');
  let projectConfig = null;
  let previousAppid;
  if (!existsSync(configFile)) {
    problems.push(`${app}: ${configFile} is missing; the app needs a project.config.json for Taro to copy`);
  } else {
    try {
      const original = JSON.parse(readFileSync(configFile, 'utf8'));
      previousAppid = original?.appid;
      // Without a valid appid there is nothing to apply; the credential problem above already says so.
      projectConfig = credentials ? withReleaseAppid(original, credentials.appid) : original;
      if (credentials) problems.push(...projectConfigProblems(projectConfig, { app, appid: credentials.appid }));
    } catch (error) {
      problems.push(`${app}: ${configFile} is not valid JSON (${error.message})`);
    }
  }
  return { ...result, projectConfig, previousAppid, sizes };
}
