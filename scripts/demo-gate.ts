/**
 * `npm start -- gate`: rollback_when: unhealthy against the local Phala Cloud sandbox. First the
 * app answers healthy, so nothing is rolled back and the platform is never asked; then the
 * running revision breaks, the probes fail, the action rolls back and proves the app recovered.
 */
import { normaliseHash, startSandbox } from '../sandbox/phala/index.js';
import { printRun } from './demo-output.js';
import { runAction } from './run-action.js';

export async function demoGate(): Promise<number> {
  const sandbox = await startSandbox({ cvms: [{ name: 'web-1' }], update: { startLagMs: 1000, durationMs: 2000 } });
  const platformRequests = () => sandbox.requests.filter((request) => request.path.startsWith('/api/')).length;
  const inputs = {
    app_id: `app_${sandbox.scenario.appId}`,
    api_url: sandbox.url,
    rollback_when: 'unhealthy',
    health_url: `${sandbox.origin}/app/health`,
    health_failures: '3',
    health_interval: '1',
    health_timeout: '30'
  };
  const env = { PHALA_CLOUD_API_KEY: sandbox.scenario.apiKey };
  try {
    console.log(`Sandbox Phala Cloud API at ${sandbox.url}; the app's health endpoint at ${inputs.health_url}\n`);

    console.log('══ 1. The alert fired, but the app is healthy ═════════════');
    const healthy = await runAction(inputs, { env });
    printRun(healthy);
    console.log(`exit code ${healthy.exitCode}; requests to the platform: ${platformRequests()}; redeploys: ${sandbox.redeploys.length}\n`);

    const running = normaliseHash(sandbox.cvms()[0]!.compose_hash);
    sandbox.setUnhealthy([running]);
    console.log(`══ 2. The running revision ${running.slice(0, 12)}… breaks: /app/health answers 503 ══`);
    const unhealthy = await runAction(inputs, { env });
    printRun(unhealthy);
    console.log(`exit code ${unhealthy.exitCode}; redeploys: ${sandbox.redeploys.length}; CVM now runs ${normaliseHash(sandbox.cvms()[0]!.compose_hash).slice(0, 12)}…`);
    return healthy.exitCode === 0 && unhealthy.exitCode === 0 ? 0 : 1;
  } finally {
    await sandbox.close();
  }
}
