import { afterEach, describe, expect, it } from '@jest/globals';
import { commitOf } from '../../../sandbox/qovery/index.js';
import { startHealthApp, type HealthApp } from '../../../sandbox/shared/health-app.js';
import { annotations, posts, qoveryWith, rollback } from './helpers.js';

/**
 * rollback_when: unhealthy on Qovery: the gate is the same for every provider, so only its
 * behaviour is checked here (healthy: Qovery is never asked; unhealthy: the rollback runs).
 */

const release = (v: string) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` }, withoutVersion: ['db'] });
const FAILED_NEWEST = [release('v1'), release('v2'), { ...release('v3'), result: 'ERROR' as const }];
const apps: HealthApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function healthApp(): Promise<HealthApp> {
  const app = await startHealthApp();
  apps.push(app);
  return app;
}

describe('Qovery: rollback_when: unhealthy', () => {
  it('a healthy app: no request reaches Qovery, status skipped, health_before healthy', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const app = await healthApp();
    const run = await rollback(sandbox, { rollback_when: 'unhealthy', health_url: `${app.url}/healthz`, health_interval: '1' });

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy', health: 'skipped' });
    expect(sandbox.requests).toEqual([]);
    expect(run.summary).toContain('nothing was sent to Qovery');
  });

  it('a flapping app (fail, fail, ok) is healthy: Qovery is never asked', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const app = await healthApp();
    app.script([{ status: 503 }, { status: 502 }]);
    const run = await rollback(sandbox, { rollback_when: 'unhealthy', health_url: `${app.url}/healthz`, health_interval: '1' });
    expect(run.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy' });
    expect(app.requests).toHaveLength(3);
    expect(sandbox.requests).toEqual([]);
  });

  it('an unhealthy app is rolled back after health_failures failed probes in a row', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const app = await healthApp();
    app.script([{ status: 503 }, { status: 503 }]);
    const run = await rollback(sandbox, { rollback_when: 'unhealthy', health_url: `${app.url}/healthz`, health_interval: '1', health_failures: '2', health_timeout: '20' });

    expect(run.outputs.health_before).toBe('unhealthy');
    expect(posts(sandbox)).toHaveLength(1);
    expect(sandbox.requests[0]!.at).toBeGreaterThanOrEqual(app.requests[1]!.at);
    expect(run.outputs).toMatchObject({ status: 'completed', health: 'healthy' });
  });

  it('the probing is bounded by timeout, and says nothing was read from or sent to Qovery', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const app = await healthApp();
    app.setSteady('hang');
    const run = await rollback(sandbox, { rollback_when: 'unhealthy', health_url: `${app.url}/healthz`, timeout: '2' });
    expect(annotations(run)[0]!.message).toContain('Nothing was read from or sent to Qovery');
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  });

  it('an unreachable app (refused) counts as failed; with dry_run the rollback is resolved and nothing is sent', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const app = await healthApp();
    const url = `${app.url}/healthz`;
    await app.close();
    const run = await rollback(sandbox, { rollback_when: 'unhealthy', health_url: url, health_interval: '1', health_failures: '2', dry_run: 'true' });
    expect(run.outputs).toMatchObject({ status: 'dry_run', health_before: 'unhealthy' });
    expect(run.summary).toContain('connection refused (ECONNREFUSED)');
    expect(posts(sandbox)).toEqual([]);
  });

  it('rollback_when: unhealthy without health_url is refused before any request', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const run = await rollback(sandbox, { rollback_when: 'unhealthy' });
    expect(annotations(run)[0]!.title).toBe("Invalid input 'health_url'");
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  });
});
