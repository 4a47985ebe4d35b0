import { describe, expect, it } from '@jest/globals';
import { findCycles, findUpwardImports, importersOf, importGraph, layerOf, LAYERS, type Graph } from './import-graph.js';

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('is read from the sources: the entry reaches the pipeline, and a lazy import counts too', () => {
    expect(graph.get('index.ts')).toContain('main.ts');
    expect(graph.get('main.ts')).toEqual(expect.arrayContaining(['pipeline/run.ts', 'github/deployment-record.ts', 'verify/health-check.ts']));
  });

  it('places every module in a declared layer', () => {
    expect([...graph.keys()].filter((module) => layerOf(module) === -1)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no import that runs back up a layer or across to another provider', () => {
    expect(findUpwardImports(graph)).toEqual([]);
  });

  it('keeps only the entry and what every layer shares at the root of src/', () => {
    const rootFiles = [...graph.keys()].filter((module) => !module.includes('/'));
    const declared = LAYERS.flatMap((layer) => layer.members).filter((member) => !member.endsWith('/'));
    expect(rootFiles.sort()).toEqual(declared.sort());
  });
});

describe('one way out to the runner', () => {
  it('only the entry (inputs, secret masks) and report/action-io (where text is made safe and redacted) speak to the runner', () => {
    // The runner's protocol is spoken by report/runner-commands.ts, not @actions/core (start-up cost).
    expect(importersOf('@actions/core')).toEqual([]);
    const speakers = [...importGraph()].filter(([, targets]) => targets.includes('report/runner-commands.ts')).map(([module]) => module);
    expect(speakers.sort()).toEqual(['main.ts', 'report/action-io.ts']);
  });
});

describe('the checks themselves', () => {
  it('name the modules of a cycle, in the order they import each other', () => {
    const graph: Graph = new Map([
      ['settings.ts', ['verify/health-status.ts']],
      ['verify/health-status.ts', ['input-helper.ts']],
      ['input-helper.ts', ['settings.ts']],
      ['clock.ts', []]
    ]);
    expect(findCycles(graph)).toEqual(['input-helper.ts → settings.ts → verify/health-status.ts → input-helper.ts']);
  });

  it('name an import that runs up, with both layers', () => {
    const graph: Graph = new Map([
      ['trust/send-once.ts', ['providers/provider.ts', 'clock.ts']],
      ['providers/provider.ts', []],
      ['clock.ts', []]
    ]);
    expect(findUpwardImports(graph)).toEqual(['trust/send-once.ts (services) imports providers/provider.ts (providers), a layer above it']);
  });

  it('name a provider that reaches into another provider', () => {
    const graph: Graph = new Map([['providers/qovery/inputs.ts', ['providers/phala/inputs.ts']]]);
    expect(findUpwardImports(graph)).toEqual(["providers/qovery/inputs.ts imports providers/phala/inputs.ts: one provider reaches into another's folder"]);
  });
});
