/**
 * The sandbox behaves as Qovery's own sources say, beyond the OpenAPI document: each test names
 * the source it follows, and every answer is still checked against the document.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { commitOf, stableUuid } from '../../../sandbox/qovery/index.js';
import { call, expectValid, sandbox, sleep, waitFor, type Json } from './helpers.js';
import { Q, validateComponent } from './openapi-validator.js';

// Loading the document takes seconds; done first so the timed scenarios below are not raced by it.
beforeAll(() => void validateComponent('EnvDeploymentStatus', {}));

const apiId = stableUuid('service:api');
const webId = stableUuid('service:web');
const deployApi = (version: string) => ({ applications: [{ application_id: apiId, git_commit_id: commitOf(version) }] });
const deployWeb = (tag: string) => ({ containers: [{ id: webId, image_tag: tag }] });

describe('Queueing and Merging (Qovery/documentation docs/configuration/deployment/actions.mdx)', () => {
  it('a request made while a deployment runs is queued (202), in the queue but in neither the status nor the history, then runs', async () => {
    const sb = await sandbox({ busyForMs: 2000, deployment: { startLagMs: 0, queuedMs: 0, durationMs: 200 } });
    const id = sb.scenario.environmentId;
    const historyBefore = ((await call(sb, 'GET', `/environment/${id}/deploymentHistoryV2`)).json as Json).results.length;
    const answer = await call(sb, 'POST', `/environment/${id}/service/deploy`, { body: deployApi('v9') });
    expect(answer.status).toBe(202);
    expectValid(Q.deploy, 'POST', answer);
    const requestId = (answer.json as Json).deployment_request_id as string;
    expect(sb.deploys[0]).toMatchObject({ requestId, queued: true });
    expect(sb.deploys[0]!.executionId).toBeUndefined();

    const queue = await call(sb, 'GET', `/environment/${id}/deploymentQueue`);
    expectValid(Q.queue, 'GET', queue);
    expect((queue.json as Json).results).toEqual([
      expect.objectContaining({
        identifier: { deployment_request_id: requestId, environment_id: id },
        auditing_data: { triggered_by: sb.scenario.tokenUser, origin: 'API' },
        trigger_action: 'DEPLOY'
      })
    ]);
    const status = (await call(sb, 'GET', `/environment/${id}/status`)).json as Json;
    expect(status.deployment_request_id).not.toBe(requestId);
    expect(((await call(sb, 'GET', `/environment/${id}/deploymentHistoryV2`)).json as Json).results).toHaveLength(historyBefore);

    const byRequest = await call(sb, 'GET', `/environment/deploymentStatus?deploymentRequestId=${requestId}`);
    expectValid(Q.requestStatus, 'GET', byRequest);
    expect(byRequest.json).toEqual({ deployment_request_id: requestId, environment_id: id, status: 'DEPLOYMENT_QUEUED' });

    await waitFor(() => (sb.executions()[0]!.status === 'DEPLOYED' && sb.deploys[0]!.executionId ? true : undefined));
    expect(sb.queue()).toEqual([]);
    expect(sb.executions()[0]).toMatchObject({ executionId: sb.deploys[0]!.executionId, versions: { api: commitOf('v9') } });
    expect(((await call(sb, 'GET', `/environment/deploymentStatus?deploymentRequestId=${requestId}`)).json as Json).status).toBe('DEPLOYED');
    expect(((await call(sb, 'GET', `/environment/${id}/status`)).json as Json).deployment_request_id).toBe(requestId);
  });

  it('requests of the same action by the same user are merged into one queued request; another user’s are not', async () => {
    const sb = await sandbox({ busyForMs: 1500, queued: [{ versions: { web: '7.0.0' }, triggeredBy: 'someone-else@example.com' }] });
    const id = sb.scenario.environmentId;
    const first = ((await call(sb, 'POST', `/environment/${id}/service/deploy`, { body: deployApi('v8') })).json as Json).deployment_request_id;
    const second = ((await call(sb, 'POST', `/environment/${id}/service/deploy`, { body: deployWeb('8.0.0') })).json as Json).deployment_request_id;
    expect(second).toBe(first);
    expect(sb.deploys[1]).toMatchObject({ mergedInto: first, queued: true });
    expect(sb.queue().map((q) => [q.triggeredBy, q.services])).toEqual([
      ['someone-else@example.com', ['web']],
      [sb.scenario.tokenUser, ['api', 'web']]
    ]);
    // Example 2 of the documentation: B first, then C, in queue order.
    await waitFor(() => (sb.queue().length === 0 && sb.executions()[0]!.status === 'DEPLOYED' ? true : undefined), 8000);
    expect(sb.executions()[0]!.versions).toEqual({ api: commitOf('v8'), web: '8.0.0' });
    expect(sb.executions()[1]!.versions).toEqual({ web: '7.0.0' });
  });

  it('the service statuses count the queued requests that name them', async () => {
    const sb = await sandbox({ busyForMs: 1500 });
    const id = sb.scenario.environmentId;
    await call(sb, 'POST', `/environment/${id}/service/deploy`, { body: deployApi('v7') });
    const statuses = await call(sb, 'GET', `/environment/${id}/statuses`);
    expectValid(Q.statuses, 'GET', statuses);
    expect((statuses.json as Json).applications[0]).toMatchObject({ deployment_requests_count: 1, deployment_request_id: sb.deploys[0]!.requestId });
    expect((statuses.json as Json).containers[0]).toMatchObject({ deployment_requests_count: 0, deployment_request_id: null });
  });

  it('others’ requests arrive while the sandbox runs and queue like any other', async () => {
    const sb = await sandbox({ busyForMs: 400, foreign: [{ afterMs: 50, action: 'RESTART', durationMs: 100 }] });
    await sleep(100);
    expect(sb.queue()).toEqual([expect.objectContaining({ action: 'RESTART', triggeredBy: 'someone-else@example.com' })]);
    await waitFor(() => (sb.executions()[0]!.status === 'RESTARTED' ? true : undefined));
    expect(sb.executions()[0]!.triggerAction).toBe('RESTART');
  });

  it('an unknown request id is 404', async () => {
    const sb = await sandbox();
    // The document lists only 200 for this operation; 404 is the API's answer for an id it does not know.
    expect((await call(sb, 'GET', `/environment/deploymentStatus?deploymentRequestId=${stableUuid('nope')}`)).status).toBe(404);
  });
});

describe('state and last_deployment_state (Qovery/console environment-state-chip.tsx)', () => {
  it('a successful partial deployment: last_deployment_state DEPLOYED while state stays in error for a service outside it', async () => {
    const sb = await sandbox({
      executions: [{ versions: { api: commitOf('v1'), web: '1.0.1' } }, { versions: { web: '1.0.2' }, result: 'ERROR' }],
      deployment: { startLagMs: 0, queuedMs: 0, durationMs: 100 }
    });
    const id = sb.scenario.environmentId;
    expect(sb.state()).toMatchObject({ state: 'DEPLOYMENT_ERROR', lastDeploymentState: 'DEPLOYMENT_ERROR' });
    await call(sb, 'POST', `/environment/${id}/service/deploy`, { body: deployApi('v2') });
    await sleep(200);
    const status = await call(sb, 'GET', `/environment/${id}/status`);
    expectValid(Q.status, 'GET', status);
    expect(status.json).toMatchObject({ state: 'DEPLOYMENT_ERROR', last_deployment_state: 'DEPLOYED', deployment_request_id: sb.deploys[0]!.requestId });
  });

  it('READY comes before the deployment proper when readyMs is set (the Terraform provider waits through it)', async () => {
    const sb = await sandbox({ deployment: { startLagMs: 0, readyMs: 300, queuedMs: 0, durationMs: 100 } });
    await call(sb, 'POST', `/environment/${sb.scenario.environmentId}/service/deploy`, { body: deployApi('v5') });
    expect(sb.state().lastDeploymentState).toBe('READY');
    await waitFor(() => (sb.state().lastDeploymentState === 'DEPLOYED' ? true : undefined));
  });
});

describe('history', () => {
  it('pages by startId (the operation’s description), and the hostile modes ignore pageSize or startId', async () => {
    const executions = Array.from({ length: 5 }, (_, i) => ({ versions: { api: commitOf(`v${i}`) } }));
    const sb = await sandbox({ executions });
    const id = sb.scenario.environmentId;
    const first = ((await call(sb, 'GET', `/environment/${id}/deploymentHistoryV2?pageSize=2`)).json as Json).results;
    const next = await call(sb, 'GET', `/environment/${id}/deploymentHistoryV2?pageSize=2&startId=${first[1].identifier.execution_id}`);
    expectValid(Q.history, 'GET', next);
    expect((next.json as Json).results.map((r: Json) => r.identifier.execution_id)).toEqual(
      sb
        .executions()
        .slice(2, 4)
        .map((e) => e.executionId)
    );

    const ignoring = await sandbox({ executions, historyIgnoresPageSize: true, historyIgnoresStartId: true });
    const all = ((await call(ignoring, 'GET', `/environment/${ignoring.scenario.environmentId}/deploymentHistoryV2?pageSize=2&startId=x`)).json as Json).results;
    expect(all).toHaveLength(5);
  });

  it('a dry run changes no version; image names, chart names and the values-override commit are recorded', async () => {
    const sb = await sandbox({
      services: [
        { name: 'web', type: 'CONTAINER' },
        { name: 'chart', type: 'HELM', valuesOverride: true }
      ],
      executions: [
        { versions: { web: '1.0.0', chart: '0.1.0' }, images: { web: 'registry/web' }, charts: { chart: 'app' }, valuesOverrides: { chart: commitOf('o1') } },
        { versions: { web: '9.9.9' }, action: 'DEPLOY_DRY_RUN' }
      ]
    });
    expect(sb.services().find((s) => s.name === 'web')!.version).toBe('1.0.0');
    const history = await call(sb, 'GET', `/environment/${sb.scenario.environmentId}/deploymentHistoryV2`);
    expectValid(Q.history, 'GET', history);
    const services = (history.json as Json).results[1].stages[0].services;
    expect(services[0].details).toMatchObject({ image_name: 'registry/web', tag: '1.0.0' });
    expect(services[1].details).toMatchObject({ repository: { chart_name: 'app', chart_version: '0.1.0' }, values_override_git_commit_id: commitOf('o1') });
  });
});

describe('faults for the hostile-server tests', () => {
  it('a redirect and a 2xx that is not JSON can replace the deploy answer after processing', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'deploy', kind: 'redirect', status: 303, location: 'https://elsewhere.invalid/', afterProcessing: true }] });
    const path = `/environment/${sb.scenario.environmentId}/service/deploy`;
    const redirected = await fetch(`${sb.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Authorization: `Token ${sb.scenario.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(deployApi('v3'))
    });
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe('https://elsewhere.invalid/');
    expect(sb.deploys).toHaveLength(1);
    sb.addFault({ endpoint: 'deploy', kind: 'malformed', status: 202, afterProcessing: true });
    const html = await call(sb, 'POST', path, { body: deployWeb('2.0.0') });
    expect(html.status).toBe(202);
    expect(html.json).toBeUndefined();
  });

  it('a 429 can carry X-RateLimit-Reset (a Unix time) and no Retry-After', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'deploy', kind: 'status', status: 429, resetInMs: 3000 }] });
    const res = await call(sb, 'POST', `/environment/${sb.scenario.environmentId}/service/deploy`, { body: deployApi('v3') });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBe(Math.ceil((Date.now() + 3000) / 1000));
  });
});
