import { describe, expect, it } from '@jest/globals';
import { commitOf } from '../../../sandbox/qovery/index.js';
import { annotations, posts, qoveryWith, rollback } from '../qovery/helpers.js';
import { expectChangedSaid, expectFailed } from './qovery-checks.js';

/** Class 1 on Qovery: exactly one deploy request, whatever its answer looks like. */
const HISTORY = ['v1', 'v2', 'v3'].map((v) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` } }));

describe('an unclear answer to the deploy request is never followed or re-sent', () => {
  it.each([
    ['303 See Other', { kind: 'redirect' as const, status: 303, location: '/environment/elsewhere' }],
    ['307 to the same origin', { kind: 'redirect' as const, status: 307, location: '/environment/elsewhere/service/deploy' }],
    ['302 to another origin', { kind: 'redirect' as const, status: 302, location: 'https://attacker.invalid/deploy' }],
    ['304 Not Modified', { kind: 'status' as const, status: 304, body: '' }],
    ['500', { kind: 'status' as const, status: 500 }],
    ['a reset connection', { kind: 'drop' as const }]
  ])('%s after Qovery acted: one request, the deployment found and followed to completed', async (_, fault) => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', ...fault, afterProcessing: true }] });
    const run = await rollback(sandbox, { timeout: '60' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
    expect(sandbox.deploys).toHaveLength(1);
    expect(sandbox.requests.some((r) => r.path === '/environment/elsewhere' || r.path.startsWith('/environment/elsewhere/'))).toBe(false);
    expect(annotations(run, 'warning').some((w) => w.title === 'Deploy request answer lost')).toBe(true);
  });

  it('a 302 to another origin before Qovery acted: watched 15 s (status, history and queue), then not acted on, nothing deployed', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', kind: 'redirect', status: 302, location: 'https://attacker.invalid/deploy' }] });
    const run = await rollback(sandbox, { timeout: '60' });
    expectFailed(run, 'Deploy request not acted on');
    expectChangedSaid(run, 'nothing');
    expect(posts(sandbox)).toHaveLength(1);
    const sentAt = posts(sandbox)[0]!.at;
    const after = sandbox.requests.filter((r) => r.at > sentAt);
    for (const path of ['/status', '/deploymentHistoryV2', '/deploymentQueue']) expect(after.some((r) => r.path.endsWith(path))).toBe(true);
    expect(after.at(-1)!.at - sentAt).toBeGreaterThanOrEqual(15_000);
  }, 60_000);

  it('another person’s RESTART that shows up during the watch is never adopted as ours', async () => {
    const sandbox = await qoveryWith({
      executions: HISTORY,
      faults: [{ endpoint: 'deploy', kind: 'drop' }],
      foreign: [{ afterMs: 3000, action: 'RESTART', durationMs: 400 }]
    });
    const run = await rollback(sandbox, { timeout: '60' });
    expectFailed(run, 'Deploy request not acted on');
    expectChangedSaid(run, 'nothing');
    expect(sandbox.executions()[0]!.triggerAction).toBe('RESTART');
    expect(posts(sandbox)).toHaveLength(1);
  }, 60_000);

  it('another person’s DEPLOY of other versions during the watch is not ours either', async () => {
    const sandbox = await qoveryWith({
      executions: HISTORY,
      faults: [{ endpoint: 'deploy', kind: 'status', status: 502 }],
      foreign: [{ afterMs: 3000, versions: { api: commitOf('hotfix') }, durationMs: 400 }]
    });
    const run = await rollback(sandbox, { timeout: '60' });
    expectFailed(run, 'Deploy request not acted on');
    expect(posts(sandbox)).toHaveLength(1);
  }, 60_000);

  it('an unreadable queue never proves "not acted on": a lost answer then ends undecided at the deadline', async () => {
    const sandbox = await qoveryWith({
      executions: HISTORY,
      faults: [
        { endpoint: 'deploy', kind: 'drop' },
        { endpoint: 'queue', kind: 'status', status: 404, times: Infinity }
      ]
    });
    const run = await rollback(sandbox, { timeout: '22' });
    expectFailed(run, 'Rollback timed out');
    expectChangedSaid(run, 'unknown');
    expect(run.stdout).toContain('The deployment queue could not be read');
    expect(posts(sandbox)).toHaveLength(1);
  }, 60_000);

  it('an unreadable queue alone does not stop a rollback whose answer is clear', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'queue', kind: 'status', status: 404, times: Infinity }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
  });

  it('a 2xx whose body is not JSON is accepted: the deployment is looked up and followed, one request', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', kind: 'malformed', status: 202, afterProcessing: true }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
    expect(run.stdout).toContain('with a body that is not JSON: the deployment is looked up');
    expect(run.stdout).toMatch(/This run's deployment: execution [0-9a-f-]+ in the history/);
  });

  it('the watch never runs past the deadline: timeout 8 ends as undecided, saying the request may have reached Qovery', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', kind: 'drop', times: Infinity }] });
    const run = await rollback(sandbox, { timeout: '8' });
    expect(run.durationMs).toBeLessThan(18_000);
    expectFailed(run, 'Rollback timed out');
    expectChangedSaid(run, 'unknown');
    expect(posts(sandbox)).toHaveLength(1);
  });

  it('a definite refusal (400) says nothing was deployed, sent once', async () => {
    const sandbox = await qoveryWith({ executions: HISTORY, faults: [{ endpoint: 'deploy', kind: 'status', status: 400, body: '{"detail":"commit not found"}' }] });
    const run = await rollback(sandbox);
    expectFailed(run, 'Qovery refused the request');
    expect(annotations(run)[0]!.message).toContain('commit not found');
    expectChangedSaid(run, 'nothing');
    expect(posts(sandbox)).toHaveLength(1);
  });
});
