import { describe, expect, it } from '@jest/globals';
import { commitOf, stableUuid } from '../../../sandbox/qovery/index.js';
import { call, expectValid, sandbox, sleep, waitFor, type Json } from './helpers.js';
import { Q, validateComponent } from './openapi-validator.js';

const apiId = stableUuid('service:api');
const webId = stableUuid('service:web');

describe('Qovery sandbox: service deploy lifecycle', () => {
  it('accepts a deploy (202, valid), shows the old status until the lag, then queued → deploying → deployed', async () => {
    // The lag outlasts the checks before it (the first OpenAPI validation compiles its schema), even on a loaded CI machine.
    const sb = await sandbox({ deployment: { startLagMs: 2000, queuedMs: 200, durationMs: 300 } });
    const id = sb.scenario.environmentId;
    const before = sb.state().lastDeploymentId;
    const request = { applications: [{ application_id: apiId, git_commit_id: commitOf('v1') }], containers: [{ id: webId, image_tag: '1.0.1' }] };
    expect(validateComponent('DeployAllRequest', request)).toEqual([]);
    const res = await call(sb, 'POST', `/environment/${id}/service/deploy`, { body: request });
    expect(res.status).toBe(202);
    expectValid(Q.deploy, 'POST', res);
    const answer = res.json as Json;
    expect(answer.last_deployment_id).toBe(before);
    expect(answer.state).toBe('DEPLOYED');
    expect(answer.deployment_request_id).toBe(sb.deploys[0]!.requestId);

    // The history lists the new execution at once; the status catches up after the lag.
    const history = (await call(sb, 'GET', `/environment/${id}/deploymentHistoryV2`)).json as Json;
    expect(history.results[0].identifier.execution_id).toBe(sb.deploys[0]!.executionId);
    expect(history.results[0].action_status).toBe('QUEUED');
    expect(((await call(sb, 'GET', `/environment/${id}/status`)).json as Json).last_deployment_id).toBe(before);

    const seen: string[] = [];
    await waitFor(async () => {
      const status = (await call(sb, 'GET', `/environment/${id}/status`)).json as Json;
      if (status.last_deployment_id === sb.deploys[0]!.executionId && seen.at(-1) !== status.state) seen.push(status.state);
      return status.state === 'DEPLOYED' && status.last_deployment_id !== before ? true : undefined;
    });
    expect(seen).toEqual(['DEPLOYMENT_QUEUED', 'DEPLOYING', 'DEPLOYED']);
    expect(sb.services().find((s) => s.name === 'api')!.version).toBe(commitOf('v1'));
    expect(sb.services().find((s) => s.name === 'web')!.version).toBe('1.0.1');
    const done = await call(sb, 'GET', `/environment/${id}/deploymentHistoryV2`);
    expectValid(Q.history, 'GET', done);
    expect((done.json as Json).results[0]).toMatchObject({ action_status: 'SUCCESS', status: 'DEPLOYED', trigger_action: 'DEPLOY' });
  });

  it('with conflictWhileBusy (the OpenAPI\'s "Operation is in progress"): 409 while a deployment runs, accepted again once it ended', async () => {
    const sb = await sandbox({ busyForMs: 400, conflictWhileBusy: true });
    const path = `/environment/${sb.scenario.environmentId}/redeploy`;
    const busy = await call(sb, 'POST', path);
    expect(busy.status).toBe(409);
    expectValid(Q.redeploy, 'POST', busy);
    expect((await call(sb, 'GET', `/environment/${sb.scenario.environmentId}/status`)).json).toMatchObject({ state: 'DEPLOYING' });
    await sleep(450);
    const accepted = await call(sb, 'POST', path);
    expect(accepted.status).toBe(202);
    expectValid(Q.redeploy, 'POST', accepted);
    expect((await call(sb, 'POST', path)).status).toBe(409);
    expect(sb.deploys).toHaveLength(1);
    expect(sb.deploys[0]!.kind).toBe('redeploy');
  });

  it('ends in DEPLOYMENT_ERROR with the named services in error', async () => {
    const sb = await sandbox({ deployment: { startLagMs: 0, queuedMs: 0, durationMs: 100, outcome: 'error', errorServices: ['web'] } });
    const id = sb.scenario.environmentId;
    await call(sb, 'POST', `/environment/${id}/service/deploy`, {
      body: { containers: [{ id: webId, image_tag: '9.9.9' }], applications: [{ application_id: apiId, git_commit_id: commitOf('x') }] }
    });
    await sleep(150);
    const statuses = await call(sb, 'GET', `/environment/${id}/statuses`);
    expectValid(Q.statuses, 'GET', statuses);
    const body = statuses.json as Json;
    expect(body.environment.state).toBe('DEPLOYMENT_ERROR');
    expect(body.containers[0]).toMatchObject({ id: webId, state: 'DEPLOYMENT_ERROR' });
    expect(body.applications[0]).toMatchObject({ id: apiId, state: 'DEPLOYED' });
  });

  it('refuses unknown services and the wrong version field with 400', async () => {
    const sb = await sandbox();
    const path = `/environment/${sb.scenario.environmentId}/service/deploy`;
    const unknown = await call(sb, 'POST', path, { body: { containers: [{ id: stableUuid('nope'), image_tag: '1' }] } });
    expect(unknown.status).toBe(400);
    expectValid(Q.deploy, 'POST', unknown);
    expect((unknown.json as Json).message).toMatch(/no container/);
    const wrongField = await call(sb, 'POST', path, { body: { applications: [{ application_id: webId, git_commit_id: 'x' }] } });
    expect(wrongField.status).toBe(400);
    expect(sb.deploys).toHaveLength(0);
  });
});

describe('Qovery sandbox: faults', () => {
  it('drops the answer after processing: the deploy is recorded, the client gets no answer', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'deploy', kind: 'drop', afterProcessing: true }] });
    await expect(call(sb, 'POST', `/environment/${sb.scenario.environmentId}/service/deploy`, { body: { containers: [{ id: webId, image_tag: '1.0.1' }] } })).rejects.toThrow();
    expect(sb.deploys).toHaveLength(1);
  });

  it('answers an injected status (with Retry-After) without processing, then serves normally', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'redeploy', kind: 'status', status: 503, retryAfter: '1' }] });
    const path = `/environment/${sb.scenario.environmentId}/redeploy`;
    const failed = await call(sb, 'POST', path);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(sb.deploys).toHaveLength(0);
    expect((await call(sb, 'POST', path)).status).toBe(202);
  });

  it('serves a malformed (HTML) body and delays answers on request', async () => {
    const sb = await sandbox({
      faults: [
        { endpoint: 'status', kind: 'malformed' },
        { endpoint: 'history', kind: 'latency', delayMs: 200 }
      ]
    });
    const id = sb.scenario.environmentId;
    const html = await call(sb, 'GET', `/environment/${id}/status`);
    expect(html.headers.get('content-type')).toContain('text/html');
    const started = Date.now();
    expect((await call(sb, 'GET', `/environment/${id}/deploymentHistoryV2`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
