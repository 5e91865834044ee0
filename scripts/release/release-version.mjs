// Pure: the version and description a release carries in WeChat.
import { ReleaseError } from './release-error.mjs';

/** X.Y.Z with an optional pre-release suffix (1.4.0-rc.1); WeChat shows it as is. */
export const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export function assertVersion(version, source = '--version') {
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version)) {
    throw new ReleaseError(`${source} must look like X.Y.Z (e.g. 1.4.0), got "${version ?? ''}"`);
  }
  return version;
}

/** --version wins; else the root package.json version. */
export function deriveVersion({ argVersion, packageVersion }) {
  if (argVersion) return assertVersion(argVersion);
  return assertVersion(packageVersion, 'package.json "version"');
}

/**
 * --desc wins; else the tag HEAD carries, or v<version>, followed by the short commit:
 * 'v1.4.0 (3f2a9c1)'. Outside a git checkout there is no commit to name.
 * @param {{ argDesc: string | null, version: string, git: { tag: string | null, shortCommit: string | null } }} input
 */
export function deriveDesc({ argDesc, version, git }) {
  if (argDesc) return argDesc;
  const name = git.tag ?? `v${version}`;
  return git.shortCommit ? `${name} (${git.shortCommit})` : name;
}

/**
 * A warning when HEAD's version tag names another version than the one being released
 * (e.g. tag v1.5.0 but package.json still 1.4.0): usually a forgotten version bump.
 */
export function tagVersionMismatch({ version, tag }) {
  const tagged = tag?.match(/^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/)?.[1];
  if (!tagged || tagged === version) return null;
  return `HEAD is tagged ${tag} but the release version is ${version}; pass --version ${tagged} or bump package.json`;
}
