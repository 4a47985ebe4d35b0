import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { ACTION_VERSION } from '../src/version.js';
import { release, releases } from '../scripts/docs/changelog.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string };
const changelog = read('CHANGELOG.md');

describe('version', () => {
  it('matches package.json, so the User-Agent names the release that runs', () => {
    expect(ACTION_VERSION).toBe(pkg.version);
  });

  it("is the CHANGELOG's newest release, whose section the release workflow publishes as notes", () => {
    const newest = releases(changelog)[0];
    expect(newest?.version).toBe(pkg.version);
    expect(newest?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(newest?.notes).toMatch(/^### Added$/m);
  });

  it('is a stable major version, the one every example and the security policy pin', () => {
    const major = `v${pkg.version.split('.')[0]}`;
    expect(major).toBe('v1');
    expect(read('SECURITY.md')).toContain(`@${major}`);
    expect(read('README.md')).toContain(`@${major}`);
  });

  it('is the only one the documents pin: no example or policy names another major tag', () => {
    const major = `v${pkg.version.split('.')[0]}`;
    const docs = ['README.md', 'SECURITY.md', 'CHANGELOG.md', 'CONTRIBUTING.md', ...readdirSync(new URL('../docs/', import.meta.url)).map((f) => `docs/${f}`)];
    const other = docs.flatMap((file) => [...read(file).matchAll(/rollback-action@v(\d+)\b/g)].filter((m) => `v${m[1]}` !== major).map((m) => `${file}: ${m[0]}`));
    expect(other).toEqual([]);
  });
});

describe('CHANGELOG.md', () => {
  it('links releases relative to the repository that holds it, never to a named repository', () => {
    const links = [...changelog.matchAll(/^\[[^\]]+\]: (\S+)/gm)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => l.startsWith('http') && !/keepachangelog|semver/.test(l))).toEqual([]);
  });

  it("gives each release its own section, the notes ending before the next release's heading", () => {
    const text = '# C\n\n## [Unreleased]\n\n## [1.1.0] - 2027-01-02\n\n### Fixed\n\n- a\n\n## [1.0.0] - 2026-12-07\n\n### Added\n\n- b\n\n[1.1.0]: ../../compare/v1.0.0...v1.1.0\n';
    expect(releases(text).map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
    expect(release(text, 'v1.1.0')?.notes).toBe('### Fixed\n\n- a');
    expect(release(text, '1.0.0')?.notes).toBe('### Added\n\n- b');
    expect(release(text, '2.0.0')).toBeUndefined();
  });
});

describe('action.yml', () => {
  it('has a description the Marketplace accepts (under 125 characters)', () => {
    const action = parse(read('action.yml')) as { description: string };
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.description.length).toBeLessThan(125);
  });
});
