import { describe, expect, it } from '@jest/globals';
import { commitOf, stableUuid } from '../../../sandbox/qovery/index.js';
import { annotations, posts, qoveryWith, rollback } from '../qovery/helpers.js';
import { expectChangedSaid, expectFailed } from './qovery-checks.js';

/** Class 2 on Qovery: `completed` only with proof, on this run's own deployment. */
const HISTORY = ['v1', 'v2', 'v3'].map((v) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` } }));

describe('the deployment followed is this run’s own', () => {
  it('by deployment_request_id: another request that runs first and succeeds is not taken for ours, which fails', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, busyForMs: 2000, queued: [{ versions: { web: '5.0.0' } }], deployment: { outcome: 'error' } });
    const run = await rollback(sandbox);
    expectFailed(run, 'Rollback deployment failed');
    expect(annotations(run)[0]!.message).toContain(sandbox.deploys[0]!.requestId);
    expectChangedSaid(run, 'accepted');
  });

  it('without a request id in the answer: someone else’s deployment that starts meanwhile is not ours; ours is found by its versions', async () => {
    const sandbox = await qoveryWith({
      executions: HISTORY,
      echoRequestId: false,
      busyForMs: 2500,
      queued: [{ versions: { web: '5.0.0' }, durationMs: 1500 }]
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(run.stdout).toMatch(/This run's deployment: request [0-9a-f-]+ in the deployment queue/);
    expect(posts(sandbox)).toHaveLength(1);
  });

  it('an execution listed before the send is never adopted: a lost answer with nothing new ends "not acted on"', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', kind: 'status', status: 503 }] });
    const run = await rollback(sandbox, { timeout: '60' });
    expectFailed(run, 'Deploy request not acted on');
    expectChangedSaid(run, 'nothing');
  }, 60_000);
});

describe('completed needs the services read back on their target versions', () => {
  it('a deployment that ends DEPLOYED on other versions fails, naming the service and the versions', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, deployment: { actualVersions: { api: commitOf('surprise') } } });
    const run = await rollback(sandbox);
    expectFailed(run, 'Rollback ended on other versions');
    const message = annotations(run)[0]!.message;
    expect(message).toContain(`api runs ${commitOf('surprise').slice(0, 12)} (expected ${commitOf('v2').slice(0, 12)})`);
    expect(message).not.toContain('web runs');
    expectChangedSaid(run, 'accepted');
  });

  it('a successful read-back says so', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Read back: 2 services on the target versions.');
    const readBack = sandbox.requests.filter((r) => r.path.endsWith('/deploymentHistoryV2')).at(-1)!;
    expect(readBack.at).toBeGreaterThan(posts(sandbox)[0]!.at);
  });

  it('the outcome is last_deployment_state, not state: a service outside the rollback in error does not fail it', async () => {
    const sandbox = await qoveryWith({
      services: [
        { name: 'api', type: 'APPLICATION' },
        { name: 'web', type: 'CONTAINER' }
      ],
      executions: [...HISTORY, { versions: { web: '1.0.4' }, result: 'ERROR' }, { versions: { api: commitOf('v4') } }]
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(sandbox.deploys[0]!.versions).toEqual({ [stableUuid('service:api')]: commitOf('v3') });
    expect(sandbox.state().state).toBe('DEPLOYMENT_ERROR');
  });
});
