import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Reads the shape of src/: every import (static, type-only, re-export or dynamic) runs down the layers
 * below, never back up, and no chain of imports comes back to where it started. A new rule that
 * every provider must obey belongs in a layer below the providers; a provider that reaches into
 * the pipeline, or a shared module that reaches into a provider, is refused here by name.
 */

export const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/**
 * Top to bottom. A module may import its own layer (without a cycle) and any layer below it.
 * Folders end with '/'; a root file is named as it is, because the root holds only the entry and
 * what every layer shares.
 */
export const LAYERS: ReadonlyArray<{ name: string; members: string[] }> = [
  { name: 'entry', members: ['index.ts', 'main.ts', 'input-helper.ts'] },
  { name: 'pipeline', members: ['pipeline/'] },
  { name: 'providers', members: ['providers/'] },
  { name: 'services', members: ['trust/', 'http/', 'report/', 'verify/', 'github/'] },
  { name: 'settings', members: ['inputs/', 'settings.ts', 'revision-selector.ts'] },
  { name: 'shared', members: ['errors.ts', 'clock.ts', 'log.ts', 'poll.ts', 'version.ts', 'rollback-plan.ts'] }
];

/** One platform never reaches into another's folder; only the registry knows them all. */
const PROVIDER_FOLDER = /^providers\/([^/]+)\//;

export type Graph = Map<string, string[]>;

/** The modules that import a package (e.g. '@actions/core'), relative to src/. */
export function importersOf(pkg: string, root: string = SRC): string[] {
  return sourceFiles(root)
    .filter((file) => ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.some((ref) => ref.fileName === pkg))
    .map((file) => relative(root, file))
    .sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of every module under src/, as paths relative to src/ ('a/b.ts'). */
export function importGraph(root: string = SRC): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(root)) {
    // preProcessFile sees `import … from`, `import type`, `export … from` and `import('…')`.
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(root, resolve(dirname(file), name)).replace(/\.js$/, '.ts'));
    graph.set(relative(root, file), [...new Set(targets)].sort());
  }
  return graph;
}

export function layerOf(module: string): number {
  const index = LAYERS.findIndex((layer) => layer.members.some((member) => (member.endsWith('/') ? module.startsWith(member) : module === member)));
  return index;
}

/** Every import cycle, each named as the path that closes it ('a.ts → b.ts → a.ts'). */
export function findCycles(graph: Graph): string[] {
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (module: string): void => {
    state.set(module, 'open');
    stack.push(module);
    for (const next of graph.get(module) ?? []) {
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.indexOf(next));
        // The same loop found from another entry point is reported once, from its smallest module.
        const start = loop.indexOf([...loop].sort()[0]!);
        const canonical = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.add([...canonical, canonical[0]].join(' → '));
      } else if (!state.has(next) && graph.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(module, 'done');
  };
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module);
  return [...cycles].sort();
}

/** Imports that run back up the declared layers, or from one platform's folder into another's. */
export function findUpwardImports(graph: Graph): string[] {
  const wrong: string[] = [];
  for (const [module, targets] of graph) {
    for (const target of targets) {
      const from = layerOf(module);
      const to = layerOf(target);
      if (to !== -1 && from !== -1 && to < from) {
        wrong.push(`${module} (${LAYERS[from]!.name}) imports ${target} (${LAYERS[to]!.name}), a layer above it`);
      }
      const ownFolder = PROVIDER_FOLDER.exec(module)?.[1];
      const otherFolder = PROVIDER_FOLDER.exec(target)?.[1];
      if (ownFolder && otherFolder && ownFolder !== otherFolder) wrong.push(`${module} imports ${target}: one provider reaches into another's folder`);
    }
  }
  return wrong.sort();
}
