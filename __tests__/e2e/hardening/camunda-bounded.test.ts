import { expect, it } from '@jest/globals';
import { bpmnProcess } from '../../../sandbox/camunda/engine-client.js';
import { formatEngineTime, parseEngineTime } from '../../../src/providers/camunda/deployment-walk.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { annotations, history, proxyFor, rollback } from '../camunda/helpers.js';

/** Class 4 on Camunda: bounded in rows, requests and memory, whatever the server sends. */
const MAX_RSS_KB = 256 * 1024;
const HUGE = 25_000;

/** A history of 25,000 deployments of `name`, newest first, one second apart. */
function fakeHistory(name: string) {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: HUGE }, (_, i) => ({ links: [], id: `fake-${i}`, name, source: null, deploymentTime: formatEngineTime(start - i * 1000), tenantId: null }));
}

/** An honest engine's GET /deployment over `rows`: the time window (before/after), then firstResult and maxResults. */
function pagesOf(rows: ReturnType<typeof fakeHistory>) {
  return ({ url }: { url: string }) => {
    const query = new URL(url, 'http://x').searchParams;
    const before = query.get('before') ? parseEngineTime(query.get('before')!)! : Infinity;
    const after = query.get('after') ? parseEngineTime(query.get('after')!)! : -Infinity;
    const first = Number(query.get('firstResult') ?? 0);
    const page = rows
      .filter((row) => parseEngineTime(row.deploymentTime)! < before && parseEngineTime(row.deploymentTime)! > after)
      .slice(first, first + Number(query.get('maxResults')));
    return { status: 200, body: JSON.stringify(page) };
  };
}

const count = (requests: Array<{ method: string; path: string }>, pattern: RegExp) => requests.filter((r) => r.method === 'GET' && pattern.test(r.path.split('?')[0]!)).length;

describeWithEngine('camunda: history reads are capped by rows, not pages', () => {
  it('a server that ignores maxResults and the time window (25,000 rows per answer): a repeated page is detected, the message says what was read', async () => {
    const url = await engineUrl();
    const proxy = await proxyFor(url);
    const name = uniqueName('ignoring');
    const rows = JSON.stringify(fakeHistory(name));
    proxy.add({ method: 'GET', path: /\/deployment$/, times: Infinity, fault: { kind: 'respond', respond: () => ({ status: 200, body: rows }) } });
    proxy.add({ method: 'GET', path: /\/deployment\/fake-\d+\/resources$/, times: Infinity, fault: { kind: 'respond', respond: () => ({ status: 200, body: '[]' }) } });

    const run = await rollback(proxy.url, { app_id: name, resources: 'invoice.bpmn' });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Resource not found in any deployment');
    expect(error!.message).toMatch(/read: 100 deployments \(the engine, or a proxy in front of it, answered a page with rows already read/);
    expect(count(proxy.requests, /\/deployment$/)).toBeLessThanOrEqual(4);
    expect(proxy.requests.length).toBeLessThanOrEqual(120);
  });

  it('a server that pages honestly through 25,000 deployments: the run stops at 1,000 rows in a bounded number of requests', async () => {
    const url = await engineUrl();
    const proxy = await proxyFor(url);
    const name = uniqueName('endless');
    const all = fakeHistory(name);
    proxy.add({ method: 'GET', path: /\/deployment$/, times: Infinity, fault: { kind: 'respond', respond: pagesOf(all) } });
    proxy.add({ method: 'GET', path: /\/deployment\/fake-\d+\/resources$/, times: Infinity, fault: { kind: 'respond', respond: () => ({ status: 200, body: '[]' }) } });

    const run = await rollback(proxy.url, { app_id: name, resources: 'invoice.bpmn' });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toContain('read: 1000 deployments (the action reads at most 1000');
    // Ten pages of 100, each followed by one read of the rows tied at its oldest instant.
    expect(count(proxy.requests, /\/deployment$/)).toBeLessThanOrEqual(22);
    // Plus one resource listing per deployment read: bounded by the 1,000 rows, not by the 25,000.
    expect(proxy.requests.length).toBeLessThanOrEqual(1_000 + 22);
  }, 60_000);

  it("'previous' over 10,000 deployments needs a handful of requests, not one per deployment", async () => {
    const url = await engineUrl();
    const proxy = await proxyFor(url);
    const name = uniqueName('long');
    const all = fakeHistory(name).slice(0, 10_000);
    proxy.add({ method: 'GET', path: /\/deployment$/, times: Infinity, fault: { kind: 'respond', respond: pagesOf(all) } });
    // Every deployment holds one model whose bytes are its own index: each one changed something.
    proxy.add({
      method: 'GET',
      path: /\/deployment\/fake-\d+\/resources$/,
      times: Infinity,
      fault: { kind: 'respond', respond: ({ url: asked }) => ({ status: 200, body: JSON.stringify([{ id: `${/fake-\d+/.exec(asked)![0]}-p`, name: 'p.bpmn' }]) }) }
    });
    proxy.add({
      method: 'GET',
      path: /\/deployment\/fake-\d+\/resources\/[^/]+\/data$/,
      times: Infinity,
      fault: {
        kind: 'respond',
        respond: ({ url: asked }) => ({ status: 200, body: `<model of ${/fake-\d+/.exec(asked)![0]}/>`, headers: { 'Content-Type': 'application/octet-stream' } })
      }
    });

    const run = await rollback(proxy.url, { app_id: name, dry_run: 'true' });

    expect(run.outputs).toMatchObject({ status: 'dry_run', revision_id: 'fake-1', previous_deployment_id: 'fake-0' });
    expect(proxy.requests.length).toBeLessThanOrEqual(15);
  });

  it('verification asks once per definition key, however many definitions a server lists (5,000 of one key)', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('manydefs');
    await history(engine, name, uniqueKey('manydefs'), ['v1', 'v2']);
    const proxy = await proxyFor(url);
    proxy.add({
      method: 'GET',
      path: /\/process-definition$/,
      times: Infinity,
      fault: {
        kind: 'transform',
        transform: (body, asked) => {
          if (!asked.includes('deploymentId=')) return body;
          const [real] = JSON.parse(body.toString('utf8')) as Array<Record<string, unknown>>;
          if (!real) return body;
          return Buffer.from(JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ ...real, id: `${String(real.id)}-${i}` }))));
        }
      }
    });

    const run = await rollback(proxy.url, { app_id: name });

    expect(run.outputs.status).toBe('completed');
    const latest = proxy.requests.filter((r) => r.path.includes('/process-definition?') && r.path.includes('latestVersion=true'));
    expect(latest).toHaveLength(1);
    // Three for verification, plus one each for v1 and v2: made within 5 s of each other, their
    // definitions' versions settle which is newer (the nodes' clocks may disagree).
    expect(count(proxy.requests, /\/process-definition$/)).toBeLessThanOrEqual(5);
  });

  it('20 resources of 15 MiB in one deployment: compared by hashing one at a time, under 256 MB of memory', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('large');
    const keys = Array.from({ length: 20 }, (_, i) => uniqueKey(`large${i}`));
    const version = (label: string) => Object.fromEntries(keys.map((key) => [`${key}.bpmn`, bpmnProcess(key, label)]));
    await engine.deploy(name, version('v1'));
    await engine.deploy(name, version('v2'));
    const proxy = await proxyFor(url);
    // Every resource's bytes grow by 15 MiB on the way (still under the 16 MiB body cap).
    const padding = Buffer.alloc(15 * 1024 * 1024, 0x20);
    proxy.add({ method: 'GET', path: /\/resources\/[^/]+\/data$/, times: Infinity, fault: { kind: 'transform', transform: (body) => Buffer.concat([body, padding]) } });

    const run = await rollback(proxy.url, { app_id: name }, { measureMemory: true });

    expect(annotations(run)).toEqual([]);
    expect(run.outputs.status).toBe('completed');
    expect(run.maxRssKb).toBeGreaterThan(0);
    expect(run.maxRssKb!).toBeLessThan(MAX_RSS_KB);
  }, 120_000);
});
