import { expect, it } from '@jest/globals';
import { bpmnProcess } from '../../../sandbox/camunda/engine-client.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { annotations, history, logLines, posts, proxyFor, rollback } from '../camunda/helpers.js';

/** Class 1 on Camunda: exactly one new deployment, whatever the answer to the POST looks like. */
const SENT = /\/deployment\/(create|[^/]+\/redeploy)$/;
const RUN = { env: { GITHUB_REPOSITORY: 'acme/bpm', GITHUB_RUN_ID: '913', GITHUB_RUN_ATTEMPT: '1' } };

async function twoVersions() {
  const url = await engineUrl();
  const engine = adminClient(url);
  const name = uniqueName('once');
  const [v1, v2] = await history(engine, name, uniqueKey('once'), ['v1', 'v2']);
  return { url, engine, name, v1: v1!, v2: v2! };
}

describeWithEngine('camunda: an unclear answer to the POST is never followed or re-sent', () => {
  it.each([
    ['303 See Other', 303, { Location: '/engine-rest/deployment' }],
    ['302 to another origin', 302, { Location: 'https://elsewhere.example/engine-rest/deployment' }],
    ['307 Temporary Redirect', 307, { Location: '/engine-rest/deployment/x/redeploy' }],
    ['304 Not Modified', 304, {}],
    ['500 Internal Server Error', 500, {}]
  ])('%s after the engine deployed: found by source, one POST, completed', async (_, status, headers) => {
    const { url, engine, name, v1 } = await twoVersions();
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'replace', status, headers } });

    const run = await rollback(proxy.url, { app_id: name }, RUN);

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'completed', revision_id: v1.id });
    expect(posts(proxy)).toHaveLength(1);
    expect(annotations(run, 'warning').map((w) => w.title)).toContain('Redeploy found after a lost answer');
    const [created] = await engine.deployments(name);
    expect(created!.source).toBe('rollback acme/bpm run 913.1');
    expect(await engine.deployments(name)).toHaveLength(3);
  });

  it('a 303 before the engine saw it: watched at least 15 s, then not acted on; nothing was redeployed', async () => {
    const { url, engine, name } = await twoVersions();
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'status', status: 303, headers: { Location: '/engine-rest/deployment' } } });

    const started = Date.now();
    const run = await rollback(proxy.url, { app_id: name, timeout: '60' }, RUN);

    expect(Date.now() - started).toBeGreaterThanOrEqual(15_000);
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Redeploy not acted on');
    expect(error!.message).toContain('Nothing was redeployed');
    expect(posts(proxy)).toHaveLength(1);
    expect(await engine.deployments(name)).toHaveLength(2);
  }, 60_000);

  it('a 2xx whose body is not JSON is accepted: the deployment is looked up by source, completed, one POST', async () => {
    const { url, engine, name } = await twoVersions();
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'replace', status: 200, body: '<html>OK</html>', headers: { 'Content-Type': 'text/html' } } });

    const run = await rollback(proxy.url, { app_id: name }, RUN);

    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(proxy)).toHaveLength(1);
    expect(logLines(run).join('\n')).toContain('not JSON');
    const [created] = await engine.deployments(name);
    expect(run.outputs.deployment_id).toBe(created!.id);
  });

  it('the create path (bytes from two deployments): a reset after the engine deployed is found by source, one POST, completed', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('createlost');
    const [a, b] = [uniqueKey('a'), uniqueKey('b')];
    const both = (x: string, y: string) => ({ 'a.bpmn': bpmnProcess(a, x), 'b.bpmn': bpmnProcess(b, y) });
    await engine.deploy(name, both('a1', 'b1'), { changedOnly: true });
    await engine.deploy(name, both('a2', 'b1'), { changedOnly: true });
    await engine.deploy(name, both('a2', 'b2'), { changedOnly: true });
    await engine.deploy(name, both('a3', 'b3'), { changedOnly: true });
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'drop-after' } });

    const run = await rollback(proxy.url, { app_id: name }, RUN);

    expect(run.outputs.status).toBe('completed');
    expect(posts(proxy).map((p) => p.path)).toEqual(['/engine-rest/deployment/create']);
    expect(await engine.contents(run.outputs.deployment_id!)).toEqual(both('a2', 'b2'));
  });

  it('a timeout shorter than the watch ends undecided, saying the outcome is unknown; never re-sent', async () => {
    const { url, name } = await twoVersions();
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'drop-before' } });

    const run = await rollback(proxy.url, { app_id: name, timeout: '8' }, RUN);

    expect(run.durationMs).toBeLessThan(20_000);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toContain('may have reached Camunda 7');
    expect(posts(proxy)).toHaveLength(1);
  }, 40_000);
});
