import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs the committed bundle the way the GitHub runner does, and collects what a workflow would see. */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', existsUp());
function existsUp(): string {
  // Compiled copies live one level deeper (.build/scripts); the sources sit in scripts/.
  return fileURLToPath(import.meta.url).includes('/.build/') ? '..' : '.';
}

export const ACTION_ROOT = ROOT;

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Step outputs parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** Contents of the GITHUB_STEP_SUMMARY file. */
  summary: string;
  durationMs: number;
  /** Peak resident memory of the action's process in KiB, when the run asked for it (measureMemory). */
  maxRssKb?: number;
}

export interface RunOptions {
  /** Extra environment (e.g. RUNNER_DEBUG, PHALA_CLOUD_API_KEY); nothing of the test process leaks in. */
  env?: Record<string, string>;
  /** Kill the child if it runs longer (a test safety net, not the action's timeout). */
  killAfterMs?: number;
  /** Called once the child is started, e.g. to send it a signal. */
  onStart?: (child: ChildProcess) => void;
  /**
   * Run the action under GNU time (/usr/bin/time) and report its peak RSS as maxRssKb. Signals
   * sent in onStart then reach time, not node, so do not combine the two.
   */
  measureMemory?: boolean;
}

/**
 * The node binary that runs the bundle: ACTION_NODE (e.g. the Node 24 from scripts/node24.sh,
 * to run the suite on the runtime action.yml declares), else the one running the tests.
 */
export function actionNode(): string {
  return process.env.ACTION_NODE || process.execPath;
}

/** The inputs' defaults as action.yml declares them; the runner sets INPUT_* for each. */
export function actionDefaults(): Record<string, string> {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  const inputsBlock = text.split(/^inputs:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  const defaults: Record<string, string> = {};
  let current: string | undefined;
  for (const line of inputsBlock.split('\n')) {
    const name = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line);
    if (name) current = name[1];
    const value = /^ {4}default:\s*(?:'([^']*)'|"([^"]*)"|(\S.*))\s*$/.exec(line);
    if (value && current) defaults[current] = value[1] ?? value[2] ?? value[3] ?? '';
  }
  return defaults;
}

export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      outputs[name!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return outputs;
}

export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const work = mkdtempSync(join(tmpdir(), 'rollback-action-'));
  const outputFile = join(work, 'output');
  const summaryFile = join(work, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: work
  };
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, options.env);

  const started = Date.now();
  const rssFile = join(work, 'max-rss');
  const [command, args] = options.measureMemory
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, actionNode(), join(ROOT, 'dist', 'index.js')]]
    : [actionNode(), [join(ROOT, 'dist', 'index.js')]];
  const child = spawn(command, args, { env, cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
  options.onStart?.(child);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (code, sig) => done([code, sig])));
  clearTimeout(killer);
  const result: ActionRun = {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    durationMs: Date.now() - started
  };
  if (options.measureMemory) {
    const kb = Number(/(\d+)\s*$/.exec(readFileSync(rssFile, 'utf8'))?.[1]);
    if (Number.isFinite(kb)) result.maxRssKb = kb;
  }
  rmSync(work, { recursive: true, force: true });
  return result;
}
