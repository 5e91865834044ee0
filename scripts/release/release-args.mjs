// Pure: parses `npm run release -- ...` arguments.
import { ReleaseError } from './release-error.mjs';
import { assertVersion } from './release-version.mjs';

export const RELEASE_APPS = Object.freeze(['mall', 'campaign', 'tools']);

export const RELEASE_USAGE = `npm run release -- --app <mall|campaign|tools|all> [--version X.Y.Z] [--desc "..."] [--preview] [--dry-run]
  --app       which app(s) to release: one name, a comma list, or all
  --version   version shown in WeChat (default: version in the root package.json)
  --desc      description shown in WeChat (default: "v<version> (<short commit>)", or the tag when HEAD is tagged)
  --preview   make a preview QR code (reports/preview-<app>.png) instead of uploading a version
  --dry-run   check everything that can be checked without WeChat, upload nothing
  --root      repository root (default: this repository; used by tests)
Env per app (APP = MALL, CAMPAIGN, TOOLS):
  WECHAT_<APP>_APPID              the mini-program's appid (wx + 16 hex digits)
  WECHAT_<APP>_PRIVATE_KEY_PATH   path to the code-upload key file, kept outside git
  WECHAT_<APP>_PRIVATE_KEY        or the key's PEM text itself (CI secret)
  WECHAT_CI_ROBOT                 robot number 1-30 (default 1)`;

/**
 * @typedef {{ apps: string[], version: string | null, desc: string | null, preview: boolean,
 *             dryRun: boolean, root: string | null, help: boolean }} ReleaseArgs
 */

/**
 * @param {string[]} argv arguments after `--`
 * @returns {ReleaseArgs}
 * @example parseReleaseArgs(['--app', 'all', '--dry-run']) // { apps: ['mall', 'campaign', 'tools'], dryRun: true, ... }
 */
export function parseReleaseArgs(argv) {
  const args = { apps: [], version: null, desc: null, preview: false, dryRun: false, root: null, help: false };
  const appNames = [];
  for (let i = 0; i < argv.length; i += 1) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : null;
    const value = () => {
      if (inline !== null) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ReleaseError(`${flag} needs a value`, { usage: true });
      i += 1;
      return next;
    };
    const noValue = () => {
      if (inline !== null) throw new ReleaseError(`${flag} takes no value`, { usage: true });
    };
    switch (flag) {
      case '--app':
        appNames.push(...value().split(','));
        break;
      case '--version':
        args.version = assertVersion(value());
        break;
      case '--desc': {
        const desc = value().trim();
        if (desc === '') throw new ReleaseError('--desc must not be empty');
        args.desc = desc;
        break;
      }
      case '--root':
        args.root = value();
        break;
      case '--preview':
        noValue();
        args.preview = true;
        break;
      case '--dry-run':
        noValue();
        args.dryRun = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new ReleaseError(`unknown argument ${raw}`, { usage: true });
    }
  }
  if (args.help) return args;
  args.apps = resolveApps(appNames.map((name) => name.trim()).filter(Boolean));
  return args;
}

/** ['all'] -> the three apps; duplicates dropped; order as in RELEASE_APPS so runs are predictable. */
export function resolveApps(names) {
  if (names.length === 0)
    throw new ReleaseError(`--app is required: ${RELEASE_APPS.join(', ')} or all`, { usage: true });
  if (names.includes('all')) return [...RELEASE_APPS];
  const unknown = names.filter((name) => !RELEASE_APPS.includes(name));
  if (unknown.length > 0) {
    throw new ReleaseError(`unknown app ${unknown.join(', ')}: expected ${RELEASE_APPS.join(', ')} or all`, {
      usage: true,
    });
  }
  return RELEASE_APPS.filter((app) => names.includes(app));
}
