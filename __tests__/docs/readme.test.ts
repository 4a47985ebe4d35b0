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
});
