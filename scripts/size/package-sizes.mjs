// Pure: splits a built mini-program's files into WeChat packages (main + subpackages) and sums them.
import { UPLOADED_EXTENSIONS } from './size-limits.config.mjs';

/**
 * @typedef {{ path: string, bytes: number }} FileEntry   path is relative to the output root, '/'-separated
 * @typedef {{ root: string, bytes: number, fileCount: number }} PackageSize   root '' is the main package
 * @typedef {{ path: string, bytes: number, package: string }} LargestFile
 * @typedef {{
 *   app: string,
 *   totalBytes: number,
 *   fileCount: number,
 *   main: PackageSize,
 *   subpackages: PackageSize[],
 *   largestFiles: LargestFile[],
 *   files: FileEntry[],          the files that go into the package
 *   notUploaded: FileEntry[],    in the output but of a type WeChat does not pack
 * }} AppSizes
 */

/** 'pkg-a', './pkg-a/', '/pkg-a' -> 'pkg-a/' so that prefix tests cannot match 'pkg-ab/'. */
export function normalizeRoot(root) {
  const trimmed = String(root)
    .replace(/\\/g, '/')
    .replace(/^(\.\/|\/)+/, '')
    .replace(/\/+$/, '');
  return trimmed === '' ? '' : `${trimmed}/`;
}

/**
 * Subpackage roots declared in app.json. WeChat accepts both `subPackages` and `subpackages`;
 * independent subpackages (`independent: true`) are still separate packages for size purposes.
 * @param {Record<string, unknown>} appJson
 * @returns {string[]} normalized roots, e.g. ['pages-campaign/']
 */
export function subpackageRoots(appJson) {
  const declared = [appJson?.subPackages, appJson?.subpackages].flatMap((list) => (Array.isArray(list) ? list : []));
  const roots = declared.map((entry) => normalizeRoot(entry?.root ?? '')).filter((root) => root !== '');
  return [...new Set(roots)];
}

/** The package a file belongs to: its subpackage root, or '' for the main package. */
export function packageOf(path, roots) {
  // Longest root first, so a nested declaration (rare, and refused by WeChat) is at least deterministic.
  const match = [...roots].sort((a, b) => b.length - a.length).find((root) => path.startsWith(root));
  return match ?? '';
}

/**
 * Sizes of one app's packages.
 * @param {{ app: string, files: FileEntry[], appJson: Record<string, unknown>, largestFilesCount?: number }} input
 * @returns {AppSizes}
 */
export function measurePackages({ app, files, appJson, largestFilesCount = 10 }) {
  const roots = subpackageRoots(appJson);
  const sums = new Map([['', { root: '', bytes: 0, fileCount: 0 }]]);
  for (const root of roots) sums.set(root, { root, bytes: 0, fileCount: 0 });

  const byPath = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const sorted = byPath.filter((file) => isUploaded(file.path));
  for (const file of sorted) {
    const entry = sums.get(packageOf(file.path, roots));
    entry.bytes += file.bytes;
    entry.fileCount += 1;
  }

  const largestFiles = [...sorted]
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
    .slice(0, largestFilesCount)
    .map((file) => ({ path: file.path, bytes: file.bytes, package: packageLabel(packageOf(file.path, roots)) }));

  return {
    app,
    totalBytes: sorted.reduce((sum, file) => sum + file.bytes, 0),
    fileCount: sorted.length,
    main: sums.get(''),
    subpackages: roots.map((root) => sums.get(root)),
    largestFiles,
    files: sorted,
    notUploaded: byPath.filter((file) => !isUploaded(file.path)),
  };
}

/** True for file types WeChat packs (by extension, case-insensitive). */
export function isUploaded(path, extensions = UPLOADED_EXTENSIONS) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 && extensions.has(name.slice(dot).toLowerCase());
}

/** 'main' for the main package, else the subpackage root as declared ('pkg-a/'). */
export function packageLabel(root) {
  return root === '' ? 'main' : root;
}
