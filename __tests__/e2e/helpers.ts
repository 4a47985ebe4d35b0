import { createHash } from 'node:crypto';
import { afterEach } from '@jest/globals';
import { runAction, type ActionRun, type RunOptions } from '../../scripts/run-action.js';
import { startSandbox, type Sandbox, type ScenarioOverrides } from '../../sandbox/phala/index.js';

/** A deterministic compose hash per label, so scenarios read as H('v1'), H('v2'). */
export function H(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

/** Short platform timings keep the suite fast; tests that care about them override. */
export async function sandboxWith(overrides: ScenarioOverrides = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ ...overrides, update: { startLagMs: 300, durationMs: 500, ...overrides.update } });
  open.push(sandbox);
  return sandbox;
}

/**
 * For tests that run side by side (it.concurrent), which the shared afterEach above would cut
 * short: a sandbox with the same short timings that the test itself closes when done.
 */
export async function withOwnSandbox<T>(overrides: ScenarioOverrides, use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ ...overrides, update: { startLagMs: 300, durationMs: 500, ...overrides.update } });
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

export function rollback(sandbox: Sandbox, inputs: Record<string, string> = {}, options: RunOptions = {}): Promise<ActionRun> {
  return runAction({ app_id: sandbox.scenario.appId, api_url: sandbox.url, api_key: sandbox.scenario.apiKey, ...inputs }, options);
}

export interface Annotation {
  level: string;
  title?: string;
  message: string;
}

/** `::error title=…::message` lines as the runner turns them into annotations. */
export function annotations(run: ActionRun, level = 'error'): Annotation[] {
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${level}`))
    .map((line) => {
      const match = /^::(\w+)(?: (.*?))?::(.*)$/.exec(line)!;
      const title = /title=([^,]*)/.exec(match[2] ?? '')?.[1];
      return { level: match[1]!, title: title === undefined ? undefined : unescape(title), message: unescape(match[3] ?? '') };
    });
}

/** The plain log lines a user reads (no workflow commands). */
export function logLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'));
}

/** Revision rows of a compose hash, newest first, as the sandbox serves them. */
export function revisionsOf(sandbox: Sandbox, hash: string) {
  return sandbox.revisions().filter((row) => row.compose_hash.toLowerCase().replace(/^0x/, '') === hash);
}

export function requestsTo(sandbox: Sandbox, method: string, pathPattern: RegExp) {
  return sandbox.requests.filter((request) => request.method === method && pathPattern.test(request.path));
}

/** The newest row that introduced a hash (not a restart of it): the revision a rollback should name. */
export function deployOf(sandbox: Sandbox, hash: string) {
  const row = revisionsOf(sandbox, hash).find((candidate) => candidate.operation_type !== 'restart');
  if (!row) throw new Error(`no deploy of ${hash} in the sandbox history`);
  return row;
}
