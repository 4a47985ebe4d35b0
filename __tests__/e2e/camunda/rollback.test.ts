import { expect, test } from '@jest/globals';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { bpmnProcess } from '../../../sandbox/camunda/engine-client.js';
import { annotations, history, logLines, proxyFor, posts, rollback } from './helpers.js';

describeWithEngine('camunda: rolling back on a real engine', () => {
  test("'previous' redeploys the newest older deployment whose content differs, skipping identical redeploys", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('invoice');
    const key = uniqueKey('invoice');
    // v1, v2, then v3 deployed twice (a process application restart redeploys identical content)
    const [, v2] = await history(engine, name, key, ['v1', 'v2', 'v3', 'v3']);

    const run = await rollback(url, { app_id: name });

    expect(annotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(run.outputs.revision_id).toBe(v2!.id);
    const [created, ...older] = await engine.deployments(name);
    expect(run.outputs.deployment_id).toBe(created!.id);
    expect(run.outputs.previous_deployment_id).toBe(older[0]!.id);
    expect(created!.source).toMatch(/^rollback [0-9a-f]{12}$/);
    const [latest] = await engine.latestProcess(key);
    expect(latest!.deploymentId).toBe(created!.id);
    const data = await engine.get<Array<{ id: string; name: string }>>(`/deployment/${created!.id}/resources`);
    expect(data.map((r) => r.name)).toEqual(['process.bpmn']);
  });

  test("'previous~2' counts distinct content, not deployments", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('steps');
    const [v1] = await history(engine, name, uniqueKey('steps'), ['v1', 'v2', 'v2', 'v3']);

    const run = await rollback(url, { app_id: name, revision: 'previous~2' });

    expect(run.outputs.status).toBe('completed');
    expect(run.outputs.revision_id).toBe(v1!.id);
  });

  test('the newest deployment carrying the target content is the one named', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('newest');
    const [, v2a, v2b] = await history(engine, name, uniqueKey('newest'), ['v1', 'v2', 'v2', 'v3']);

    const run = await rollback(url, { app_id: name, dry_run: 'true' });

    expect(run.outputs.revision_id).toBe(v2b!.id);
    expect(run.outputs.revision_id).not.toBe(v2a!.id);
  });

  test('a dry run names target and current deployment and sends nothing', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('dry');
    const [v1, v2] = await history(engine, name, uniqueKey('dry'), ['v1', 'v2']);
    const proxy = await proxyFor(url);

    const run = await rollback(proxy.url, { app_id: name, dry_run: 'true' });

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'dry_run', revision_id: v1!.id, previous_deployment_id: v2!.id, deployment_id: '' });
    expect(posts(proxy)).toEqual([]);
    expect(await engine.deployments(name)).toHaveLength(2);
  });

  test('a named engine: api_url …/engine-rest/engine/{name}', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('named');
    const [v1] = await history(engine, name, uniqueKey('named'), ['v1', 'v2']);

    const run = await rollback(`${url}/engine/default`, { app_id: name });

    expect(run.outputs).toMatchObject({ status: 'completed', revision_id: v1!.id });
  });

  test('wait false reports triggered with the new deployment id', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('nowait');
    const [v1] = await history(engine, name, uniqueKey('nowait'), ['v1', 'v2']);

    const run = await rollback(url, { app_id: name, wait: 'false' });

    expect(run.outputs.status).toBe('triggered');
    expect(run.outputs.revision_id).toBe(v1!.id);
    const [created] = await engine.deployments(name);
    expect(run.outputs.deployment_id).toBe(created!.id);
  });

  test('by deployment id, with app_id empty or matching; a mismatching app_id is refused before sending', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('byid');
    const [v1, , v3] = await history(engine, name, uniqueKey('byid'), ['v1', 'v2', 'v3']);

    const withoutName = await rollback(url, { revision: v1!.id, wait: 'false' });
    expect(withoutName.outputs).toMatchObject({ status: 'triggered', revision_id: v1!.id, previous_deployment_id: v3!.id });

    const withName = await rollback(url, { app_id: name, revision: v3!.id, wait: 'false' });
    expect(withName.outputs.status).toBe('triggered');
    expect(withName.outputs.revision_id).toBe(v3!.id);

    const proxy = await proxyFor(url);
    const mismatch = await rollback(proxy.url, { app_id: 'someone-else', revision: v1!.id });
    expect(mismatch.exitCode).toBe(1);
    expect(mismatch.outputs.status).toBe('failed');
    expect(annotations(mismatch)[0]!.message).toContain(`named '${name}', not 'someone-else'`);
    expect(posts(proxy)).toEqual([]);
  });

  test('a target with the same content as the current deployment is skipped, nothing sent', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('same');
    const [v1a] = await history(engine, name, uniqueKey('same'), ['v1', 'v1']);
    const proxy = await proxyFor(url);

    const run = await rollback(proxy.url, { revision: v1a!.id });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('skipped');
    expect(posts(proxy)).toEqual([]);
    expect(await engine.deployments(name)).toHaveLength(2);
  });

  test('resources: only the named resources are compared and redeployed; a name the target lacks fails before sending', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('subset');
    const a = uniqueKey('a');
    const b = uniqueKey('b');
    const first = await engine.deploy(name, { 'a.bpmn': bpmnProcess(a, 'a1'), 'b.bpmn': bpmnProcess(b, 'b1') });
    const second = await engine.deploy(name, { 'a.bpmn': bpmnProcess(a, 'a2'), 'b.bpmn': bpmnProcess(b, 'b1') });
    await engine.deploy(name, { 'a.bpmn': bpmnProcess(a, 'a2'), 'b.bpmn': bpmnProcess(b, 'b2') });

    // Compared on a.bpmn only, the second deployment equals the current one: the first is the target.
    const run = await rollback(url, { app_id: name, resources: 'a.bpmn' });
    expect(run.outputs.status).toBe('completed');
    expect(run.outputs.revision_id).toBe(first.id);
    const resources = await engine.get<Array<{ name: string }>>(`/deployment/${run.outputs.deployment_id}/resources`);
    expect(resources.map((r) => r.name)).toEqual(['a.bpmn']);
    expect(second.id).not.toBe(run.outputs.revision_id);

    const proxy = await proxyFor(url);
    const unknown = await rollback(proxy.url, { app_id: name, revision: first.id, resources: 'a.bpmn, missing.bpmn' });
    expect(unknown.exitCode).toBe(1);
    expect(annotations(unknown)[0]!.message).toContain("no resource named 'missing.bpmn'");
    expect(posts(proxy)).toEqual([]);
  });

  test("tenant_id: only that tenant's deployments count, and the redeploy stays in the tenant", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('tenant');
    const key = uniqueKey('tenant');
    const [t1] = await history(engine, name, key, ['t1', 't2'], { tenantId: 'tenantA' });
    await history(engine, name, key, ['n1', 'n2', 'n3']); // same name without a tenant

    const run = await rollback(url, { app_id: name, tenant_id: 'tenantA' });

    expect(run.outputs.status).toBe('completed');
    expect(run.outputs.revision_id).toBe(t1!.id);
    const [created] = await engine.deployments(name, 'tenantA');
    expect(created!.id).toBe(run.outputs.deployment_id);
    expect(created!.tenantId).toBe('tenantA');
    expect(logLines(run).join('\n')).toContain("in tenant 'tenantA'");
  });
});
