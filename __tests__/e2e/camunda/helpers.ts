import { afterEach } from '@jest/globals';
import { runAction, type ActionRun, type RunOptions } from '../../../scripts/run-action.js';
import { ADMIN } from '../../../sandbox/camunda/engine-process.js';
import { bpmnProcess, type EngineClient, type EngineDeployment } from '../../../sandbox/camunda/engine-client.js';
import { startFaultProxy, type FaultProxy } from '../../../sandbox/camunda/fault-proxy.js';

export { annotations, logLines } from '../helpers.js';

/** Runs the bundled action with provider camunda against `url`, as the admin unless inputs say otherwise. */
export function rollback(url: string, inputs: Record<string, string> = {}, options: RunOptions = {}): Promise<ActionRun> {
  return runAction({ provider: 'camunda', api_url: url, username: ADMIN.username, password: ADMIN.password, ...inputs }, options);
}

const proxies: FaultProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

/** A fault-injecting proxy in front of the engine, closed after the test. */
export async function proxyFor(engineUrl: string): Promise<FaultProxy> {
  const proxy = await startFaultProxy(engineUrl);
  proxies.push(proxy);
  return proxy;
}

/** Deploys one version of a single-process model per label, oldest first; returns them in that order. */
export async function history(engine: EngineClient, name: string, key: string, labels: string[], options: { tenantId?: string } = {}): Promise<EngineDeployment[]> {
  const made: EngineDeployment[] = [];
  for (const label of labels) made.push(await engine.deploy(name, { 'process.bpmn': bpmnProcess(key, label) }, options));
  return made;
}

/** The POSTs that reached the engine through the proxy (redeploys). */
export function posts(proxy: FaultProxy) {
  return proxy.requests.filter((request) => request.method === 'POST');
}
