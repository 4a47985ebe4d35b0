/**
 * `npm start -- qovery`: a real rollback against the local Qovery sandbox, no account and no
 * network. The newest deployment (web only) failed while a colleague's deployment runs: 'previous'
 * is queued behind it, puts web back on its last good version and leaves api alone.
 */
import { commitOf, startQoverySandbox } from '../sandbox/qovery/index.js';
import { printRun } from './demo-output.js';
import { runAction } from './run-action.js';

export async function demoQovery(): Promise<void> {
  const sandbox = await startQoverySandbox({
    services: [
      { name: 'api', type: 'APPLICATION' },
      { name: 'web', type: 'CONTAINER' },
      { name: 'db', type: 'DATABASE' }
    ],
    executions: [
      { versions: { api: commitOf('v1'), web: '1.4.0' }, withoutVersion: ['db'] },
      { versions: { api: commitOf('v2'), web: '1.5.0' }, withoutVersion: ['db'] },
      { versions: { web: '1.6.0' }, result: 'ERROR' }
    ],
    busyForMs: 5000,
    deployment: { startLagMs: 500, queuedMs: 1000, durationMs: 3000 }
  });
  try {
    console.log(`Sandbox Qovery API at ${sandbox.url}`);
    console.log(
      `Environment ${sandbox.scenario.environmentId}: ${sandbox.executions().length} executions; the newest finished one (web 1.6.0) failed, and a colleague's deployment is running.\n`
    );
    console.log('── action log ─────────────────────────────────────────────');
    const run = await runAction(
      { provider: 'qovery', app_id: sandbox.scenario.environmentId, api_url: sandbox.url, revision: 'previous' },
      { env: { QOVERY_CLI_ACCESS_TOKEN: sandbox.scenario.token } }
    );
    printRun(run);
    console.log(
      `exit code ${run.exitCode} after ${(run.durationMs / 1000).toFixed(1)}s; deploy requests accepted by the sandbox: ${sandbox.deploys.length}; requests made: ${sandbox.requests.length}`
    );
    console.log(
      `Services now: ${sandbox
        .services()
        .map((s) => `${s.name} ${s.state} ${s.version?.slice(0, 12) ?? '(no version)'}`)
        .join(', ')}`
    );
    process.exitCode = run.exitCode ?? 1;
  } finally {
    await sandbox.close();
  }
}
