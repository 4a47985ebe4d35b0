import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { checkAll, checkBlock, markdownLine, yamlBlocks, type Wrapped } from '../../scripts/docs/yaml-blocks.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const inputs = new Set(['provider', 'api_key', 'app_id', 'revision']);
const fence = '```';

function wrap(text: string): Wrapped {
  const checked = checkBlock({ file: 'x.md', line: 10, text }, inputs);
  if ('error' in checked) throw new Error(checked.error);
  return checked;
}

describe('the yaml blocks of README.md and docs/', () => {
  const checked = checkAll(root);

  it('are there to check (the minimal workflow of each platform at least)', () => {
    expect(checked.filter((c) => c.block.file === 'README.md').length).toBeGreaterThanOrEqual(3);
  });

  it('each parse and fit in a workflow (CI then runs actionlint on them: npm run check:docs)', () => {
    const failing = checked.filter((c) => 'error' in c).map((c) => `${c.block.file}:${c.block.line}: ${'error' in c ? c.error : ''}`);
    expect(failing).toEqual([]);
  });

  it('use this action at @v1 or at a full commit SHA, never another major version', () => {
    const refs = checked.flatMap((c) => [...c.block.text.matchAll(/uses:\s*\S+\/rollback-action@(\S+)/g)].map((m) => `${c.block.file}:${c.block.line} @${m[1]}`));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !/@(v1|[0-9a-f]{40})$/.test(r))).toEqual([]);
  });
});

describe('a yaml block in the documentation', () => {
  it('is found with its file and the line of its opening fence, other languages left alone', () => {
    const md = ['# T', `${fence}sh`, 'npm test', fence, '', `${fence}yaml`, 'a: 1', fence, '  ```yml', '  b: 2', '  ```'].join('\n');
    expect(yamlBlocks('x.md', md)).toEqual([
      { file: 'x.md', line: 6, text: 'a: 1\n' },
      { file: 'x.md', line: 9, text: 'b: 2\n' }
    ]);
  });

  it('that does not parse is reported with the parser\'s reason (the old Qovery example: a ": " inside a plain scalar)', () => {
    const checked = checkBlock({ file: 'x.md', line: 1, text: `steps:\n  - run: echo '$X' | jq -r '.[] | "\\(.name): \\(.to)"'\n` }, inputs);
    expect(checked).toHaveProperty('error', expect.stringMatching(/mappings are not allowed/i));
  });

  it('that is a workflow without `on:` gets `on: workflow_dispatch`, and this action becomes `uses: ./`', () => {
    const w = wrap('jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: your-org/rollback-action@v1 # pinned\n');
    expect(w.kind).toBe('workflow');
    expect(w.workflow).toContain('uses: ./ # pinned');
    expect(parse(w.workflow)).toMatchObject({ on: 'workflow_dispatch', jobs: { a: { steps: [{ uses: './' }] } } });
    expect(markdownLine(w, 1)).toBeUndefined();
    expect(markdownLine(w, 2)).toBe(11);
  });

  it('that is a list of steps, indented as in a larger workflow, becomes the steps of one job', () => {
    const w = wrap('      - id: rollback\n        uses: acme/rollback-action@0123456789abcdef0123456789abcdef01234567\n      - run: echo done\n');
    expect(w.kind).toBe('steps');
    expect(parse(w.workflow)).toMatchObject({ jobs: { example: { steps: [{ id: 'rollback', uses: './' }, { run: 'echo done' }] } } });
    expect(markdownLine(w, w.prefixLines + 3)).toBe(13);
  });

  it("that is one step, one job, a `with:` or only this action's inputs is wrapped accordingly", () => {
    expect(parse(wrap('uses: your-org/rollback-action@v1\nwith:\n  app_id: a\n').workflow)).toMatchObject({
      jobs: { example: { steps: [{ uses: './', with: { app_id: 'a' } }] } }
    });
    expect(parse(wrap('runs-on: ubuntu-latest\nsteps:\n  - run: "true"\n').workflow)).toMatchObject({ jobs: { example: { 'runs-on': 'ubuntu-latest' } } });
    expect(parse(wrap('with:\n  app_id: a\n').workflow)).toMatchObject({ jobs: { example: { steps: [{ uses: './', with: { app_id: 'a' } }] } } });
    expect(parse(wrap('provider: qovery\napp_id: a\n').workflow)).toMatchObject({ jobs: { example: { steps: [{ uses: './', with: { provider: 'qovery', app_id: 'a' } }] } } });
  });

  it('that holds only workflow-level keys gets a placeholder job', () => {
    const w = wrap('concurrency:\n  group: rollback-${{ vars.APP }}\n  cancel-in-progress: false\n');
    expect(w.kind).toBe('workflow keys');
    expect(parse(w.workflow)).toMatchObject({ on: 'workflow_dispatch', concurrency: { group: 'rollback-${{ vars.APP }}' }, jobs: { example: { 'runs-on': 'ubuntu-latest' } } });
  });

  it('that is no part of a workflow is reported rather than skipped', () => {
    expect(checkBlock({ file: 'x.md', line: 1, text: 'services:\n  web: {}\n' }, inputs)).toHaveProperty('error', expect.stringContaining('cannot tell which part of a workflow'));
    expect(checkBlock({ file: 'x.md', line: 1, text: 'just text\n' }, inputs)).toHaveProperty('error');
  });
});
