import { expect, test } from '@jest/globals';
import { bpmnProcess, dmnDecision, type EngineClient } from '../../../sandbox/camunda/engine-client.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { annotations, logLines, posts, proxyFor, rollback } from './helpers.js';

/**
 * Deployments as Camunda Run, processes.xml and the Spring starter make them: deploy-changed-only,
 * so each deployment holds only the resources whose bytes changed.
 */
async function issueHistory(engine: EngineClient) {
  const name = uniqueName('changed');
  const invoice = uniqueKey('invoice');
  const review = uniqueKey('review');
  const files = (i: string, r: string) => ({ 'invoice.bpmn': bpmnProcess(invoice, `invoice ${i}`), 'review.dmn': dmnDecision(review, `review ${r}`) });
  const d1 = await engine.deploy(name, files('v1', 'v1'), { changedOnly: true });
  const d2 = await engine.deploy(name, files('v1', 'v2'), { changedOnly: true });
  const d3 = await engine.deploy(name, files('v2 (bad)', 'v2'), { changedOnly: true });
  return { name, invoice, review, files, d1, d2, d3 };
}

const names = async (engine: EngineClient, id: string) => (await engine.get<Array<{ name: string }>>(`/deployment/${id}/resources`)).map((r) => r.name).sort();

describeWithEngine('camunda: deploy-changed-only deployments, resource by resource', () => {
  test("the engine really keeps only what changed (the issue's D1, D2, D3)", async () => {
    const engine = adminClient(await engineUrl());
    const { d1, d2, d3 } = await issueHistory(engine);
    expect(await names(engine, d1.id)).toEqual(['invoice.bpmn', 'review.dmn']);
    expect(await names(engine, d2.id)).toEqual(['review.dmn']);
    expect(await names(engine, d3.id)).toEqual(['invoice.bpmn']);
  });

  test("'previous' undoes D3: invoice back to D1's bytes in one redeploy of D1, review stays on D2", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const { name, invoice, review, d1, d2, files } = await issueHistory(engine);
    const proxy = await proxyFor(url);

    const run = await rollback(proxy.url, { app_id: name });

    expect(annotations(run)).toEqual([]);
    expect(run.outputs).toMatchObject({ status: 'completed', revision_id: d2.id });
    expect(posts(proxy).map((p) => p.path)).toEqual([`/engine-rest/deployment/${d1.id}/redeploy`]);
    const created = run.outputs.deployment_id!;
    expect(await engine.contents(created)).toEqual({ 'invoice.bpmn': files('v1', 'v1')['invoice.bpmn'] });
    expect((await engine.latestProcess(invoice))[0]!.deploymentId).toBe(created);
    const [latestReview] = await engine.get<Array<{ deploymentId: string }>>(`/decision-definition?key=${review}&latestVersion=true&withoutTenantId=true&maxResults=5`);
    expect(latestReview!.deploymentId).toBe(d2.id);
    expect(logLines(run).join('\n')).toMatch(/Verified: deployment \S+ is this run's, holds 1 resource with the target bytes/);
  });

  test('resources: invoice.bpmn goes back to D1 (it was refused before)', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const { name, files } = await issueHistory(engine);
    const run = await rollback(url, { app_id: name, resources: 'invoice.bpmn' });
    expect(run.outputs.status).toBe('completed');
    expect(await engine.contents(run.outputs.deployment_id!)).toEqual({ 'invoice.bpmn': files('v1', 'v1')['invoice.bpmn'] });
  });

  test("'previous~2' undoes D3 and D2: both back to D1, still one deployment", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const { name, files, d1 } = await issueHistory(engine);
    const proxy = await proxyFor(url);
    const run = await rollback(proxy.url, { app_id: name, revision: 'previous~2' });
    expect(run.outputs).toMatchObject({ status: 'completed', revision_id: d1.id });
    expect(posts(proxy)).toHaveLength(1);
    expect(await engine.contents(run.outputs.deployment_id!)).toEqual(files('v1', 'v1'));
  });

  test('a deployment id: every resource as right after it', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const { name, files, d2 } = await issueHistory(engine);
    const run = await rollback(url, { app_id: name, revision: d2.id });
    expect(run.outputs).toMatchObject({ status: 'completed', revision_id: d2.id });
    expect(await engine.contents(run.outputs.deployment_id!)).toEqual({ 'invoice.bpmn': files('v1', 'v1')['invoice.bpmn'] });
  });

  test('a deployment that changed nothing (same bytes under another source) is no step to undo', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const { name, files, d2 } = await issueHistory(engine);
    // Another source: the engine compares with that source's latest deployment only, so it deploys both again.
    const again = await engine.deploy(name, files('v2 (bad)', 'v2'), { changedOnly: true, source: 'nightly' });
    expect(await names(engine, again.id)).toEqual(['invoice.bpmn', 'review.dmn']);

    const run = await rollback(url, { app_id: name });

    expect(run.outputs).toMatchObject({ status: 'completed', revision_id: d2.id, previous_deployment_id: again.id });
    expect(await engine.contents(run.outputs.deployment_id!)).toEqual({ 'invoice.bpmn': files('v1', 'v1')['invoice.bpmn'] });
  });

  test('a resource that did not exist before is left, said before sending', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('added');
    const key = uniqueKey('added');
    const extra = uniqueKey('extra');
    await engine.deploy(name, { 'invoice.bpmn': bpmnProcess(key, 'v1') }, { changedOnly: true });
    await engine.deploy(name, { 'invoice.bpmn': bpmnProcess(key, 'v2'), 'extra.bpmn': bpmnProcess(extra, 'x1') }, { changedOnly: true });

    const run = await rollback(url, { app_id: name });

    expect(run.outputs.status).toBe('completed');
    expect(
      annotations(run, 'warning')
        .map((w) => w.message)
        .join('\n')
    ).toContain("'extra.bpmn' did not exist before: a deployment cannot remove it");
    expect(await names(engine, run.outputs.deployment_id!)).toEqual(['invoice.bpmn']);
    expect(run.summary).toContain('cannot be removed, left as they are: extra.bpmn');
  });

  test('bytes no single earlier deployment holds: one POST /deployment/create with them, same name and tenant', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('create');
    const [a, b] = [uniqueKey('a'), uniqueKey('b')];
    // A resource name with a folder, as build tools deploy them, survives the multipart upload.
    const both = (x: string, y: string) => ({ 'a.bpmn': bpmnProcess(a, x), 'models/b.bpmn': bpmnProcess(b, y) });
    await engine.deploy(name, both('a1', 'b1'), { changedOnly: true, tenantId: 'tenantA' });
    await engine.deploy(name, both('a2', 'b1'), { changedOnly: true, tenantId: 'tenantA' });
    const d3 = await engine.deploy(name, both('a2', 'b2'), { changedOnly: true, tenantId: 'tenantA' });
    await engine.deploy(name, both('a3', 'b3'), { changedOnly: true, tenantId: 'tenantA' });
    const proxy = await proxyFor(url);

    const run = await rollback(proxy.url, { app_id: name, tenant_id: 'tenantA' }, { env: { GITHUB_REPOSITORY: 'acme/bpm', GITHUB_RUN_ID: '31', GITHUB_RUN_ATTEMPT: '1' } });

    expect(annotations(run)).toEqual([]);
    expect(run.outputs).toMatchObject({ status: 'completed', revision_id: d3.id });
    expect(posts(proxy).map((p) => p.path)).toEqual(['/engine-rest/deployment/create']);
    const [created] = await engine.deployments(name, 'tenantA');
    expect(created).toMatchObject({ id: run.outputs.deployment_id, name, tenantId: 'tenantA', source: 'rollback acme/bpm run 31.1' });
    expect(await engine.contents(created!.id)).toEqual(both('a2', 'b2'));
  });

  test("ties in deploymentTime (another node's clock): the definitions' versions say which is newest", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('tied');
    const key = uniqueKey('tied');
    const made = [];
    for (const label of ['v1', 'v2', 'v3']) made.push(await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, label) }));
    for (const deployment of made) await engine.setDeploymentTime(deployment.id, Date.UTC(2026, 0, 1));

    const run = await rollback(url, { app_id: name, dry_run: 'true' });

    expect(run.outputs).toMatchObject({ status: 'dry_run', revision_id: made[1]!.id, previous_deployment_id: made[2]!.id });
  });
});

describeWithEngine('camunda: process applications on shared engines', () => {
  test("a current deployment with source 'process application': warned before sending, in the log and the summary", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('pa');
    const key = uniqueKey('pa');
    await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, 'v1') }, { source: 'process application', changedOnly: true });
    const current = await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, 'v2') }, { source: 'process application', changedOnly: true });

    const run = await rollback(url, { app_id: name });

    expect(run.outputs.status).toBe('completed');
    const [warning] = annotations(run, 'warning');
    expect(warning!.message).toContain(`${current.id}`);
    expect(warning!.message).toContain('ENGINE-09008');
    expect(warning!.message).toContain('Embedded engines (e.g. Spring Boot with @EnableProcessApplication) are not affected');
    expect(run.summary).toContain('Process application');
    // Said before the request was sent.
    const lines = run.stdout.split('\n');
    expect(lines.findIndex((l) => l.includes('ENGINE-09008'))).toBeLessThan(lines.findIndex((l) => /Verified: deployment/.test(l)));
  });

  test('no warning when no deployment involved came from a process application', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('plain');
    const key = uniqueKey('plain');
    await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, 'v1') }, { source: 'ci' });
    await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, 'v2') }, { source: 'ci' });
    const run = await rollback(url, { app_id: name });
    expect(run.outputs.status).toBe('completed');
    expect(annotations(run, 'warning')).toEqual([]);
  });
});

describeWithEngine('camunda: messages as the engine answers', () => {
  test('nothing found: a wrong name, or a missing READ on Deployment or tenant membership', async () => {
    const run = await rollback(await engineUrl(), { app_id: uniqueName('nobody'), tenant_id: 'tenantA' });
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('No deployment of that name');
    expect(error!.message).toContain('READ on Deployment');
    expect(error!.message).toContain("membership of tenant 'tenantA'");
  });

  test("a resource name under 'previous' that no deployment holds says exactly that", async () => {
    const engine = adminClient(await engineUrl());
    const { name } = await issueHistory(engine);
    const run = await rollback(engine.url, { app_id: name, resources: 'invoice.bpnm' });
    expect(annotations(run)[0]!.title).toBe('Resource not found in any deployment');
    expect(annotations(run)[0]!.message).toContain("holds a resource named 'invoice.bpnm' (read: 3 deployments)");
  });

  test("api_url without /engine-rest (Tomcat's HTML 404): 'api_url looks incomplete', saying what it should end with", async () => {
    const url = await engineUrl();
    const origin = new URL(url).origin;
    const run = await rollback(origin, { app_id: uniqueName('any') });
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('api_url looks incomplete');
    expect(error!.message).toContain('does not end in /engine-rest');
  });

  test('no sentence twice: the failure says once that nothing was redeployed', async () => {
    const run = await rollback(await engineUrl(), { app_id: uniqueName('once') });
    const [error] = annotations(run);
    expect(error!.message.match(/Nothing was (re)?deployed/g)).toEqual(['Nothing was redeployed']);
  });
});
