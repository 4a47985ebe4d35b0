/**
 * `node .build/scripts/release-notes.js v1.2.3`: prints CHANGELOG.md's section for that tag, the
 * notes of the GitHub release. Fails, saying what to fix, when the tag, package.json's version
 * and the CHANGELOG's newest release disagree, so a release never ships notes of another version.
 */
import { readFileSync } from 'node:fs';
import { release, releases } from './docs/changelog.js';

const tag = process.argv[2] ?? '';
const version = tag.replace(/^v/, '');
const changelog = readFileSync('CHANGELOG.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const newest = releases(changelog)[0];
const section = release(changelog, version);

const problems = [
  !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version) && `'${tag}' is not a version tag like v1.2.3.`,
  pkg.version !== version && `package.json says ${pkg.version}, the tag says ${version}: set "version" and tag again.`,
  !section && `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: add one and tag again.`,
  section && newest?.version !== version && `CHANGELOG.md's newest release is ${newest?.version}, not ${version}.`,
  section && section.notes === '' && `CHANGELOG.md's section for ${version} is empty.`
].filter((p): p is string => typeof p === 'string');

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exitCode = 1;
} else {
  process.stdout.write(section!.notes + '\n');
}
