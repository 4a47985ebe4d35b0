import { describe, expect, it } from '@jest/globals';
import { commitOf, stableUuid } from '../../../sandbox/qovery/index.js';
import { annotations, posts, qoveryWith, rollback } from './helpers.js';

const release = (v: string) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` }, withoutVersion: ['db'] });
const HISTORY = [release('v1'), release('v2'), { ...release('v3'), result: 'ERROR' as const }];

describe('Qovery: the deployment fails on the platform', () => {
  it('*_ERROR fails naming the services in error and their state', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, deployment: { outcome: 'error', errorServices: ['web'] } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    const error = annotations(run)[0]!;
    expect(error.title).toBe('Rollback deployment failed');
    expect(error.message).toContain(`DEPLOYMENT_ERROR`);
    expect(error.message).toContain(`web (container ${stableUuid('service:web')}): DEPLOYMENT_ERROR`);
    expect(error.message).not.toContain('api (application');
    expect(run.outputs.status).toBe('failed');
  });

  it('CANCELED fails', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, deployment: { outcome: 'canceled' } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]).toMatchObject({ title: 'Rollback deployment did not complete', message: expect.stringContaining('ended CANCELED') });
  });

  it('never takes the previous deployment’s terminal state for the new one', async () => {
    // The newest deployment before the rollback ended DEPLOYED; the status keeps showing it for 2.5 s.
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')], deployment: { startLagMs: 2500, outcome: 'error' } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('Rollback deployment failed');
    expect(annotations(run)[0]!.message).toContain(sandbox.deploys[0]!.requestId);
  });

  it('without a deployment_request_id in the answer, waits for a deployment id other than the baseline', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')], echoRequestId: false, deployment: { startLagMs: 2500, outcome: 'error' } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('Rollback deployment failed');
    expect(annotations(run)[0]!.message).toContain(sandbox.deploys[0]!.executionId);
  });

  it('times out naming what is pending, saying the request was accepted', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, deployment: { outcome: 'endless' } });
    const run = await rollback(sandbox, { timeout: '6' });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toMatch(/is DEPLOYING/);
    expect(sandbox.deploys).toHaveLength(1);
  });
});

describe('Qovery: busy, throttled and lost answers', () => {
  it('409 (where the API still answers it): waits for the running deployment to end, then sends once', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, busyForMs: 2500, conflictWhileBusy: true });
    // The baseline read sees the busy status, the send gets 409, the action waits.
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const sent = posts(sandbox);
    expect(sent.map((p) => p.status)).toEqual([409, 202]);
    expect(sandbox.deploys).toHaveLength(1);
    expect(run.stdout).toMatch(/The environment is busy: DEPLOYING/);
  });

  it('429 on the deploy request: waits as Retry-After says, then sends once', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', kind: 'status', status: 429, retryAfter: '2' }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const sent = posts(sandbox);
    expect(sent.map((p) => p.status)).toEqual([429, 202]);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  it('429 on reads: honours Retry-After and carries on', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'history', kind: 'status', status: 429, retryAfter: '1' }] });
    const run = await rollback(sandbox, { dry_run: 'true' });
    expect(run.exitCode).toBe(0);
    const history = sandbox.requests.filter((r) => r.path.endsWith('/deploymentHistoryV2'));
    expect(history.map((r) => r.status)).toEqual([429, 200]);
    expect(history[1]!.at - history[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('answer lost after the platform acted: follows the new deployment, never sends a second request', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', kind: 'drop', afterProcessing: true }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
    expect(sandbox.deploys).toHaveLength(1);
    expect(annotations(run, 'warning').some((a) => a.title === 'Deploy request answer lost')).toBe(true);
    expect(run.stdout).toContain(`following execution ${sandbox.deploys[0]!.executionId} in the history`);
  });

  it('5xx before the platform acted: reads status, history and queue for 15 s, fails saying nothing was deployed, sends once', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', kind: 'status', status: 502 }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(posts(sandbox)).toHaveLength(1);
    expect(sandbox.deploys).toHaveLength(0);
    expect(annotations(run)[0]).toMatchObject({ title: 'Deploy request not acted on', message: expect.stringContaining('Nothing was redeployed') });
    const after = sandbox.requests.slice(sandbox.requests.findIndex((r) => r.method === 'POST') + 1);
    expect(after.filter((r) => r.path.endsWith('/status')).length).toBeGreaterThanOrEqual(1);
    expect(after.filter((r) => r.path.endsWith('/deploymentHistoryV2')).length).toBeGreaterThanOrEqual(1);
    expect(after.filter((r) => r.path.endsWith('/deploymentQueue')).length).toBeGreaterThanOrEqual(1);
    expect(after.at(-1)!.at - sandbox.requests.find((r) => r.method === 'POST')!.at).toBeGreaterThanOrEqual(15_000);
  });

  it('a long wait stays well inside the 1000 requests per hour budget: polls slow down', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, deployment: { durationMs: 20_000 } });
    const run = await rollback(sandbox, {}, { killAfterMs: 60_000 });
    expect(run.exitCode).toBe(0);
    const polls = sandbox.requests.filter((r) => r.path.endsWith('/status'));
    // 21 s of waiting at 2 s → 10 s: about 6 polls; 1 s polling would be 21.
    expect(polls.length).toBeLessThanOrEqual(10);
    expect(sandbox.requests.length).toBeLessThanOrEqual(16);
  }, 60_000);
});

describe('Qovery: refused by the platform', () => {
  it('401: explains the token, nothing deployed', async () => {
    const sandbox = await qoveryWith();
    const run = await rollback(sandbox, { api_key: 'qov_wrong' });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]).toMatchObject({ title: 'Qovery rejected the API token', message: expect.stringMatching(/Nothing was (re)?deployed/) });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('403: shows what Qovery said (detail)', async () => {
    const sandbox = await qoveryWith({ access: false });
    const run = await rollback(sandbox);
    expect(annotations(run)[0]).toMatchObject({ title: 'No access to the environment', message: expect.stringContaining('You do not have the permission') });
  });

  it('404: names the environment id', async () => {
    const sandbox = await qoveryWith();
    const other = stableUuid('other environment');
    const run = await rollback(sandbox, { app_id: other });
    expect(annotations(run)[0]).toMatchObject({ title: 'Environment not found', message: expect.stringContaining(other) });
  });

  it('400 on the deploy request: shows the message, nothing deployed', async () => {
    const sandbox = await qoveryWith({
      executions: HISTORY,
      faults: [{ endpoint: 'deploy', kind: 'status', status: 400, body: '{"status":400,"error":"Bad Request","message":"image tag not found"}' }]
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toMatch(/Qovery says: "image tag not found"[\s\S]*Nothing was (re)?deployed/);
  });
});

describe('Qovery: inputs refused before any request', () => {
  it.each([
    ['an environment id that is not a UUID', { app_id: 'my-env' }, /app_id/],
    ['no token at all', { api_key: '' }, /api_key/],
    ['a revision that is neither previous, current nor an execution id', { revision: 'v1.2' }, /revision/],
    ['plain http to a remote host', { api_url: 'http://api.qovery.com' }, /api_url/]
  ])('%s', async (_what, inputs, input) => {
    const sandbox = await qoveryWith();
    const run = await rollback(sandbox, inputs as Record<string, string>);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toMatch(input);
    expect(sandbox.requests).toHaveLength(0);
  });
});
