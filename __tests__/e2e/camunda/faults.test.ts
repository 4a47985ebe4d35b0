import { expect, test } from '@jest/globals';
import { bpmnProcess } from '../../../sandbox/camunda/engine-client.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { annotations, history, posts, proxyFor, rollback } from './helpers.js';

const REDEPLOY = /\/deployment\/[^/]+\/redeploy$/;

describeWithEngine('camunda: faults between the action and the engine', () => {
  test('reads are retried through 503s and dropped connections', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('flaky');
    const [v1] = await history(engine, name, uniqueKey('flaky'), ['v1', 'v2']);
    const proxy = await proxyFor(url);
    proxy.add({ method: 'GET', path: /\/deployment$/, fault: { kind: 'status', status: 503, headers: { 'Retry-After': '0' } } });
    proxy.add({ method: 'GET', path: /\/resources\/[^/]+\/data$/, fault: { kind: 'drop-before' } });

    const run = await rollback(proxy.url, { app_id: name });

    expect(run.outputs.status).toBe('completed');
    expect(run.outputs.revision_id).toBe(v1!.id);
    expect(proxy.requests.filter((r) => r.fault).map((r) => r.fault)).toEqual(['status', 'drop-before']);
  });

  test('an answer lost after the engine deployed: found by source, verified, completed with a warning; never sent twice', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('lost');
    const [v1] = await history(engine, name, uniqueKey('lost'), ['v1', 'v2']);
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: REDEPLOY, fault: { kind: 'drop-after' } });

    const run = await rollback(proxy.url, { app_id: name }, { env: { GITHUB_REPOSITORY: 'acme/bpm', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' } });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    const [created] = await engine.deployments(name);
    expect(created!.source).toBe('rollback acme/bpm run 7.1');
    expect(run.outputs.deployment_id).toBe(created!.id);
    expect(run.outputs.revision_id).toBe(v1!.id);
    expect(annotations(run, 'warning').map((w) => w.title)).toEqual(expect.arrayContaining(['Redeploy answer lost', 'Redeploy found after a lost answer']));
    expect(posts(proxy)).toHaveLength(1);
  });

  test('a 5xx before the engine processed it: watched 15 s, then not acted on; never sent twice', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('gateway');
    await history(engine, name, uniqueKey('gateway'), ['v1', 'v2']);
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: REDEPLOY, fault: { kind: 'status', status: 502, body: { message: 'Bad gateway' } } });

    const run = await rollback(proxy.url, { app_id: name });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Redeploy not acted on');
    expect(error!.message).toContain('shows no trace of it');
    expect(error!.message).toContain('Nothing was redeployed');
    expect(posts(proxy)).toHaveLength(1);
    expect(await engine.deployments(name)).toHaveLength(2);
  });

  test('a deployment made right after the redeploy wins the latest version: verification fails naming it', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('race');
    const key = uniqueKey('race');
    await history(engine, name, key, ['v1', 'v2']);
    const proxy = await proxyFor(url);
    let intruder = '';
    proxy.add({
      method: 'POST',
      path: REDEPLOY,
      fault: {
        kind: 'after',
        hook: async () => {
          intruder = (await engine.deploy(uniqueName('app-restart'), { 'process.bpmn': bpmnProcess(key, 'v3') })).id;
        }
      }
    });

    const run = await rollback(proxy.url, { app_id: name });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('A newer deployment overrides the rollback');
    expect(error!.message).toContain(`from deployment ${intruder}`);
    expect(run.outputs.deployment_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
