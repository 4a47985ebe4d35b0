/**
 * `npm start -- qovery`: a real rollback against the local Qovery sandbox, no account and no
 * network. The newest deployment failed; 'previous' puts every service back on the last good one.
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
      { versions: { api: commitOf('v3'), web: '1.6.0' }, result: 'ERROR' }
    ],
    deployment: { startLagMs: 1500, queuedMs: 1000, durationMs: 3000 }
  });
  try {
    console.log(`Sandbox Qovery API at ${sandbox.url}`);
    console.log(`Environment ${sandbox.scenario.environmentId}: ${sandbox.executions().length} executions; the newest (api ${commitOf('v3').slice(0, 7)}, web 1.6.0) failed.\n`);
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
