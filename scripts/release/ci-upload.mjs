// The only code that calls miniprogram-ci. Everything it passes on is built (and tested) in
// release-options.mjs; `ci` is the miniprogram-ci module, passed in so the caller loads it once.

/**
 * Uploads a version (体验版 candidate in 版本管理) or makes a preview QR code.
 * Needs WeChat's servers and an allow-listed IP (or the allow-list disabled).
 * @param {typeof import('miniprogram-ci')} ci
 * @param {import('./release-options.mjs').CiRequest} request
 * @param {(message: string) => void} [onProgress]
 */
export async function uploadApp(ci, request, onProgress = () => {}) {
  const project = new ci.Project(request.project);
  const options = {
    ...request.call,
    project,
    onProgressUpdate: (task) => onProgress(typeof task === 'string' ? task : `${task.status}: ${task.message}`),
  };
  return request.mode === 'preview' ? ci.preview(options) : ci.upload(options);
}

/**
 * The offline half: constructs the project exactly as uploadApp would and asks miniprogram-ci
 * which files it would pack and how big it counts the packages (no network involved).
 * @param {typeof import('miniprogram-ci')} ci
 * @param {import('./release-options.mjs').CiRequest} request
 * @returns {Promise<{ files: string[], packageBytes: Record<string, number> | null }>}
 *   packageBytes: { __APP__: main package bytes, '<root>/': subpackage bytes }
 */
export async function inspectApp(ci, request) {
  const project = new ci.Project(request.project);
  const files = project.getFileList();
  const checks = await ci.checkCodeQuality(project);
  const sizeCheck = Array.isArray(checks) ? checks.find((check) => check.name === 'PACKAGE_SIZE_LIMIT') : undefined;
  return { files, packageBytes: sizeCheck?.detail ?? null };
}
