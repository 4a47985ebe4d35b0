import { afterEach } from '@jest/globals';
import { runAction, type ActionRun, type RunOptions } from '../../../scripts/run-action.js';
import { startQoverySandbox, type QoverySandbox, type ScenarioOverrides } from '../../../sandbox/qovery/index.js';

const open: QoverySandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

/** Short platform timings keep the suite fast; tests that care about them override. */
export async function qoveryWith(overrides: ScenarioOverrides = {}): Promise<QoverySandbox> {
  const sandbox = await startQoverySandbox({ ...overrides, deployment: { startLagMs: 300, queuedMs: 200, durationMs: 500, ...overrides.deployment } });
  open.push(sandbox);
  return sandbox;
}

export function rollback(sandbox: QoverySandbox, inputs: Record<string, string> = {}, options: RunOptions = {}): Promise<ActionRun> {
  return runAction({ provider: 'qovery', app_id: sandbox.scenario.environmentId, api_url: sandbox.url, api_key: sandbox.scenario.token, ...inputs }, options);
}

/** The runner's annotations are read the same way for every platform. */
export { annotations, type Annotation } from '../helpers.js';

export function posts(sandbox: QoverySandbox) {
  return sandbox.requests.filter((request) => request.method === 'POST');
}

export interface ServiceOutput {
  id: string;
  name: string;
  type: string;
  from: string;
  to: string;
}

export function servicesOutput(run: ActionRun): ServiceOutput[] {
  return JSON.parse(run.outputs.services ?? '[]') as ServiceOutput[];
}
