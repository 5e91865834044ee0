// Pure: the project.config.json that goes up with a build, checked against the release.

/** What Taro writes for a mini-program output whose project root is the output folder itself. */
const ROOT_SPELLINGS = new Set(['', '.', './', '/']);

/** The build's project.config.json carrying the appid being released (Taro writes a placeholder). */
export function withReleaseAppid(config, appid) {
  return { ...config, appid };
}

/**
 * Problems that would make the upload wrong or fail, as one-line messages.
 * @param {Record<string, unknown>} config dist/weapp/project.config.json, after withReleaseAppid
 * @param {{ app: string, appid: string }} release
 */
export function projectConfigProblems(config, { app, appid }) {
  const problems = [];
  const where = `${app}: dist/weapp/project.config.json`;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return [`${where} is not a JSON object`];
  if (config.appid !== appid) problems.push(`${where} appid is "${config.appid}", expected ${appid}`);
  if (config.compileType !== 'miniprogram') {
    problems.push(`${where} compileType is "${config.compileType ?? ''}", expected "miniprogram"`);
  }
  const root = config.miniprogramRoot;
  // The CI project path is the output folder; a root elsewhere would upload a folder that does not exist.
  if (root !== undefined && !(typeof root === 'string' && ROOT_SPELLINGS.has(root.trim()))) {
    problems.push(`${where} miniprogramRoot is "${root}", expected "./" (the output folder itself)`);
  }
  return problems;
}

/**
 * Pages app.json declares (main and subpackages) whose compiled .js is missing from the build.
 * @param {Record<string, unknown>} appJson
 * @param {Set<string>} filePaths '/'-separated paths relative to the output root
 */
export function missingPages(appJson, filePaths) {
  const pages = Array.isArray(appJson.pages) ? appJson.pages : [];
  const subpackages = [appJson.subPackages, appJson.subpackages].flatMap((list) => (Array.isArray(list) ? list : []));
  const all = [
    ...pages,
    ...subpackages.flatMap((pkg) =>
      (Array.isArray(pkg.pages) ? pkg.pages : []).map((page) => `${String(pkg.root).replace(/\/+$/, '')}/${page}`),
    ),
  ];
  return all.filter((page) => !filePaths.has(`${page}.js`));
}
