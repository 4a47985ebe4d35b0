import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

interface Step {
  name?: string;
  run?: string;
  if?: string;
}
const workflow = parse(readFileSync(new URL('../../.github/workflows/release.yml', import.meta.url), 'utf8')) as {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: { release: { steps: Step[] } };
};
const steps = workflow.jobs.release.steps;
const indexOf = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ''));

describe('the release workflow', () => {
  it('runs on every version tag, v1.0.0 included, and may write releases and tags', () => {
    expect(workflow.on.push.tags).toEqual(['v*.*.*']);
    expect(workflow.permissions.contents).toBe('write');
  });

  it('takes the notes from CHANGELOG.md, refusing a tag that package.json and the CHANGELOG do not name', () => {
    const notes = indexOf(/npm run -s release-notes -- "\$GITHUB_REF_NAME" > "\$RUNNER_TEMP\/notes\.md"/);
    const create = indexOf(/gh release create "\$GITHUB_REF_NAME" --verify-tag .*--notes-file "\$RUNNER_TEMP\/notes\.md"/);
    expect(notes).toBeGreaterThanOrEqual(0);
    expect(create).toBeGreaterThan(notes);
  });

  it('checks that dist/ is the build of the tagged commit and runs the tests before publishing', () => {
    const dist = indexOf(/npm run bundle[\s\S]*git status --porcelain -- dist[\s\S]*exit 1/);
    const tests = indexOf(/^npm test$/);
    const create = indexOf(/gh release create/);
    expect(dist).toBeGreaterThanOrEqual(0);
    expect(tests).toBeGreaterThan(dist);
    expect(create).toBeGreaterThan(tests);
  });

  it('then moves the major tag forward, never for a pre-release or an older line', () => {
    const move = steps[indexOf(/git push origin "refs\/tags\/\$major" --force/)]!;
    expect(steps.indexOf(move)).toBeGreaterThan(indexOf(/gh release create/));
    expect(move.if).toContain("!contains(github.ref_name, '-')");
    expect(move.run).toContain('major="${GITHUB_REF_NAME%%.*}"');
    expect(move.run).toMatch(/--sort=-v:refname[\s\S]*if \[ "\$newest" != "\$GITHUB_REF_NAME" \]/);
  });
});
