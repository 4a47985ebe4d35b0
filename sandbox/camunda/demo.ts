/**
 * `npm start -- camunda`: a real rollback on a real Camunda 7 engine, no account and no network.
 * Builds and starts the sandbox engine, deploys two versions of a sample process, and runs the
 * bundled action exactly as the GitHub runner would, printing what a workflow sees.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printRun } from '../../scripts/demo-output.js';
import { runAction } from '../../scripts/run-action.js';
import { bpmnProcess, EngineClient } from './engine-client.js';
import { ADMIN, buildEngine, missingTools, startEngine, stopEngine, waitForEngine } from './engine-process.js';

export async function camundaDemo(): Promise<number> {
  const missing = missingTools();
  if (missing) {
    console.error(`Cannot start the Camunda sandbox engine: ${missing}.`);
    return 1;
  }
  buildEngine((line) => console.log(line));
  const engine = await startEngine(join(mkdtempSync(join(tmpdir(), 'camunda-demo-')), 'engine.log'));
  try {
    console.log(`Starting the Camunda 7 engine (pid ${engine.pid}, log ${engine.logFile})…`);
    await waitForEngine(engine);
    const client = new EngineClient(engine.url, ADMIN);
    const v1 = await client.deploy('invoice', { 'invoice.bpmn': bpmnProcess('invoice', 'Invoice v1') }, { source: 'ci' });
    const v2 = await client.deploy('invoice', { 'invoice.bpmn': bpmnProcess('invoice', 'Invoice v2 (broken)') }, { source: 'ci' });
    console.log(`Camunda engine-rest at ${engine.url}`);
    console.log(`Deployment 'invoice': v1 ${v1.id}, then v2 ${v2.id} (current).\n`);
    console.log('── action log ─────────────────────────────────────────────');
    const run = await runAction(
      { provider: 'camunda', api_url: engine.url, app_id: 'invoice', username: ADMIN.username, password: ADMIN.password, revision: 'previous' },
      { env: { GITHUB_REPOSITORY: 'acme/billing', GITHUB_RUN_ID: '1001', GITHUB_RUN_ATTEMPT: '1' } }
    );
    printRun(run);
    const [latest] = await client.latestProcess('invoice');
    const deployments = await client.deployments('invoice');
    console.log(`exit code ${run.exitCode} after ${(run.durationMs / 1000).toFixed(1)}s`);
    console.log(`Deployments now (newest first): ${deployments.map((d) => `${d.id} [${d.source ?? ''}]`).join(', ')}`);
    console.log(`Latest 'invoice' process definition: version ${latest?.version} from deployment ${latest?.deploymentId}`);
    return run.exitCode ?? 1;
  } finally {
    stopEngine(engine.pid);
  }
}
