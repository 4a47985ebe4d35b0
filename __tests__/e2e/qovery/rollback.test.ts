import { describe, expect, it } from '@jest/globals';
import { commitOf, stableUuid } from '../../../sandbox/qovery/index.js';
import { annotations, posts, qoveryWith, rollback, servicesOutput } from './helpers.js';

const api = stableUuid('service:api');
const web = stableUuid('service:web');
const db = stableUuid('service:db');
const release = (v: string) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` }, withoutVersion: ['db'] });
/** v1 → v2 good, then v3 failed: the usual reason to roll back. */
const FAILED_NEWEST = [release('v1'), release('v2'), { ...release('v3'), result: 'ERROR' as const }];

describe('Qovery: previous', () => {
  it('after a failed newest deployment, deploys every service of the last good execution in one request and waits for it', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const good = sandbox.executions()[1]!;
    const run = await rollback(sandbox);

    expect(run.exitCode).toBe(0);
    expect(posts(sandbox)).toHaveLength(1);
    expect(posts(sandbox)[0]).toMatchObject({
      path: `/environment/${sandbox.scenario.environmentId}/service/deploy`,
      body: { applications: [{ application_id: api, git_commit_id: commitOf('v2') }], containers: [{ id: web, image_tag: '1.0.2' }] }
    });
    expect(run.outputs.status).toBe('completed');
    expect(run.outputs.revision_id).toBe(good.executionId);
    expect(servicesOutput(run)).toEqual([
      { id: api, name: 'api', type: 'APPLICATION', from: commitOf('v3'), to: commitOf('v2') },
      { id: web, name: 'web', type: 'CONTAINER', from: '1.0.3', to: '1.0.2' }
    ]);
    expect(run.outputs.console_url).toBe(
      `https://console.qovery.com/organization/${sandbox.scenario.organizationId}/project/${sandbox.scenario.projectId}/environment/${sandbox.scenario.environmentId}/overview`
    );
    expect(
      sandbox
        .services()
        .filter((s) => s.version !== undefined)
        .map((s) => [s.name, s.version, s.state])
    ).toEqual([
      ['api', commitOf('v2'), 'DEPLOYED'],
      ['web', '1.0.2', 'DEPLOYED']
    ]);
    // The database has no version in the history: not sent, and said so.
    expect(annotations(run, 'warning').map((a) => a.message)).toEqual([expect.stringMatching(/Not sent, the history records no version for them: db \(database\)/)]);
    expect(JSON.stringify(posts(sandbox)[0]!.body)).not.toContain(db);
  });

  it('previous~2 counts distinct version sets: restarts and redeploys of identical versions do not count', async () => {
    const sandbox = await qoveryWith({
      executions: [release('v1'), release('v2'), release('v2'), { ...release('v2'), action: 'RESTART' }, release('v3'), { ...release('v3'), action: 'RESTART' }, release('v3')]
    });
    const v1 = sandbox.executions().at(-1)!;
    const run = await rollback(sandbox, { revision: 'previous~2' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.revision_id).toBe(v1.executionId);
    expect(servicesOutput(run).map((s) => s.to)).toEqual([commitOf('v1'), '1.0.1']);
  });

  it('reports how many executions were searched when there is nothing to go back to', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2')] });
    const run = await rollback(sandbox, { revision: 'previous~5' });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toMatch(/searched 2 executions/);
    expect(posts(sandbox)).toHaveLength(0);
  });

  it('refuses to undo an earlier rollback, naming the execution; passing that id does it', async () => {
    // v1, v2, v3, then a rollback to v2: 'previous' would go "back" to v3, the release rolled back from.
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2'), release('v3'), release('v2')] });
    const v3 = sandbox.executions()[1]!;
    const refused = await rollback(sandbox);
    expect(refused.exitCode).toBe(1);
    const error = annotations(refused)[0]!;
    expect(error.title).toMatch(/undo an earlier rollback/);
    expect(error.message).toContain(`revision: ${v3.executionId}`);
    expect(error.message).toMatch(/Nothing was sent/);
    expect(posts(sandbox)).toHaveLength(0);

    const deliberate = await rollback(sandbox, { revision: v3.executionId });
    expect(deliberate.exitCode).toBe(0);
    expect(deliberate.outputs.revision_id).toBe(v3.executionId);
    expect(sandbox.deploys[0]!.versions).toEqual({ [api]: commitOf('v3'), [web]: '1.0.3' });
  });
});

describe('Qovery: current, execution id, skipped, dry run, wait false', () => {
  it('current redeploys the environment as it is (POST /redeploy), naming the newest execution', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const newest = sandbox.executions()[0]!;
    const run = await rollback(sandbox, { revision: 'current' });
    expect(run.exitCode).toBe(0);
    expect(posts(sandbox).map((p) => p.path)).toEqual([`/environment/${sandbox.scenario.environmentId}/redeploy`]);
    expect(run.outputs.revision_id).toBe(newest.executionId);
    expect(servicesOutput(run)).toEqual([
      { id: api, name: 'api', type: 'APPLICATION', from: commitOf('v3'), to: commitOf('v3') },
      { id: web, name: 'web', type: 'CONTAINER', from: '1.0.3', to: '1.0.3' },
      { id: db, name: 'db', type: 'DATABASE', from: '', to: '' }
    ]);
  });

  it('an execution id from the history: deploys that execution (ids compared without regard to case)', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2'), release('v3')] });
    const v1 = sandbox.executions()[2]!;
    const run = await rollback(sandbox, { revision: v1.executionId.toUpperCase() });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.revision_id).toBe(v1.executionId);
    expect(sandbox.deploys[0]!.versions).toEqual({ [api]: commitOf('v1'), [web]: '1.0.1' });
  });

  it('an unknown execution id fails before anything is sent, saying how many executions were searched', async () => {
    const sandbox = await qoveryWith();
    const run = await rollback(sandbox, { revision: stableUuid('unknown') });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]).toMatchObject({ title: 'Execution not found', message: expect.stringMatching(/searched 3 executions/) });
    expect(posts(sandbox)).toHaveLength(0);
  });

  it('skipped when the target execution has the versions running now', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2'), { ...release('v2'), action: 'RESTART' }] });
    const sameVersions = sandbox.executions()[1]!;
    const run = await rollback(sandbox, { revision: sameVersions.executionId });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('skipped');
    expect(posts(sandbox)).toHaveLength(0);
  });

  it('dry run: resolves and reports, sends nothing', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const run = await rollback(sandbox, { dry_run: 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('dry_run');
    expect(servicesOutput(run).map((s) => s.to)).toEqual([commitOf('v2'), '1.0.2']);
    expect(posts(sandbox)).toHaveLength(0);
  });

  it('wait false: ends once the deploy request is accepted', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST, deployment: { durationMs: 5000 } });
    const run = await rollback(sandbox, { wait: 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('triggered');
    expect(sandbox.deploys).toHaveLength(1);
    expect(run.durationMs).toBeLessThan(4000);
  });
});

describe('Qovery: services that came and went', () => {
  it('an execution id: leaves services added since alone and skips services removed since, warning about both', async () => {
    const sandbox = await qoveryWith({
      services: [
        { name: 'api', type: 'APPLICATION' },
        { name: 'old', type: 'CONTAINER', exists: false },
        { name: 'new', type: 'CONTAINER' }
      ],
      executions: [{ versions: { api: commitOf('v1'), old: '0.9' } }, { versions: { api: commitOf('v2'), new: '2.0' } }]
    });
    const run = await rollback(sandbox, { revision: stableUuid('execution:0') });
    expect(run.exitCode).toBe(0);
    expect(sandbox.deploys[0]!.versions).toEqual({ [api]: commitOf('v1') });
    const warnings = annotations(run, 'warning').map((a) => a.message);
    expect(warnings).toEqual([
      expect.stringMatching(/Skipped, no longer in the environment: old \(container/),
      expect.stringMatching(/Left as they are: new \(container\): no version recorded at or before execution/)
    ]);
    expect(run.summary).toMatch(/Left alone.*new: no version recorded/);
  });

  it('sends jobs and helm charts with the field that carries their version', async () => {
    const sandbox = await qoveryWith({
      services: [
        { name: 'cron', type: 'JOB' },
        { name: 'migrate', type: 'JOB', source: 'git' },
        { name: 'chart', type: 'HELM' },
        { name: 'gitchart', type: 'HELM', source: 'git' }
      ],
      executions: [
        { versions: { cron: '1.0', migrate: commitOf('m1'), chart: '0.1.0', gitchart: commitOf('g1') } },
        { versions: { cron: '2.0', migrate: commitOf('m2'), chart: '0.2.0', gitchart: commitOf('g2') } }
      ]
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(posts(sandbox)[0]!.body).toEqual({
      jobs: [
        { id: stableUuid('service:cron'), image_tag: '1.0' },
        { id: stableUuid('service:migrate'), git_commit_id: commitOf('m1') }
      ],
      helms: [
        { id: stableUuid('service:chart'), chart_version: '0.1.0' },
        { id: stableUuid('service:gitchart'), git_commit_id: commitOf('g1') }
      ]
    });
  });

  it('replaces characters an output may not carry in service names', async () => {
    const sandbox = await qoveryWith({
      services: [{ name: 'api;$(rm -rf)', type: 'APPLICATION' }],
      executions: [{ versions: { 'api;$(rm -rf)': commitOf('1') } }, { versions: { 'api;$(rm -rf)': commitOf('2') } }]
    });
    const run = await rollback(sandbox, { dry_run: 'true' });
    expect(run.exitCode).toBe(0);
    expect(servicesOutput(run)[0]!.name).toBe('api___rm -rf_');
  });
});

describe('Qovery: credentials', () => {
  it('sends an API token as Token and a JWT as Bearer; reads QOVERY_CLI_ACCESS_TOKEN when api_key is empty', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const jwt = await rollback(sandbox, { api_key: sandbox.scenario.jwt, dry_run: 'true' });
    expect(jwt.exitCode).toBe(0);
    expect(new Set(sandbox.requests.map((r) => r.authScheme))).toEqual(new Set(['Bearer']));
    const count = sandbox.requests.length;
    const fromEnv = await rollback(sandbox, { api_key: '', dry_run: 'true' }, { env: { QOVERY_CLI_ACCESS_TOKEN: sandbox.scenario.token } });
    expect(fromEnv.exitCode).toBe(0);
    expect(new Set(sandbox.requests.slice(count).map((r) => r.authScheme))).toEqual(new Set(['Token']));
    expect(
      fromEnv.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n')
    ).not.toContain(sandbox.scenario.token);
  });

  it('ignores Phala environment fallbacks', async () => {
    const sandbox = await qoveryWith();
    const run = await rollback(sandbox, { api_key: '' }, { env: { PHALA_CLOUD_API_KEY: sandbox.scenario.token } });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toMatch(/QOVERY_CLI_ACCESS_TOKEN/);
    expect(sandbox.requests).toHaveLength(0);
  });
});
