import { describe, expect, it } from 'vitest';
import { parseReleaseArgs, resolveApps } from './release-args.mjs';
import { ReleaseError } from './release-error.mjs';
import { assertVersion, deriveDesc, deriveVersion, tagVersionMismatch } from './release-version.mjs';

describe('parseReleaseArgs', () => {
  it('reads every option, in both --flag value and --flag=value forms', () => {
    expect(
      parseReleaseArgs(['--app', 'mall', '--version=1.4.0', '--desc', ' spring sale ', '--preview', '--dry-run']),
    ).toEqual({
      apps: ['mall'],
      version: '1.4.0',
      desc: 'spring sale',
      preview: true,
      dryRun: true,
      root: null,
      help: false,
    });
  });

  it('defaults to an upload with version and desc left to derivation', () => {
    expect(parseReleaseArgs(['--app', 'tools'])).toMatchObject({
      apps: ['tools'],
      version: null,
      desc: null,
      preview: false,
      dryRun: false,
    });
  });

  it.each([
    [
      ['--app', 'all'],
      ['mall', 'campaign', 'tools'],
    ],
    [
      ['--app', 'tools,mall'],
      ['mall', 'tools'],
    ],
    [['--app', 'campaign', '--app', 'campaign'], ['campaign']],
    [['--app=mall,all'], ['mall', 'campaign', 'tools']],
  ])('%j selects %j', (argv, apps) => {
    expect(parseReleaseArgs(argv).apps).toEqual(apps);
  });

  it.each([
    [[], /--app is required/],
    [['--app', 'shop'], /unknown app shop/],
    [['--app'], /--app needs a value/],
    [['--app', '--dry-run'], /--app needs a value/],
    [['--app', 'mall', '--version', '1.4'], /--version must look like X\.Y\.Z/],
    [['--app', 'mall', '--desc', '  '], /--desc must not be empty/],
    [['--app', 'mall', '--upload'], /unknown argument --upload/],
    [['--app', 'mall', '--dry-run=yes'], /--dry-run takes no value/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseReleaseArgs(argv)).toThrow(message);
    expect(() => parseReleaseArgs(argv)).toThrow(ReleaseError);
  });

  it('marks command-line mistakes as usage errors', () => {
    try {
      parseReleaseArgs(['--bogus']);
      expect.unreachable();
    } catch (error) {
      expect(error.usage).toBe(true);
    }
  });

  it('answers --help without requiring --app', () => {
    expect(parseReleaseArgs(['--help']).help).toBe(true);
  });

  it('resolveApps keeps the canonical order', () => {
    expect(resolveApps(['tools', 'campaign'])).toEqual(['campaign', 'tools']);
  });
});

describe('version and description', () => {
  it.each(['1.0.0', '10.20.30', '1.4.0-rc.1'])('accepts version %s', (version) => {
    expect(assertVersion(version)).toBe(version);
  });
  it.each(['1.0', 'v1.0.0', '1.0.0.0', '', 'latest'])('rejects version %j', (version) => {
    expect(() => assertVersion(version)).toThrow(/must look like X\.Y\.Z/);
  });

  it('takes --version over package.json, and checks package.json too', () => {
    expect(deriveVersion({ argVersion: '2.0.0', packageVersion: '0.1.0' })).toBe('2.0.0');
    expect(deriveVersion({ argVersion: null, packageVersion: '0.1.0' })).toBe('0.1.0');
    expect(() => deriveVersion({ argVersion: null, packageVersion: undefined })).toThrow(/package\.json "version"/);
  });

  it.each([
    [{ tag: null, shortCommit: '3f2a9c1' }, 'v0.3.0 (3f2a9c1)'],
    [{ tag: 'v0.3.0', shortCommit: '3f2a9c1' }, 'v0.3.0 (3f2a9c1)'],
    [{ tag: 'spring-sale', shortCommit: '3f2a9c1' }, 'spring-sale (3f2a9c1)'],
    [{ tag: null, shortCommit: null }, 'v0.3.0'],
  ])('derives the description from git %j', (git, desc) => {
    expect(deriveDesc({ argDesc: null, version: '0.3.0', git })).toBe(desc);
  });

  it('keeps an explicit --desc', () => {
    expect(deriveDesc({ argDesc: 'hotfix', version: '0.3.0', git: { tag: 'v0.3.0', shortCommit: 'abc' } })).toBe(
      'hotfix',
    );
  });

  it('warns when the version tag on HEAD and the release version differ', () => {
    expect(tagVersionMismatch({ version: '1.4.0', tag: 'v1.5.0' })).toMatch(/tagged v1\.5\.0 .* --version 1\.5\.0/);
    expect(tagVersionMismatch({ version: '1.5.0', tag: 'v1.5.0' })).toBeNull();
    expect(tagVersionMismatch({ version: '1.5.0', tag: 'nightly' })).toBeNull();
    expect(tagVersionMismatch({ version: '1.5.0', tag: null })).toBeNull();
  });
});
