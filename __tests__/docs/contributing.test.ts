import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const contributing = read('CONTRIBUTING.md');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

describe('CONTRIBUTING.md', () => {
  it('covers the loop: install, test, lint, bundle, e2e, benchmark', () => {
    for (const command of ['npm ci', 'npm test', 'npm run lint', 'npm run typecheck', 'npm run bundle', '__tests__/e2e', 'npm run bench', 'bash .ci/run'])
      expect(contributing).toContain(command);
  });

  it('names only npm scripts that exist (in it and in the README)', () => {
    const named = [...`${contributing}\n${read('README.md')}`.matchAll(/npm run (?:-s )?([a-z][\w:-]*)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    expect([...new Set(named)].filter((name) => !(name in scripts))).toEqual([]);
  });

  it('maps folders and files that exist', () => {
    const map = contributing.split('## Where things live')[1]!.split('```')[1]!;
    const paths = [...map.matchAll(/(?:^|[\s,])((?:src|sandbox|scripts|__tests__|docs|dist|\.ci)\/[\w./-]*)/gm)].map((m) => m[1]!.replace(/,$/, ''));
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it('says how a platform is added, role by role, naming the files that exist for each', () => {
    const section = contributing.split('## Adding a platform')[1]!.split('\n## ')[0]!;
    for (const role of ['Settings and inputs', 'API client', 'Shapes', 'Resolve', 'Trigger', 'Wait', 'Error translation', 'Provider', 'Sandbox', 'Tests', 'Docs'])
      expect(section).toContain(`**${role}`);
    const files = [...section.matchAll(/`((?:src|__tests__|sandbox|scripts)\/[\w./-]+\.ts)`/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });
});
