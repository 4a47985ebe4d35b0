import { expect, it } from '@jest/globals';
import { bpmnProcess } from '../../../sandbox/camunda/engine-client.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { annotations, history, logLines, posts, proxyFor, rollback } from '../camunda/helpers.js';

/** Class 2 on Camunda: `completed` only with proof the new deployment is this run's, with the target bytes, and the latest. */
const SENT = /\/deployment\/(create|[^/]+\/redeploy)$/;

describeWithEngine('camunda: success only with proof', () => {
  it('a 200 naming an existing deployment fails: it is not this run’s, and the run says the request was accepted', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('proof');
    const [v1] = await history(engine, name, uniqueKey('proof'), ['v1', 'v2']);
    const proxy = await proxyFor(url);
    const existing = await engine.get(`/deployment/${v1!.id}`);
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'respond', respond: () => ({ status: 200, body: JSON.stringify(existing) }) } });

    const run = await rollback(proxy.url, { app_id: name });

    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    const [error] = annotations(run);
    expect(error!.title).toBe("The engine's answer names another deployment");
    expect(error!.message).toContain(`deployment ${v1!.id}`);
    expect(error!.message).toContain('was accepted by Camunda 7');
    expect(posts(proxy)).toHaveLength(1);
  });

  it("a new deployment of this run's source with other content fails, naming the resource", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('other');
    const key = uniqueKey('other');
    await history(engine, name, key, ['v1', 'v2']);
    const proxy = await proxyFor(url);
    // Something between the action and the engine makes a deployment of its own with the run's source.
    proxy.add({
      method: 'POST',
      path: SENT,
      fault: {
        kind: 'respond',
        respond: async ({ body }) => {
          const { source } = JSON.parse(body.toString('utf8')) as { source: string };
          const made = await engine.deploy(name, { 'process.bpmn': bpmnProcess(key, 'something else') }, { source });
          return { status: 200, body: JSON.stringify(made) };
        }
      }
    });

    const run = await rollback(proxy.url, { app_id: name });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('The new deployment holds other content');
    expect(error!.message).toContain("'process.bpmn' holds other bytes");
  });

  it('completed says what was proven', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('proven');
    await history(engine, name, uniqueKey('proven'), ['v1', 'v2']);
    const run = await rollback(url, { app_id: name });
    expect(run.outputs.status).toBe('completed');
    expect(logLines(run).join('\n')).toMatch(
      /Verified: deployment \S+ is this run's, holds 1 resource with the target bytes, and its definitions are the latest versions \(1 key checked\)/
    );
  });
});
