import { expect, test } from '@jest/globals';
import { bpmnProcess } from '../../../sandbox/camunda/engine-client.js';
import { HARDENED } from '../../../sandbox/camunda/engine-process.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { annotations, proxyFor, rollback } from './helpers.js';

/** The engine named 'hardened' in the sandbox process: queryMaxResultsLimit 25, as hardened installations set it. */
async function hardenedUrl(): Promise<string> {
  return `${await engineUrl()}/engine/${HARDENED.name}`;
}

const QUERIES = /\/(deployment|process-definition|decision-definition)$/;

describeWithEngine('camunda: an engine hardened with queryMaxResultsLimit', () => {
  test('the engine refuses an unbounded query and a page over its limit (what the action meets)', async () => {
    const engine = adminClient(await hardenedUrl());
    await expect(engine.get('/deployment')).rejects.toThrow('An unbound number of results is forbidden!');
    await expect(engine.get('/deployment?maxResults=26')).rejects.toThrow(`Max results limit of ${HARDENED.queryMaxResultsLimit} exceeded!`);
  });

  test('every query sends maxResults, pages of the limit the engine names are used, and the rollback completes', async () => {
    const url = await hardenedUrl();
    const engine = adminClient(url);
    const name = uniqueName('hardened');
    const key = uniqueKey('hardened');
    const made = [];
    // More deployments than one page of the limit: a deployment id older than the first page.
    for (let i = 0; i < 30; i++) made.push(await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, `v${i}`) }, { changedOnly: true }));
    const proxy = await proxyFor(url);

    const run = await rollback(proxy.url, { app_id: name, revision: made[1]!.id });

    expect(annotations(run)).toEqual([]);
    expect(run.outputs).toMatchObject({ status: 'completed', revision_id: made[1]!.id });
    const queries = proxy.requests.filter((r) => r.method === 'GET' && QUERIES.test(r.path.split('?')[0]!));
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) expect(query.path).toMatch(/[?&]maxResults=\d+/);
    // After the engine named its limit once, no page asks for more.
    const sizes = queries.map((q) => Number(/maxResults=(\d+)/.exec(q.path)![1]));
    expect(sizes.slice(1).every((size) => size <= HARDENED.queryMaxResultsLimit)).toBe(true);
    const [latest] = await engine.latestProcess(key);
    expect(latest!.deploymentId).toBe(run.outputs.deployment_id);
  });

  test('any other answer of that kind is explained as the engine limit', async () => {
    const url = await hardenedUrl();
    const proxy = await proxyFor(url);
    proxy.add({
      method: 'GET',
      path: /\/deployment$/,
      fault: { kind: 'status', status: 400, body: { type: 'BadUserRequestException', message: 'An unbound number of results is forbidden!', code: 0 } }
    });
    const run = await rollback(proxy.url, { app_id: uniqueName('limited') });
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe("The engine's query limit refused a read");
    expect(error!.message).toContain('queryMaxResultsLimit');
  });
});
