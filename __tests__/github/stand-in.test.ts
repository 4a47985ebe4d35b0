import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubStandIn, type GitHubStandIn } from '../../sandbox/github/server.js';

let gh: GitHubStandIn;
beforeEach(async () => {
  gh = await startGitHubStandIn();
});
afterEach(async () => {
  await gh.close();
});

async function post(path: string, body: unknown, authorization: string | null = `Bearer ${gh.token}`): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/vnd.github+json' };
  if (authorization !== null) headers.Authorization = authorization;
  const res = await fetch(`${gh.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  expect(res.headers.get('content-type')).toContain('application/json');
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('GitHub stand-in', () => {
  it('creates deployments and statuses in the documented shape', async () => {
    const created = await post('/repos/acme/shop/deployments', { ref: 'a'.repeat(40), environment: 'staging', required_contexts: [], auto_merge: false });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual(
      [
        'created_at',
        'creator',
        'description',
        'environment',
        'id',
        'node_id',
        'original_environment',
        'payload',
        'production_environment',
        'ref',
        'repository_url',
        'sha',
        'statuses_url',
        'task',
        'transient_environment',
        'updated_at',
        'url'
      ].sort()
    );
    expect(created.json).toMatchObject({
      sha: 'a'.repeat(40),
      environment: 'staging',
      task: 'deploy',
      payload: {},
      production_environment: false,
      url: `${gh.url}/repos/acme/shop/deployments/${created.json.id}`
    });

    const status = await post(
      `/repos/acme/shop/deployments/${created.json.id}/statuses`,
      { state: 'in_progress', log_url: 'https://github.com/acme/shop/actions/runs/1' },
      `token ${gh.token}`
    );
    expect(status.status).toBe(201);
    expect(status.json).toMatchObject({
      state: 'in_progress',
      log_url: 'https://github.com/acme/shop/actions/runs/1',
      target_url: 'https://github.com/acme/shop/actions/runs/1',
      environment: 'staging',
      deployment_url: created.json.url
    });
    expect(status.json).not.toHaveProperty('deployment_id');
    expect(typeof status.json.node_id).toBe('string');
  });

  it('answers 401 without a valid token and never records the token', async () => {
    for (const auth of [null, 'token wrong', gh.token]) {
      const res = await post('/repos/acme/shop/deployments', { ref: 'main' }, auth);
      expect(res).toEqual({ status: 401, json: { message: 'Bad credentials', documentation_url: expect.any(String), status: '401' } });
    }
    expect(gh.requests.map((r) => r.authorization)).toEqual([false, false, false]);
    expect(JSON.stringify(gh.requests)).not.toContain(gh.token);
  });

  it('validates like GitHub: 422 for bad fields, 404 for an unknown deployment', async () => {
    expect((await post('/repos/acme/shop/deployments', { environment: 'x' })).status).toBe(422);
    expect((await post('/repos/acme/shop/deployments', { ref: 'main', required_contexts: 'none' })).json.errors).toEqual([
      { resource: 'Deployment', field: 'required_contexts', code: 'invalid' }
    ]);
    expect((await post('/repos/acme/shop/deployments/42/statuses', { state: 'success' })).status).toBe(404);
    const created = await post('/repos/acme/shop/deployments', { ref: 'main' });
    expect((await post(`/repos/acme/shop/deployments/${created.json.id}/statuses`, { state: 'done' })).status).toBe(422);
    expect((await post(`/repos/other/repo/deployments/${created.json.id}/statuses`, { state: 'success' })).status).toBe(404);
  });

  it('fails the next matching request on demand', async () => {
    gh.failNext(403, /statuses$/);
    const created = await post('/repos/acme/shop/deployments', { ref: 'main' });
    expect(created.status).toBe(201);
    const refused = await post(`/repos/acme/shop/deployments/${created.json.id}/statuses`, { state: 'success' });
    expect(refused).toEqual({ status: 403, json: { message: 'Resource not accessible by integration', documentation_url: expect.any(String), status: '403' } });
    expect((await post(`/repos/acme/shop/deployments/${created.json.id}/statuses`, { state: 'success' })).status).toBe(201);
  });
});
