import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string };
};

/** First-column names of the Markdown table under a heading. */
function tableNames(heading: string): string[] {
  const section = readme.split(new RegExp(`^## ${heading}\\s*$`, 'm'))[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]!);
}

function tableDefaults(): Record<string, string> {
  const section = readme.split(/^## Inputs\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return Object.fromEntries([...section.matchAll(/^\| `([a-z_]+)` \| ([^|]*) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe('README', () => {
  it('lists exactly the inputs action.yml declares, in the same order', () => {
    expect(tableNames('Inputs')).toEqual(Object.keys(action.inputs));
  });

  it('lists exactly the outputs action.yml declares, in the same order', () => {
    expect(tableNames('Outputs')).toEqual(Object.keys(action.outputs));
  });

  it("states each input's action.yml default", () => {
    const defaults = tableDefaults();
    for (const [name, input] of Object.entries(action.inputs)) {
      if (input.default !== undefined) expect(defaults[name]).toBe(`\`${input.default}\``);
    }
  });

  it('documents every input and output in action.yml with a description', () => {
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) expect(entry.description.length).toBeGreaterThan(20);
    expect(action.runs.using).toBe('node24');
  });

  it('opens with one minimal workflow per platform and the quick start, before the contents', () => {
    const opening = readme.split(/^## Contents\s*$/m)[0]!;
    expect(opening).toMatch(/^## Quick start$/m);
    expect(opening).toMatch(/^npm start\b/m);
    expect(opening).toMatch(/^npm test\b/m);
    const workflows = [...opening.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((m) => parse(m[1]!) as { jobs: Record<string, { steps: Array<{ with?: { provider?: string } }> }> });
    const providers = workflows.map((w) => Object.values(w.jobs)[0]!.steps.find((step) => step.with)?.with?.provider ?? 'phala');
    expect(providers.sort()).toEqual(['camunda', 'phala', 'qovery']);
  });

  it('states the runner the node24 runtime needs, self-hosted runners included', () => {
    expect(readme).toContain('`node24`');
    expect(readme).toMatch(/runner \*\*v2\.327\.1 or newer\*\*/);
    expect(readme).toMatch(/self-hosted runner must be\s+updated to v2\.327\.1 or newer/);
  });

  it('shows how to pin a full commit SHA instead of @v1', () => {
    expect(readme).toMatch(/pin the full commit SHA/);
    expect(readme).toContain('rollback-action@<40-character commit SHA> # v1.');
  });
});
