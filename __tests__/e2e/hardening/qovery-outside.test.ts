import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { annotations } from '../helpers.js';
import { outside, run, sentVersions, sha, type Options, type Outside, type Svc } from './qovery-outside-server.js';

/**
 * The outside check of issues 13 (Qovery parts) and 14, against a Qovery-like server written
 * apart from the sandbox (qovery-outside-server.ts), through dist/index.js as the runner runs it.
 */

const open: Outside[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const api: Svc = { id: randomUUID(), name: 'api', type: 'APPLICATION' };
const web: Svc = { id: randomUUID(), name: 'web', type: 'CONTAINER' };
const worker: Svc = { id: randomUUID(), name: 'worker', type: 'CONTAINER' };
/** Execution ids as the history shows them: a UUID and a counter. */
const RUN = randomUUID();
const E = (label: string) => `${RUN}-${label.replace(/\D/g, '') || '0'}`;

async function start(options: Omit<Options, 'services'> & { services?: Svc[] }): Promise<Outside> {
  const server = await outside({ services: [api, web], ...options });
  open.push(server);
  return server;
}

/** E1 {api v2, web w1}, E2 {web w2}, E3 {api v3}: the issue's own example. */
function partial() {
  return [
    { id: E('E1'), versions: { [api.id]: sha('2'), [web.id]: 'w1' } },
    { id: E('E2'), versions: { [web.id]: 'w2' } },
    { id: E('E3'), versions: { [api.id]: sha('3') } }
  ];
}

describe('issue 14 §3: partial deployments (E3 {api v3}, E2 {web w2}, E1 {api v2, web w1})', () => {
  it('previous sends only api v3 → v2 and leaves web alone; log and summary say from/to and who is left alone', async () => {
    const s = await start({ history: partial() });
    const r = await run(s);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.status).toBe('completed');
    expect(s.postsTo()).toHaveLength(1);
    expect(sentVersions(s.postsTo()[0]!.body)).toEqual({ [api.id]: sha('2') });
    expect(r.stdout).toMatch(new RegExp(`api \\(application ${api.id}\\): ${sha('3').slice(0, 12)} → ${sha('2').slice(0, 12)}`));
    expect(r.stdout).toMatch(/web \(container [0-9a-f-]+\): left alone/);
    expect(r.summary).toContain(sha('3'));
    expect(r.summary).toContain(sha('2'));
    expect(r.summary).toMatch(/Left alone[^\n]*web/);
    expect(JSON.parse(r.outputs.services!)).toEqual([{ id: api.id, name: 'api', type: 'APPLICATION', from: sha('3'), to: sha('2') }]);
  });

  it('previous~2 undoes E3 and E2: api → v2, web → w1', async () => {
    const s = await start({ history: partial() });
    const r = await run(s, { revision: 'previous~2' });
    expect(r.exitCode).toBe(0);
    expect(sentVersions(s.postsTo()[0]!.body)).toEqual({ [api.id]: sha('2'), [web.id]: 'w1' });
  });

  it('previous after a failed newest deployment: only its services go back, to their last good version', async () => {
    const s = await start({
      history: [...partial(), { id: E('E4'), versions: { [web.id]: 'w3' }, status: 'DEPLOYMENT_ERROR', actionStatus: 'ERROR' }]
    });
    const r = await run(s);
    expect(r.exitCode).toBe(0);
    expect(sentVersions(s.postsTo()[0]!.body)).toEqual({ [web.id]: 'w2' });
  });

  it('an execution id: each service to its version right after it; a service with no version then is left alone, with a warning', async () => {
    const s = await start({
      services: [api, web, worker],
      history: [...partial(), { id: E('E5'), versions: { [worker.id]: 'k1' } }]
    });
    const r = await run(s, { revision: E('E2') });
    expect(r.exitCode).toBe(0);
    expect(sentVersions(s.postsTo()[0]!.body)).toEqual({ [api.id]: sha('2') });
    const warnings = annotations(r, 'warning')
      .map((w) => w.message)
      .join('\n');
    expect(warnings).toMatch(/worker/);
    expect(r.stdout).toMatch(/worker \(container [0-9a-f-]+\): left alone/);
  });
});

describe('issue 14 §4: what does not count', () => {
  it('a DEPLOY_DRY_RUN on top is neither what runs nor a candidate', async () => {
    const s = await start({
      history: [
        { id: E('E1'), versions: { [api.id]: sha('1'), [web.id]: 'w1' } },
        { id: E('E2'), versions: { [api.id]: sha('2'), [web.id]: 'w2' } },
        { id: E('E3'), versions: { [api.id]: sha('9'), [web.id]: 'w9' }, action: 'DEPLOY_DRY_RUN' }
      ]
    });
    const r = await run(s);
    expect(r.exitCode).toBe(0);
    expect(sentVersions(s.postsTo()[0]!.body)).toEqual({ [api.id]: sha('1'), [web.id]: 'w1' });
  });

  it('READY is not success: READY then DEPLOYMENT_ERROR fails', async () => {
    const s = await start({ history: partial(), runStates: ['BUILDING', 'READY'], endState: 'DEPLOYMENT_ERROR', runMs: 2500 });
    const r = await run(s);
    expect(r.exitCode).toBe(1);
    expect(r.outputs.status).toBe('failed');
    expect(annotations(r)[0]!.title).toBe('Rollback deployment failed');
  });
});

describe('issue 14 §1 and 13 §2: the outcome is this run’s own deployment', () => {
  it('state stays DEPLOYMENT_ERROR for a service outside the rollback: completed, on last_deployment_state, versions read back', async () => {
    const s = await start({ history: partial(), envState: 'DEPLOYMENT_ERROR' });
    const r = await run(s);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.status).toBe('completed');
    expect(r.stdout).toMatch(/Read back/);
  });

  it('DEPLOYED on other versions fails, naming the service and the versions', async () => {
    const s = await start({ history: partial(), land: (sent) => ({ ...sent, [api.id]: sha('7') }) });
    const r = await run(s);
    expect(r.exitCode).toBe(1);
    const [error] = annotations(r);
    expect(error!.title).toBe('Rollback ended on other versions');
    expect(error!.message).toContain(`api runs ${sha('7').slice(0, 12)}`);
    expect(error!.message).toContain(sha('2').slice(0, 12));
  });
});

describe('issue 14 §2: queued deploy requests', () => {
  it('queued behind a deployment: position in the log, followed by deployment_request_id to its own result, while another request succeeds', async () => {
    const other = randomUUID();
    const s = await start({ history: partial(), queueAhead: [{ id: other, by: 'bob', action: 'RESTART', services: [web.id] }], queuedMs: 4000, endState: 'DEPLOYMENT_ERROR' });
    // The status keeps showing a successful deployment of someone else's while ours is queued.
    s.requests.set(other, 'RESTARTED');
    const r = await run(s);
    expect(r.stdout).toMatch(/queued: position 2 of 2/);
    expect(r.exitCode).toBe(1);
    expect(annotations(r)[0]!.title).toBe('Rollback deployment failed');
    expect(s.log.some((l) => l.path === '/environment/deploymentStatus')).toBe(true);
  });

  it('an API that cannot say where a request is (no deploymentStatus, no request id in the status): the execution is still found and followed', async () => {
    const s = await start({ history: partial(), noRequestTracking: true });
    const r = await run(s, { timeout: '40' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.status).toBe('completed');
    expect(s.postsTo()).toHaveLength(1);
  });

  it.concurrent(
    'a long wait in the queue: the heartbeat says the request is still queued, and where',
    async () => {
      const s = await outside({ services: [api, web], history: partial(), queueAhead: [{ id: randomUUID(), by: 'bob', action: 'DEPLOY', services: [web.id] }], queuedMs: 40_000 });
      try {
        const r = await run(s, { timeout: '90' });
        expect(r.exitCode).toBe(0);
        expect(r.stdout).toMatch(/Still: deployment request [0-9a-f-]+ is queued: position 2 of 2/);
      } finally {
        await s.close();
      }
    },
    90_000
  );

  it('a queued DEPLOY that Qovery could merge with ours is warned about before sending', async () => {
    const s = await start({ history: partial(), queueAhead: [{ id: randomUUID(), by: 'ci-bot', action: 'DEPLOY', services: [web.id] }] });
    const r = await run(s);
    const warning = annotations(r, 'warning').find((w) => /merge/i.test(w.title ?? '') || /merge/i.test(w.message));
    expect(warning).toBeDefined();
    const warnedAt = r.stdout.indexOf('::warning title=Deploy request may be merged');
    expect(warnedAt).toBeGreaterThan(-1);
    expect(r.stdout.indexOf('Qovery accepted the deploy request')).toBeGreaterThan(warnedAt);
  });

  it('an answer lost after Qovery queued the request: found in the queue, followed, one request', async () => {
    const s = await start({ history: partial(), answers: [{ reset: true, acted: true }], queuedMs: 3000 });
    const r = await run(s, { timeout: '60' });
    expect(r.exitCode).toBe(0);
    expect(s.postsTo()).toHaveLength(1);
    expect(r.stdout).toMatch(/deployment queue/);
  });

  it('409 where it still occurs: waits for the environment to be free, then sends once more', async () => {
    const s = await start({ history: partial(), answers: [{ status: 409, acted: false, body: JSON.stringify({ status: 409, error: 'Operation is in progress' }) }, {}] });
    s.status.state = 'DEPLOYING';
    s.later(3000, () => (s.status.state = 'DEPLOYED'));
    const r = await run(s);
    expect(r.exitCode).toBe(0);
    expect(s.postsTo().map((p) => p.answered)).toEqual([409, 202]);
  });
});

describe('issue 14 §5: 429 without Retry-After', () => {
  it('waits until X-RateLimit-Reset (a Unix time) and resends once', async () => {
    const reset = () => String(Math.ceil(Date.now() / 1000) + 3);
    const s = await start({ history: partial(), answers: [{ status: 429, acted: false, body: '{}', headers: {} }, {}] });
    s.options.answers![0]!.headers = { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset() };
    const r = await run(s);
    expect(r.exitCode).toBe(0);
    const [first, second] = s.postsTo();
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1900);
  });

  it('a second 429: no loop of 1–60 s resends, two requests in all, nothing deployed', async () => {
    const s = await start({ history: partial(), answers: [{ status: 429, acted: false, body: '{}' }] });
    s.options.answers![0]!.headers = { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 2) };
    const r = await run(s, { timeout: '60' });
    expect(r.exitCode).toBe(1);
    expect(s.postsTo().length).toBeLessThanOrEqual(2);
    expect(annotations(r)[0]!.message).toContain('Nothing was redeployed');
  });
  it('a bare 429 (neither Retry-After nor X-RateLimit-Reset) is resent once at most, never in a loop until the deadline', async () => {
    const s = await start({ history: partial(), answers: [{ status: 429, acted: false, body: '{}' }] });
    const r = await run(s, { timeout: '120' });
    expect(r.exitCode).toBe(1);
    expect(s.postsTo()).toHaveLength(2);
    expect(annotations(r)[0]!.message).toContain('Nothing was redeployed');
    expect(r.durationMs).toBeLessThan(30_000);
  });
});

describe('issue 14 §6: what the target ran besides its version', () => {
  it('sends values_override_git_commit_id for a helm, and warns that the image changed', async () => {
    const chart: Svc = { id: randomUUID(), name: 'chart', type: 'HELM' };
    const s = await start({
      services: [web, chart],
      history: [
        {
          id: E('E1'),
          versions: { [web.id]: 'w1', [chart.id]: '0.1.0' },
          extra: { [web.id]: { image_name: 'registry.example.com/old-web' }, [chart.id]: { values_override_git_commit_id: sha('a') } }
        },
        { id: E('E2'), versions: { [web.id]: 'w2', [chart.id]: '0.2.0' }, extra: { [chart.id]: { values_override_git_commit_id: sha('b') } } }
      ]
    });
    const r = await run(s);
    expect(r.exitCode).toBe(0);
    const body = s.postsTo()[0]!.body as { helms: Array<Record<string, string>> };
    expect(body.helms).toEqual([{ id: chart.id, chart_version: '0.1.0', values_override_git_commit_id: sha('a') }]);
    expect(
      annotations(r, 'warning')
        .map((w) => w.message)
        .join('\n')
    ).toMatch(/old-web/);
  });
});

describe('issue 13 §1: one deploy request, whatever the answer', () => {
  it.each([
    ['303', { status: 303, headers: { location: '/trap' }, body: '' }],
    ['302 to another origin', { status: 302, headers: { location: 'http://127.0.0.2:9/trap' }, body: '' }],
    ['307 to another origin', { status: 307, headers: { location: 'http://127.0.0.2:9/trap' }, body: '' }],
    ['304', { status: 304 }],
    ['200 with an HTML body', { status: 200, body: '<html>ok</html>' }],
    ['502', { status: 502, body: '<html>bad gateway</html>' }],
    ['a reset', { reset: true }]
  ])('%s after Qovery acted: the deployment is found, followed to completed, never re-sent or followed', async (_, answer) => {
    const s = await start({ history: partial(), answers: [{ acted: true, ...answer }] });
    const r = await run(s, { timeout: '60' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.status).toBe('completed');
    expect(s.postsTo()).toHaveLength(1);
    expect(s.log.some((l) => l.path === '/trap')).toBe(false);
  });

  it.concurrent.each([
    ['303', { status: 303, headers: { location: '/trap' }, body: '' }],
    ['a reset', { reset: true }]
  ])(
    '%s before Qovery acted: watched at least 15 s, then not acted on, nothing deployed, sent once',
    async (_, answer) => {
      const s = await outside({ services: [api, web], history: partial(), answers: [{ acted: false, ...answer }] });
      try {
        const r = await run(s, { timeout: '60' });
        expect(r.exitCode).toBe(1);
        expect(annotations(r)[0]!.title).toBe('Deploy request not acted on');
        expect(annotations(r)[0]!.message).toContain('Nothing was redeployed');
        const sentAt = s.postsTo()[0]!.at;
        expect(s.postsTo()).toHaveLength(1);
        expect(s.log.at(-1)!.at - sentAt).toBeGreaterThanOrEqual(15_000);
      } finally {
        await s.close();
      }
    },
    60_000
  );

  it('another person’s RESTART and an execution listed before the send are never adopted after a lost answer', async () => {
    const s = await outside({
      services: [api, web],
      history: partial(),
      answers: [{ status: 502, acted: false, body: 'bad gateway' }],
      meanwhile: (server) =>
        server.later(1000, () => {
          const id = server.nextExecId();
          server.history.unshift(server.execution({ id, action: 'RESTART', versions: { [api.id]: sha('2') }, by: 'bob', status: 'RESTARTED' }));
          Object.assign(server.status, { last_deployment_id: id, last_deployment_state: 'RESTARTED', deployment_request_id: randomUUID() });
        })
    });
    try {
      const r = await run(s, { timeout: '60' });
      expect(r.exitCode).toBe(1);
      expect(annotations(r)[0]!.title).toBe('Deploy request not acted on');
      expect(s.postsTo()).toHaveLength(1);
    } finally {
      await s.close();
    }
  }, 60_000);
});

describe('issue 13 §4: bounded history', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `${RUN}-${i}`, versions: { [api.id]: sha(String(i % 2)) } }));

  it('a server that ignores pageSize: at most 1,000 executions kept, one request, and the log says what was read', async () => {
    const s = await start({ history: [{ id: `${RUN}-99999`, versions: { [web.id]: 'w0' } }, ...many(3000)], paging: { ignorePageSize: 5000 } });
    const r = await run(s, { revision: `${RUN}-99999`, dry_run: 'true' });
    expect(s.log.filter((l) => l.path.endsWith('/deploymentHistoryV2')).length).toBeLessThanOrEqual(2);
    expect(r.exitCode).toBe(1);
    expect(r.stdout + annotations(r)[0]!.message).toMatch(/1000 executions/);
  });

  it('a server that repeats the same page: noticed, a handful of requests', async () => {
    const s = await start({ history: [{ id: `${RUN}-99999`, versions: { [web.id]: 'w0' } }, ...many(3000)], paging: { repeat: true } });
    const r = await run(s, { revision: `${RUN}-99999`, dry_run: 'true' });
    expect(r.exitCode).toBe(1);
    expect(s.log.filter((l) => l.path.endsWith('/deploymentHistoryV2')).length).toBeLessThanOrEqual(3);
    expect(annotations(r)[0]!.message).toMatch(/ignored startId|again/);
  });
});

describe('issue 13 §6: inputs of other providers are refused before any request', () => {
  it.each([
    ['resources', 'camunda'],
    ['tenant_id', 't1'],
    ['vm_uuids', randomUUID()],
    ['transaction_hash', '0x' + 'a'.repeat(64)],
    ['username', 'demo']
  ])('%s on Qovery', async (input, value) => {
    const s = await start({ history: partial() });
    const r = await run(s, { [input]: value });
    expect(r.exitCode).toBe(1);
    expect(s.log).toHaveLength(0);
    expect(annotations(r)[0]!.message).toMatch(new RegExp(input));
    expect(annotations(r)[0]!.message).toMatch(/camunda|phala/i);
  });
});
