import { expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { bpmnProcess, dmnDecision } from '../../../sandbox/camunda/engine-client.js';
import { ADMIN } from '../../../sandbox/camunda/engine-process.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { expectNoEcho } from '../secret-echo.js';
import { annotations, history, posts, proxyFor, rollback } from './helpers.js';

/**
 * Issues 13 and 15, read sentence by sentence, for what the other Camunda tests leave implicit:
 * a redirect to a live other origin (not just an unreachable one), a 200 without an id, an answer
 * that never comes, a process application as the target, control characters other than a line
 * break, a JSON-escaped password, Tomcat's HTML 404, and ties under a query limit smaller than
 * the tie (which lost rows before tie groups were paged by id).
 */

/** An HTTP server on another origin that records every request it receives. */
async function otherOrigin(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"elsewhere"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SENT = /\/deployment\/(create|[^/]+\/redeploy)$/;

/** Issue 15 §5: no sentence twice, in the error annotation nor in the summary. */
function expectNoSentenceTwice(run: Awaited<ReturnType<typeof rollback>>): void {
  for (const text of [annotations(run)[0]?.message ?? '', run.summary]) {
    const sentences = text
      .split(/(?<=[.!?])\s+|\n+/)
      .map((sentence) => sentence.replace(/<[^>]+>/g, '').trim())
      .filter((sentence) => sentence.length > 20);
    const twice = sentences.filter((sentence, i) => sentences.indexOf(sentence) !== i);
    expect(twice).toEqual([]);
  }
}

describeWithEngine('camunda, outside check: a redirect to another origin is never followed', () => {
  test.each([302, 307])('a %i to a live server elsewhere: that server sees nothing, one POST, the deployment is found by source', async (status) => {
    const url = await engineUrl();
    const name = uniqueName(`redirect${status}`);
    const [v1] = await history(adminClient(url), name, uniqueKey('redirect'), ['v1', 'v2']);
    const elsewhere = await otherOrigin();
    try {
      const proxy = await proxyFor(url);
      proxy.add({ method: 'POST', path: SENT, fault: { kind: 'replace', status, headers: { Location: `${elsewhere.url}/engine-rest/deployment/create` } } });

      const run = await rollback(proxy.url, { app_id: name });

      expect(elsewhere.seen).toEqual([]);
      expect(posts(proxy)).toHaveLength(1);
      expect(run.outputs).toMatchObject({ status: 'completed', revision_id: v1!.id });
      expect(await adminClient(url).deployments(name)).toHaveLength(3);
    } finally {
      await elsewhere.close();
    }
  });
});

describeWithEngine('camunda, outside check: other unclear answers to the POST', () => {
  test('a 200 whose JSON has no id: looked up by source, completed, one POST', async () => {
    const url = await engineUrl();
    const name = uniqueName('noid');
    await history(adminClient(url), name, uniqueKey('noid'), ['v1', 'v2']);
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'replace', status: 200, body: '{}', headers: { 'Content-Type': 'application/json' } } });

    const run = await rollback(proxy.url, { app_id: name });

    expect(run.outputs.status).toBe('completed');
    expect(posts(proxy)).toHaveLength(1);
    const [created] = await adminClient(url).deployments(name);
    expect(run.outputs.deployment_id).toBe(created!.id);
  });

  test('a 304 the engine never saw: watched, then not acted on, said once; nothing was redeployed', async () => {
    const url = await engineUrl();
    const name = uniqueName('notmodified');
    await history(adminClient(url), name, uniqueKey('notmodified'), ['v1', 'v2']);
    const proxy = await proxyFor(url);
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'status', status: 304 } });

    const run = await rollback(proxy.url, { app_id: name, timeout: '60' });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('Redeploy not acted on');
    expect(posts(proxy)).toHaveLength(1);
    expect(await adminClient(url).deployments(name)).toHaveLength(2);
    expectNoSentenceTwice(run);
  }, 60_000);

  test('an answer that never comes after the engine deployed (a hung gateway): found by source within the run, one POST', async () => {
    const url = await engineUrl();
    const name = uniqueName('hung');
    await history(adminClient(url), name, uniqueKey('hung'), ['v1', 'v2']);
    const proxy = await proxyFor(url);
    let release: () => void = () => undefined;
    proxy.add({ method: 'POST', path: SENT, fault: { kind: 'after', hook: () => new Promise<void>((resolve) => (release = resolve)) } });

    try {
      const run = await rollback(proxy.url, { app_id: name, timeout: '120' });
      expect(run.outputs.status).toBe('completed');
      expect(posts(proxy)).toHaveLength(1);
      expect(await adminClient(url).deployments(name)).toHaveLength(3);
    } finally {
      release();
    }
  }, 150_000);
});

describeWithEngine('camunda, outside check: process applications', () => {
  test("a target deployment with source 'process application' (the current one is not) is warned about before sending, with what to do", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('patarget');
    const key = uniqueKey('patarget');
    const target = await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, 'v1') }, { source: 'process application' });
    await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, 'v2') }, { source: 'hotfix script' });

    const run = await rollback(url, { app_id: name });

    expect(run.outputs.status).toBe('completed');
    const [warning] = annotations(run, 'warning');
    expect(warning!.message).toContain(target.id);
    expect(warning!.message).toContain('ENGINE-09008');
    // DeployCmd registers a restarting application with the latest deployment of its name and, by
    // resumePreviousVersions, with every deployment of its process keys: a restart is the cure.
    expect(warning!.message).toContain('restart the process application');
    expect(warning!.message).not.toContain('does not register');
    expect(warning!.message).toContain('Embedded engines');
    expect(run.summary).toContain('ENGINE-09008');
  });
});

describeWithEngine('camunda, outside check: URL inputs with control characters', () => {
  test.each([
    ['a tab', '\t'],
    ['a carriage return', '\r'],
    ['an ESC', '\u001b'],
    ['a DEL', '\u007f'],
    ['a next-line (U+0085)', '\u0085']
  ])('api_url with %s inside is refused before any request', async (_, character) => {
    const proxy = await proxyFor(await engineUrl());
    const base = proxy.url.slice(0, -'/engine-rest'.length);

    const run = await rollback(`${base}/engine${character}-rest`, { app_id: uniqueName('control') });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe("Invalid input 'api_url'");
    expect(proxy.requests).toHaveLength(0);
  });

  test('health_url with a line break is refused before any request to the engine', async () => {
    const proxy = await proxyFor(await engineUrl());

    const run = await rollback(proxy.url, { app_id: uniqueName('healthnl'), health_url: 'http://127.0.0.1:9/health\n/other' });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe("Invalid input 'health_url'");
    expect(proxy.requests).toHaveLength(0);
  });
});

describeWithEngine('camunda, outside check: secrets echoed in other forms', () => {
  const USERNAME = 'release-bot';
  const PASSWORD = 'Pa55"w0rd\\with/quote&more';
  test('a body that echoes the password JSON-escaped, cut short, and the Basic value: none is readable', async () => {
    const proxy = await proxyFor(await engineUrl());
    const escaped = JSON.stringify(PASSWORD).slice(1, -1);
    const basic = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');
    proxy.add({
      path: /.*/,
      times: 100,
      fault: {
        kind: 'respond',
        respond: () => ({
          status: 401,
          body: `{"note":"login ${USERNAME} with \\"${escaped}\\" (Basic ${basic}) refused; tried ${PASSWORD.slice(0, 12)}…"}`,
          headers: { 'Content-Type': 'text/plain', 'WWW-Authenticate': `Basic realm="engine", hint="${escaped}"` }
        })
      }
    });

    const run = await rollback(proxy.url, { app_id: uniqueName('escaped'), username: USERNAME, password: PASSWORD }, { env: { RUNNER_DEBUG: '1' } });

    expect(run.exitCode).toBe(1);
    expectNoSentenceTwice(run);
    expectNoEcho(run, { 'JSON-escaped password': escaped, 'Basic value': basic, password: PASSWORD });
  });
});

describeWithEngine('camunda, outside check: messages', () => {
  test("api_url of a Tomcat without /engine-rest (an HTML 404): 'api_url looks incomplete', saying it should end with /engine-rest", async () => {
    const proxy = await proxyFor(await engineUrl());
    proxy.add({
      path: /.*/,
      times: 100,
      fault: {
        kind: 'respond',
        respond: ({ url }) => ({
          status: 404,
          body: `<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1><p><b>Message</b> The requested resource [${url}] is not available</p><hr class="line" /><h3>Apache Tomcat/10.1.34</h3></body></html>`,
          headers: { 'Content-Type': 'text/html;charset=utf-8' }
        })
      }
    });
    const base = proxy.url.slice(0, -'/engine-rest'.length);

    const run = await rollback(`${base}/camunda`, { app_id: uniqueName('tomcat') });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('api_url looks incomplete');
    expect(error!.message).toContain('/engine-rest');
    expect(error!.message).not.toMatch(/<html|<h1/i);
    expect(posts(proxy)).toHaveLength(0);
    expectNoSentenceTwice(run);
  });

  test('changed-only: a name in resources that the target state does not hold stays an error, nothing sent', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('lacks');
    const [invoice, review] = [uniqueKey('invoice'), uniqueKey('review')];
    const d1 = await engine.deploy(name, { 'invoice.bpmn': bpmnProcess(invoice, 'v1') }, { changedOnly: true });
    await engine.deploy(name, { 'invoice.bpmn': bpmnProcess(invoice, 'v1'), 'review.dmn': dmnDecision(review, 'v1') }, { changedOnly: true });
    await engine.deploy(name, { 'invoice.bpmn': bpmnProcess(invoice, 'v2'), 'review.dmn': dmnDecision(review, 'v2') }, { changedOnly: true });
    const proxy = await proxyFor(url);

    const run = await rollback(proxy.url, { app_id: name, revision: d1.id, resources: 'review.dmn' });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toContain('review.dmn');
    expect(posts(proxy)).toHaveLength(0);
    expect(await engine.deployments(name)).toHaveLength(3);
    expectNoSentenceTwice(run);
  });
});

/**
 * A proxy that behaves as an engine with queryMaxResultsLimit `limit`: a query without maxResults
 * or over the limit gets the engine's own 400 (AbstractQuery / QueryMaxResultsLimitUtil), the rest
 * is answered by the real engine.
 */
async function limitedEngine(url: string, limit: number) {
  const proxy = await proxyFor(url);
  const origin = new URL(url).origin;
  const auth = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
  proxy.add({
    method: 'GET',
    path: /\/(deployment|process-definition|decision-definition)$/,
    times: 10_000,
    fault: {
      kind: 'respond',
      respond: async ({ url: path }) => {
        const max = new URL(path, origin).searchParams.get('maxResults');
        if (max === null) return { status: 400, body: JSON.stringify({ type: 'BadUserRequestException', message: 'An unbound number of results is forbidden!', code: 0 }) };
        if (Number(max) > limit) return { status: 400, body: JSON.stringify({ type: 'BadUserRequestException', message: `Max results limit of ${limit} exceeded!`, code: 0 }) };
        const answer = await fetch(`${origin}${path}`, { headers: { Authorization: auth } });
        return { status: answer.status, body: Buffer.from(await answer.arrayBuffer()) };
      }
    }
  });
  return proxy;
}

describeWithEngine('camunda, outside check: a small query limit and ties', () => {
  test('limit 2 and seven deployments stamped in the same millisecond: previous~5 finds v2, no tied row lost', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('tiedsmall');
    const key = uniqueKey('tiedsmall');
    const made = [];
    for (let i = 1; i <= 7; i++) made.push(await engine.deploy(name, { 'p.bpmn': bpmnProcess(key, `v${i}`) }, { changedOnly: true }));
    for (const deployment of made) await engine.setDeploymentTime(deployment.id, Date.UTC(2026, 0, 1));
    const proxy = await limitedEngine(url, 2);

    const previous = await rollback(proxy.url, { app_id: name, revision: 'previous~5', dry_run: 'true' });
    expect(annotations(previous)).toEqual([]);
    expect(previous.outputs).toMatchObject({ status: 'dry_run', revision_id: made[1]!.id, previous_deployment_id: made[6]!.id });

    const byId = await rollback(proxy.url, { app_id: name, revision: made[0]!.id });
    expect(annotations(byId)).toEqual([]);
    expect(byId.outputs).toMatchObject({ status: 'completed', revision_id: made[0]!.id });
    expect(await engine.contents(byId.outputs.deployment_id!)).toEqual({ 'p.bpmn': bpmnProcess(key, 'v1') });
  });
});
