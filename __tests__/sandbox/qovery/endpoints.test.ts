import { describe, expect, it } from '@jest/globals';
import { commitOf, type ScenarioOverrides } from '../../../sandbox/qovery/index.js';
import { call, expectValid, sandbox, type Json } from './helpers.js';
import { Q } from './openapi-validator.js';

const ALL_TYPES: ScenarioOverrides = {
  services: [
    { name: 'api', type: 'APPLICATION' as const },
    { name: 'web', type: 'CONTAINER' as const },
    { name: 'cron', type: 'JOB' as const },
    { name: 'migrate', type: 'JOB' as const, source: 'git' as const },
    { name: 'chart', type: 'HELM' as const },
    { name: 'gitchart', type: 'HELM' as const, source: 'git' as const },
    { name: 'db', type: 'DATABASE' as const }
  ],
  executions: [
    { versions: { api: commitOf('a1'), web: '1.0.0', cron: '2.0.0', migrate: commitOf('m1'), chart: '0.1.0', gitchart: commitOf('g1') }, withoutVersion: ['db'] },
    { versions: { api: commitOf('a2') }, result: 'ERROR' as const },
    { versions: { web: '1.0.1' }, action: 'RESTART' as const }
  ]
};

describe('Qovery sandbox: reads', () => {
  it('serves the deployment history newest first, valid against the document, with every kind of service detail', async () => {
    const sb = await sandbox(ALL_TYPES);
    const res = await call(sb, 'GET', `/environment/${sb.scenario.environmentId}/deploymentHistoryV2?pageSize=100`);
    expect(res.status).toBe(200);
    expectValid(Q.history, 'GET', res);
    const body = res.json as Json;
    expect(body.page_size).toBe(100);
    expect(body.results.map((r: Json) => [r.trigger_action, r.action_status])).toEqual([
      ['RESTART', 'SUCCESS'],
      ['DEPLOY', 'ERROR'],
      ['DEPLOY', 'SUCCESS']
    ]);
    const details = Object.fromEntries(body.results[2].stages[0].services.map((s: Json) => [s.identifier.name, s.details]));
    expect(details.api.commit.git_commit_id).toBe(commitOf('a1'));
    expect(details.web.tag).toBe('1.0.0');
    expect(details.cron).toMatchObject({ tag: '2.0.0', job_type: 'CRON' });
    expect(details.migrate.commit.git_commit_id).toBe(commitOf('m1'));
    expect(details.chart.repository.chart_version).toBe('0.1.0');
    expect(details.gitchart.commit.git_commit_id).toBe(commitOf('g1'));
    expect(details.db).toEqual({});
  });

  it('limits the history to pageSize (default 20)', async () => {
    const executions = Array.from({ length: 25 }, (_, i) => ({ versions: { api: commitOf(`v${i}`) } }));
    const sb = await sandbox({ executions });
    const res = await call(sb, 'GET', `/environment/${sb.scenario.environmentId}/deploymentHistoryV2`);
    expect((res.json as Json).results).toHaveLength(20);
  });

  it('serves the environment, its status and its services statuses, valid against the document', async () => {
    const sb = await sandbox(ALL_TYPES);
    const id = sb.scenario.environmentId;
    const env = await call(sb, 'GET', `/environment/${id}`);
    expectValid(Q.environment, 'GET', env);
    expect((env.json as Json).organization.id).toBe(sb.scenario.organizationId);
    const status = await call(sb, 'GET', `/environment/${id}/status`);
    expectValid(Q.status, 'GET', status);
    expect((status.json as Json).last_deployment_id).toBe(sb.executions()[0]!.executionId);
    const statuses = await call(sb, 'GET', `/environment/${id}/statuses`);
    expectValid(Q.statuses, 'GET', statuses);
    const body = statuses.json as Json;
    expect(body.applications).toHaveLength(1);
    expect(body.jobs).toHaveLength(2);
    expect(body.helms).toHaveLength(2);
    expect(body.databases).toHaveLength(1);
  });

  it('leaves services that no longer exist out of statuses but keeps them in the history', async () => {
    const sb = await sandbox({
      services: [
        { name: 'api', type: 'APPLICATION' },
        { name: 'old', type: 'CONTAINER', exists: false }
      ],
      executions: [{ versions: { api: commitOf('1'), old: '1' } }]
    });
    const statuses = (await call(sb, 'GET', `/environment/${sb.scenario.environmentId}/statuses`)).json as Json;
    expect(statuses.containers).toEqual([]);
    expect(sb.executions()[0]!.versions).toEqual({ api: commitOf('1'), old: '1' });
  });
});

describe('Qovery sandbox: auth and errors', () => {
  it('accepts `Token <token>` and `Bearer <jwt>`, refuses anything else with 401', async () => {
    const sb = await sandbox();
    const path = `/environment/${sb.scenario.environmentId}/status`;
    expect((await call(sb, 'GET', path)).status).toBe(200);
    expect((await call(sb, 'GET', path, { auth: `Bearer ${sb.scenario.jwt}` })).status).toBe(200);
    expect((await call(sb, 'GET', path, { auth: `Bearer ${sb.scenario.token}` })).status).toBe(401);
    expect((await call(sb, 'GET', path, { auth: 'Token wrong' })).status).toBe(401);
    const missing = await call(sb, 'GET', path, { auth: null });
    expect(missing.status).toBe(401);
    expectValid(Q.status, 'GET', missing);
    expect(sb.requests.map((r) => r.authScheme)).toEqual(['Token', 'Bearer', 'Bearer', 'Token', undefined]);
  });

  it('answers 403 without access and 404 for another environment', async () => {
    const sb = await sandbox({ access: false });
    const forbidden = await call(sb, 'GET', `/environment/${sb.scenario.environmentId}/status`);
    expect(forbidden.status).toBe(403);
    expectValid(Q.status, 'GET', forbidden);
    expect((forbidden.json as Json).detail).toMatch(/permission/);
    const other = await call(sb, 'GET', `/environment/3c90c3cc-0d44-4b50-8888-8dd25736052a/deploymentHistoryV2`);
    expect(other.status).toBe(404);
  });

  // Qovery/documentation docs/api-reference/introduction.mdx: X-RateLimit-Reset is a Unix timestamp; no Retry-After is documented.
  it('counts requests per token and answers 429 with X-RateLimit-* (Reset a Unix time) and no Retry-After once the limit is used', async () => {
    const sb = await sandbox({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const path = `/environment/${sb.scenario.environmentId}/status`;
    const first = await call(sb, 'GET', path);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    await call(sb, 'GET', path);
    const third = await call(sb, 'GET', path);
    expect(third.status).toBe(429);
    expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(third.headers.get('retry-after')).toBeNull();
    const reset = Number(third.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 55);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 61);
    expect(sb.requests).toHaveLength(3);
  });
});
