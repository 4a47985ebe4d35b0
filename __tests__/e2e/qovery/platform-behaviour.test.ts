/**
 * Qovery as its own sources describe it (issue 14): the outcome field, the deploy queue, partial
 * deployments, what does not count, the documented rate limit, and what the target ran besides
 * its version. Each case runs dist/index.js against the sandbox.
 */
import { describe, expect, it } from '@jest/globals';
import { commitOf, stableUuid, type ExecutionSpec } from '../../../sandbox/qovery/index.js';
import { annotations, posts, qoveryWith, rollback } from './helpers.js';

const api = stableUuid('service:api');
const web = stableUuid('service:web');
const THREE = [
  { name: 'api', type: 'APPLICATION' as const },
  { name: 'web', type: 'CONTAINER' as const },
  { name: 'worker', type: 'CONTAINER' as const }
];
const release = (v: string) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` } });

describe('the outcome is the deployment’s own: last_deployment_state and the request, never `state`', () => {
  it('a successful rollback of api completes while worker, outside it, stays in error', async () => {
    const sandbox = await qoveryWith({
      services: THREE,
      executions: [{ versions: { api: commitOf('v1'), web: '1.0.1', worker: 'k1' } }, { versions: { worker: 'k2' }, result: 'ERROR' }, { versions: { api: commitOf('v2') } }]
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(sandbox.deploys[0]!.versions).toEqual({ [api]: commitOf('v1') });
    // The environment as a whole is still in error because of worker; the rollback is not blamed for it.
    expect(sandbox.state()).toMatchObject({ state: 'DEPLOYMENT_ERROR', lastDeploymentState: 'DEPLOYED' });
    expect(run.stdout).not.toMatch(/worker[^\n]*DEPLOYMENT_ERROR/);
  });

  it('READY is not success: a deployment that shows READY and then fails is reported failed', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')], deployment: { readyMs: 2500, outcome: 'error' } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('Rollback deployment failed');
    expect(run.stdout).toMatch(/is READY/);
  });
});

describe('deploy requests are queued, and the rollback follows its own', () => {
  it('queued behind a running deployment: logs its position, then follows its own execution to DEPLOYED', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')], busyForMs: 4000 });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(sandbox.deploys[0]).toMatchObject({ queued: true });
    expect(posts(sandbox)).toHaveLength(1);
    expect(run.stdout).toMatch(/is queued: position 1 of 1 in Qovery's deployment queue \(next to run, after the deployment running now\)/);
  });

  it('cancelled while queued: the cancellation message says the request is queued, and where', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')], busyForMs: 60_000 });
    const run = await rollback(
      sandbox,
      {},
      {
        onStart: (child) => {
          const poll = setInterval(() => {
            if (sandbox.requests.some((r) => r.path.endsWith('/deploymentQueue') && r.at > (posts(sandbox)[0]?.at ?? Infinity))) {
              clearInterval(poll);
              setTimeout(() => child.kill('SIGINT'), 300);
            }
          }, 100);
        }
      }
    );
    expect(run.outputs.status).toBe('cancelled');
    expect(annotations(run)[0]!.message).toMatch(/Pending: deployment request [0-9a-f-]+ is queued: position 1 of 1/);
  });

  it('another request queued before ours succeeds, ours fails: the rollback reports its own failure', async () => {
    const sandbox = await qoveryWith({
      executions: [release('v1'), release('v2')],
      busyForMs: 6000,
      queued: [{ versions: { web: '9.0.0' } }],
      deployment: { outcome: 'error' }
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('Rollback deployment failed');
    expect(annotations(run)[0]!.message).toContain(sandbox.deploys[0]!.requestId);
    expect(run.stdout).toMatch(/position 2 of 2/);
    expect(run.stdout).toMatch(/Queued deploy request .* by someone-else@example.com \(web\)/);
  });

  it('a queued request of the same user: warned before sending, merged, and the versions still checked after', async () => {
    const sandbox = await qoveryWith({
      executions: [release('v1'), release('v2')],
      busyForMs: 6000,
      queued: [{ versions: { web: '7.0.0' }, triggeredBy: 'rollback-action@example.com' }]
    });
    const run = await rollback(sandbox);
    const warnings = annotations(run, 'warning');
    expect(warnings.map((w) => w.title)).toEqual(expect.arrayContaining(['Deploy request may be merged', 'Deploy request merged']));
    expect(warnings.find((w) => w.title === 'Deploy request may be merged')!.message).toMatch(/merges queued requests of the same action by the same user/);
    expect(sandbox.deploys[0]!.mergedInto).toBeDefined();
    // The rollback names web too, and the later request's version wins in the merge: it completes.
    expect(run.exitCode).toBe(0);
    expect(sandbox.executions()[0]!.versions).toEqual({ web: '1.0.1', api: commitOf('v1') });
  });

  it('an answer lost while queued: the probe finds the request in the queue (in neither status nor history) and follows it', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')], busyForMs: 6000, faults: [{ endpoint: 'deploy', kind: 'drop', afterProcessing: true }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(posts(sandbox)).toHaveLength(1);
    expect(run.stdout).toMatch(/following request [0-9a-f-]+ in the deployment queue/);
  });
});

describe('partial deployments: E1 {api v2, web w1}, E2 {web w2}, E3 {api v3}', () => {
  const executions: ExecutionSpec[] = [
    { id: stableUuid('E1'), versions: { api: commitOf('v2'), web: 'w1' } },
    { id: stableUuid('E2'), versions: { web: 'w2' } },
    { id: stableUuid('E3'), versions: { api: commitOf('v3') } }
  ];
  const partial = { services: [THREE[0]!, THREE[1]!], executions };

  it('previous undoes E3 only: api v3 → v2; web keeps w2, and the log and summary say so', async () => {
    const sandbox = await qoveryWith(partial);
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(sandbox.deploys[0]!.versions).toEqual({ [api]: commitOf('v2') });
    expect(run.stdout).toContain(`api (application ${api}): ${commitOf('v3').slice(0, 12)} → ${commitOf('v2').slice(0, 12)}`);
    expect(run.stdout).toContain(`web (container ${web}): left alone, not deployed by execution ${stableUuid('E3')}`);
    expect(run.summary).toMatch(/Left alone \| web: not deployed by execution/);
    expect(run.summary).toMatch(/Undone \| execution [0-9a-f-]+ \(success\)/);
  });

  it('previous~2 undoes E3 and E2: api → v2 and web → w1', async () => {
    const sandbox = await qoveryWith(partial);
    const run = await rollback(sandbox, { revision: 'previous~2' });
    expect(run.exitCode).toBe(0);
    expect(sandbox.deploys[0]!.versions).toEqual({ [api]: commitOf('v2'), [web]: 'w1' });
  });

  it('an execution id puts the environment back as right after it: E2 → api v2, web stays w2', async () => {
    const sandbox = await qoveryWith(partial);
    const run = await rollback(sandbox, { revision: stableUuid('E2') });
    expect(run.exitCode).toBe(0);
    expect(sandbox.deploys[0]!.versions).toEqual({ [api]: commitOf('v2') });
    expect(run.summary).toContain(`${commitOf('v3')}</code> → <code>${commitOf('v2')}`);
  });
});

describe('what does not count', () => {
  it('a dry run on top is neither what runs now nor a candidate: previous goes back from v2 to v1', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2'), { ...release('v9'), action: 'DEPLOY_DRY_RUN' as const }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(sandbox.deploys[0]!.versions).toEqual({ [api]: commitOf('v1'), [web]: '1.0.1' });
  });
});

describe('the documented rate limit: a 429 without Retry-After waits for X-RateLimit-Reset, then sends once more', () => {
  it('sends again only after the reset time, and completes', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')], faults: [{ endpoint: 'deploy', kind: 'status', status: 429, resetInMs: 3000 }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const sent = posts(sandbox);
    expect(sent.map((p) => p.status)).toEqual([429, 202]);
    // Reset is in whole seconds, rounded up: at least 2 s after the first answer, never the 1 s of a blind retry.
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(2000);
  });

  it('one resend only: a second 429 ends the run, nothing deployed, no 1–60 s loop', async () => {
    const sandbox = await qoveryWith({
      executions: [release('v1'), release('v2')],
      faults: [{ endpoint: 'deploy', kind: 'status', status: 429, resetInMs: 1500, times: Infinity }]
    });
    const run = await rollback(sandbox, { timeout: '60' });
    expect(run.exitCode).toBe(1);
    expect(posts(sandbox)).toHaveLength(2);
    expect(annotations(run)[0]!.title).toBe('Qovery rate limit reached');
    expect(annotations(run)[0]!.message).toContain('Nothing was redeployed');
    expect(run.durationMs).toBeLessThan(20_000);
  });

  it('a reset beyond the deadline is not waited for', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')], faults: [{ endpoint: 'deploy', kind: 'status', status: 429, resetInMs: 600_000 }] });
    const run = await rollback(sandbox, { timeout: '20' });
    expect(run.exitCode).toBe(1);
    expect(posts(sandbox)).toHaveLength(1);
    expect(run.durationMs).toBeLessThan(15_000);
  });
});

describe('what the target ran besides its version', () => {
  it('warns that the image and the chart changed since, and sends the helm values-override commit', async () => {
    const chart = stableUuid('service:chart');
    const sandbox = await qoveryWith({
      services: [
        { name: 'web', type: 'CONTAINER' },
        { name: 'chart', type: 'HELM', valuesOverride: true }
      ],
      executions: [
        { versions: { web: '1.0.1', chart: '0.1.0' }, images: { web: 'registry.example.com/web' }, charts: { chart: 'app' }, valuesOverrides: { chart: commitOf('o1') } },
        { versions: { web: '1.0.2', chart: '0.2.0' }, images: { web: 'registry.example.com/web-next' }, charts: { chart: 'app-next' }, valuesOverrides: { chart: commitOf('o2') } }
      ]
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const warnings = annotations(run, 'warning').map((w) => w.message);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/web: execution \S+ ran image registry.example.com\/web, today it is registry.example.com\/web-next/),
        expect.stringMatching(/chart: execution \S+ ran chart app, today it is app-next/)
      ])
    );
    const body = posts(sandbox)[0]!.body as { helms: Array<Record<string, string>> };
    expect(body.helms).toEqual([{ id: chart, chart_version: '0.1.0', values_override_git_commit_id: commitOf('o1') }]);
  });
});
