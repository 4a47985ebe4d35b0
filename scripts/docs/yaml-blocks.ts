/**
 * The YAML examples in the README and docs/: found, parsed, and made into workflows actionlint
 * can check. A reader copies these blocks into an incident workflow, so one that does not parse,
 * or that uses an input the action does not have, fails a test or CI before it fails a reader.
 *
 * The wrapping rule (documented in CONTRIBUTING.md): a block is linted as the smallest workflow
 * that contains it.
 * - has `jobs:`                      a workflow; `on: workflow_dispatch` is added when `on` is missing
 * - has `runs-on:` or `steps:`       one job
 * - a list, or has `uses:`/`run:`   steps (a list), or one step
 * - has `with:` alone, or only keys that are inputs of action.yml
 *                                    the `with:` of a step that uses this action
 * - only workflow-level keys (`concurrency:`, `permissions:`, `env:`, …)
 *                                    a workflow with one placeholder job
 * Anything else cannot be checked and is reported, so every block is either linted or fixed.
 * `uses:` of this action (`<owner>/rollback-action@<ref>`) becomes `uses: ./`, so actionlint
 * checks the inputs in `with:` against action.yml.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parse, parseDocument } from 'yaml';

export interface YamlBlock {
  /** Repository-relative file, e.g. docs/qovery.md. */
  file: string;
  /** Line of the opening ``` fence, 1-based. */
  line: number;
  text: string;
}

export interface Wrapped {
  block: YamlBlock;
  kind: 'workflow' | 'job' | 'steps' | 'step' | 'with' | 'workflow keys';
  /** The smallest workflow holding the block, the block's lines kept in order and in one piece. */
  workflow: string;
  /** Lines added before the block, to map actionlint's positions back to the Markdown file. */
  prefixLines: number;
}

export type Checked = Wrapped | { block: YamlBlock; error: string };

/** Every fenced block whose info string is `yaml` or `yml`. */
export function yamlBlocks(file: string, markdown: string): YamlBlock[] {
  const blocks: YamlBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(\S*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const end = lines.findIndex((l, j) => j > i && l.trimStart().startsWith(fence) && l.trim() === fence.charAt(0).repeat(l.trim().length) && l.trim().length >= fence.length);
    const close = end < 0 ? lines.length : end;
    if (/^ya?ml$/i.test(info))
      blocks.push({
        file,
        line: i + 1,
        text:
          lines
            .slice(i + 1, close)
            .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
            .join('\n') + '\n'
      });
    i = close;
  }
  return blocks;
}

const WORKFLOW_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);
/** `uses: <owner>/rollback-action@<ref>`, whatever owner and ref an example shows. */
const THIS_ACTION = /(\buses:\s*)["']?[A-Za-z0-9_.-]+\/rollback-action@[^\s"'#]+["']?/g;
const DISPATCH = 'on: workflow_dispatch\n';
const JOB = 'jobs:\n  example:\n';
const STEPS = `${JOB}    runs-on: ubuntu-latest\n    steps:\n`;

function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(Math.min(indent, /^ */.exec(l)![0].length))).join('\n');
}

function indent(text: string, by: number): string {
  return text
    .split('\n')
    .map((l) => (l.trim() === '' ? l : ' '.repeat(by) + l))
    .join('\n');
}

/** Parses a block and wraps it as the rule above says. `inputs`: the input names of action.yml. */
export function checkBlock(block: YamlBlock, inputs: ReadonlySet<string>): Checked {
  const doc = parseDocument(block.text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) return { block, error: doc.errors.map((e) => e.message.split('\n')[0]).join('; ') };
  const text = dedent(block.text.replace(THIS_ACTION, '$1./')).replace(/\n*$/, '\n');
  let kind: Wrapped['kind'];
  let prefix: string;
  let body = text;
  let suffix = '';
  if (isSeq(doc.contents)) {
    kind = 'steps';
    prefix = DISPATCH + STEPS;
    body = indent(text, 6);
  } else if (!isMap(doc.contents)) {
    return { block, error: 'not a mapping or a list, so it cannot be part of a workflow' };
  } else {
    const keys = Object.keys(doc.toJS() as Record<string, unknown>);
    if (keys.includes('jobs')) {
      kind = 'workflow';
      prefix = keys.includes('on') ? '' : DISPATCH;
    } else if (keys.includes('runs-on') || keys.includes('steps')) {
      kind = 'job';
      prefix = DISPATCH + JOB;
      body = indent(text, 4);
    } else if (keys.includes('uses') || keys.includes('run')) {
      kind = 'step';
      prefix = DISPATCH + STEPS;
      body = indent(text.replace(/^/, '- ').replace(/\n(?=.)/g, '\n  '), 6);
    } else if ((keys.length === 1 && keys[0] === 'with') || (keys.length > 0 && keys.every((k) => inputs.has(k)))) {
      kind = 'with';
      const inWith = keys[0] === 'with' && keys.length === 1;
      prefix = DISPATCH + STEPS + '      - uses: ./\n' + (inWith ? '' : '        with:\n');
      body = indent(text, inWith ? 8 : 10);
    } else if (keys.length > 0 && keys.every((k) => WORKFLOW_KEYS.has(k))) {
      kind = 'workflow keys';
      prefix = keys.includes('on') ? '' : DISPATCH;
      suffix = STEPS + '      - run: "true"\n';
    } else {
      return { block, error: `cannot tell which part of a workflow this is (keys: ${keys.join(', ')}); make it a workflow, a job, steps, a step or a with:` };
    }
  }
  return { block, kind, workflow: prefix + body + suffix, prefixLines: prefix.split('\n').length - 1 };
}

/** The Markdown line of a line in a wrapped workflow (1-based), or undefined when it is wrapping. */
export function markdownLine(wrapped: Wrapped, workflowLine: number): number | undefined {
  const inBlock = workflowLine - wrapped.prefixLines;
  return inBlock >= 1 && inBlock <= wrapped.block.text.split('\n').length - 1 ? wrapped.block.line + inBlock : undefined;
}

/** README.md and every Markdown file under docs/, the pages a reader copies examples from. */
export function documentationFiles(root: string): string[] {
  return [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`)
  ];
}

/** Every yaml block of those files, checked against the inputs action.yml declares. */
export function checkAll(root: string): Checked[] {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
  const inputs = new Set(Object.keys(action.inputs));
  return documentationFiles(root).flatMap((file) => yamlBlocks(file, readFileSync(join(root, file), 'utf8')).map((b) => checkBlock(b, inputs)));
}
