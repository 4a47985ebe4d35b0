import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildHistory, engineTime, filterDeployments, sortDeployments, startCamundaFake, type CamundaFake } from '../../scripts/bench/camunda-fake.js';
import { isBounded, kindOf, type CamundaResult } from '../../scripts/bench/camunda.js';

describe('the Camunda history the benchmark builds', () => {
  it('full: every deployment carries all three resources, invoice.bpmn new each time', () => {
    const history = buildHistory(3, 'full');
    expect(history.map((d) => [...d.resources.keys()])).toEqual(Array(3).fill(['invoice.bpmn', 'approve.dmn', 'form.html']));
    expect(new Set(history.map((d) => d.resources.get('invoice.bpmn'))).size).toBe(3);
  });

  it('changed-only: after the first, a deployment carries only what changed', () => {
    expect(buildHistory(3, 'changed-only').map((d) => [...d.resources.keys()])).toEqual([['invoice.bpmn', 'approve.dmn', 'form.html'], ['invoice.bpmn'], ['invoice.bpmn']]);
  });

  it('writes times as the engine does', () => {
    expect(engineTime(Date.parse('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000+0000');
  });
});

describe('the engine fake answers as engine-rest documents it', () => {
  let fake: CamundaFake;
  const get = async (path: string) => (await fetch(`${fake.url}${path}`)).json() as Promise<unknown>;
  beforeAll(async () => {
    fake = await startCamundaFake(buildHistory(25, 'full'));
  });
  afterAll(() => fake.close());

  it('lists newest first a page at a time, and counts', async () => {
    const page = (await get('/deployment?name=invoice&sortBy=deploymentTime&sortOrder=desc&firstResult=10&maxResults=10')) as Array<{ id: string }>;
    expect(page.map((d) => d.id)).toEqual(
      fake.deployments
        .slice(5, 15)
        .map((d) => d.id)
        .reverse()
    );
    expect(await get('/deployment/count?name=invoice')).toEqual({ count: 25 });
    expect(fake.requests.at(-2)).toMatchObject({ rows: 10, unbounded: false });
  });

  it('journals a list query without maxResults as unbounded', async () => {
    await get('/deployment?name=invoice');
    expect(fake.requests.at(-1)).toMatchObject({ rows: 25, unbounded: true });
  });

  it('serves one deployment, its resources and their bytes; 404 otherwise', async () => {
    const newest = fake.deployments.at(-1)!;
    expect(await get(`/deployment/${newest.id}`)).toMatchObject({ id: newest.id, name: 'invoice', tenantId: null });
    const resources = (await get(`/deployment/${newest.id}/resources`)) as Array<{ id: string; name: string }>;
    const bpmn = resources.find((r) => r.name === 'invoice.bpmn')!;
    expect(await (await fetch(`${fake.url}/deployment/${newest.id}/resources/${bpmn.id}/data`)).text()).toBe(newest.resources.get('invoice.bpmn'));
    expect((await fetch(`${fake.url}/deployment/nope`)).status).toBe(404);
    expect((await fetch(`${fake.url}/unknown`)).status).toBe(404);
  });

  it('refuses to change anything', async () => {
    expect((await fetch(`${fake.url}/deployment/${fake.deployments[0]!.id}/redeploy`, { method: 'POST', body: '{}' })).status).toBe(405);
  });
});

describe('deployment filters and sorting', () => {
  const history = buildHistory(5, 'full');
  it('ANDs name, tenant and time filters', () => {
    expect(filterDeployments(history, { name: 'other' })).toEqual([]);
    expect(filterDeployments(history, { tenantIdIn: 'a' })).toEqual([]);
    expect(filterDeployments(history, { tenantIdIn: 'a', includeDeploymentsWithoutTenantId: 'true' })).toHaveLength(5);
    expect(filterDeployments(history, { withoutTenantId: 'true', after: history[2]!.deploymentTime }).map((d) => d.id)).toEqual(history.slice(3).map((d) => d.id));
    expect(filterDeployments(history, { nameLike: 'inv%' })).toHaveLength(5);
  });
  it('sorts by deploymentTime either way', () => {
    expect(sortDeployments(history, { sortBy: 'deploymentTime', sortOrder: 'desc' })[0]).toBe(history[4]);
    expect(sortDeployments(history, { sortBy: 'deploymentTime', sortOrder: 'asc' })[0]).toBe(history[0]);
  });
});

describe('judging Camunda figures', () => {
  const result = (deployments: number, requests: number, correct = true): CamundaResult => ({
    mode: 'full',
    deployments,
    client: 'action',
    requests,
    byKind: {},
    unbounded: 0,
    rows: 0,
    ms: 1,
    answer: '',
    correct
  });
  it('bounded means the largest history costs no more than the next smaller one', () => {
    expect(isBounded([result(10, 7), result(10_000, 7)], 'full')).toBe(true);
    expect(isBounded([result(10, 6), result(1000, 7), result(10_000, 7)], 'full')).toBe(true);
    expect(isBounded([result(10, 7), result(10_000, 8)], 'full')).toBe(false);
    expect(isBounded([result(10, 7)], 'full')).toBeUndefined();
  });
  it('sorts requests by endpoint', () => {
    const at = (path: string) => kindOf({ method: 'GET', path, query: {}, status: 200, at: 0 });
    expect(
      [
        '/engine-rest/deployment',
        '/engine-rest/deployment/x/resources',
        '/engine-rest/deployment/x/resources/y/data',
        '/engine-rest/process-definition',
        '/engine-rest/deployment/x',
        '/engine-rest/version'
      ].map(at)
    ).toEqual(['list', 'resources', 'data', 'definitions', 'deployment', 'other']);
  });
});
