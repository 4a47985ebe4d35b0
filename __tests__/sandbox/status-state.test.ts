import { describe, it, expect } from '@jest/globals';
import { normaliseHash, type Sandbox } from '../../sandbox/phala/index.js';
import { validateComponent } from './openapi-validator.js';
import { call, pathId, sandbox, expectValid, obj, T, waitFor } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function previous(sb: Sandbox): { revisionId: string; hash: string } {
  const cvm = sb.cvms()[0];
  const row = sb.revisions().find((r) => normaliseHash(r.compose_hash) !== cvm?.compose_hash);
  if (!row) throw new Error('no previous revision');
  return { revisionId: row.revision_id, hash: normaliseHash(row.compose_hash) };
}

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
  at: number;
}

/** Reads a whole event stream (until the server closes it), timestamping each event. */
async function readStream(sb: Sandbox, path: string): Promise<{ status: number; contentType: string | null; events: SseEvent[] }> {
  const r = await fetch(`${sb.url}${path}`, { headers: { 'X-API-Key': sb.scenario.apiKey, Accept: 'text/event-stream' } });
  const events: SseEvent[] = [];
  if (!r.body) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as Record<string, unknown>;
      events.push({ event, data, at: Date.now() });
    }
  }
  return { status: r.status, contentType: r.headers.get('content-type'), events };
}

describe('POST /status/batch', () => {
  it('maps each known vm_uuid to a documented CvmStatus, live during an update', async () => {
    const sb = await sandbox({ cvms: [{}, { status: 'stopped' }], update: { startLagMs: 10, durationMs: 5000, outcome: 'endless' } });
    const [a, b] = sb.cvms().map((c) => c.vm_uuid);
    const idle = await call(sb, 'POST', '/status/batch', { body: JSON.stringify({ vm_uuids: [a, pathId(b).toUpperCase(), '99999999-9999-4999-8999-999999999999'] }) });
    expect(idle.status).toBe(200);
    expectValid(T.statusBatch, 'POST', idle);
    const body = obj(idle.json);
    expect(Object.keys(body)).toEqual([a, b]);
    expect(body[a ?? '']).toMatchObject({ vm_uuid: a, status: 'running', in_progress: false, operation_type: null, correlation_id: null });
    expect(body[b ?? '']).toMatchObject({ status: 'stopped' });
    const r = await call(sb, 'POST', `/apps/${APP}/revisions/${previous(sb).revisionId}/redeploy`, { body: JSON.stringify({ vm_uuids: [a] }) });
    const correlationId = obj(r.json)['correlation_id'];
    const busy = await waitFor(async () => {
      const x = obj((await call(sb, 'POST', '/status/batch', { body: JSON.stringify({ vm_uuids: [a] }) })).json);
      const s = x[a ?? ''] as Record<string, unknown>;
      return s['in_progress'] === true ? s : undefined;
    });
    expect(validateComponent('CvmStatus', busy)).toEqual([]);
    expect(busy).toMatchObject({ status: 'updating', operation_type: 'compose_update', correlation_id: correlationId });
    expect(Date.parse(String(busy['operation_started_at']))).not.toBeNaN();
    expect(sb.requests.filter((x) => x.endpoint === 'statusBatch')).not.toHaveLength(0);
  });

  it('422s a missing or mistyped body, 401s without a key', async () => {
    const sb = await sandbox();
    for (const body of [undefined, '{}', '{"vm_uuids":"x"}', '{"vm_uuids":[1]}', '[', '[]']) {
      const r = await call(sb, 'POST', '/status/batch', body === undefined ? {} : { body });
      expect([body, r.status]).toEqual([body, 422]);
      expectValid(T.statusBatch, 'POST', r);
    }
    expect((await call(sb, 'POST', '/status/batch', { body: '{"vm_uuids":[]}', key: null })).status).toBe(401);
    expect(obj((await call(sb, 'POST', '/status/batch', { body: '{"vm_uuids":[]}' })).json)).toEqual({});
  });
});

describe('GET /cvms/{cvm_id}/state', () => {
  it('without target: the current state as JSON', async () => {
    const sb = await sandbox();
    const r = await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}/state`);
    expect(r.status).toBe(200);
    expectValid(T.cvmState, 'GET', r);
    expect(r.json).toMatchObject({ vm_uuid: sb.cvms()[0]?.vm_uuid, status: 'running', in_progress: false, compose_hash: sb.cvms()[0]?.compose_hash });
    expect(sb.requests[0]).toMatchObject({ endpoint: 'cvmState', status: 200 });
    expect((await call(sb, 'GET', `/cvms/${sb.cvms()[0]?.vm_uuid ?? ''}/state`)).status).toBe(404);
  });

  it('with target: streams every state change, then completes when the target is reached', async () => {
    const sb = await sandbox({ update: { startLagMs: 80, durationMs: 120 } });
    const target = previous(sb);
    const busy = await sandbox({ busy: { forMs: 150 } });
    // A busy CVM: the stream starts 'restarting' and completes once it reads running again.
    const stream = readStream(busy, `/cvms/${pathId(busy.cvms()[0]?.vm_uuid)}/state?target=running`);
    const done = await stream;
    expect(done.status).toBe(200);
    expect(done.contentType).toContain('text/event-stream');
    expect(done.events.map((e) => [e.event, e.data['status']])).toEqual([
      ['state', 'restarting'],
      ['state', 'running'],
      ['complete', 'running']
    ]);

    // Right after a redeploy the CVM still reads 'running': the stream completes at once (the trap).
    const t0 = Date.now();
    await call(sb, 'POST', `/apps/${APP}/revisions/${target.revisionId}/redeploy`);
    const quick = await readStream(sb, `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}/state?target=running`);
    expect(quick.events.map((e) => e.event)).toEqual(['state', 'complete']);
    expect(quick.events[0]?.data).toMatchObject({ compose_hash: target.hash, in_progress: false });
    // Once the task runs, a stream follows it to the end.
    await waitFor(() => (sb.cvms()[0]?.in_progress ? true : undefined));
    const follow = await readStream(sb, `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}/state?target=running`);
    expect(follow.events.map((e) => [e.event, e.data['status'], e.data['in_progress']])).toEqual([
      ['state', 'updating', true],
      ['state', 'running', false],
      ['complete', 'running', false]
    ]);
    const settledAt = sb.updates()[0]?.settledAt ?? 0;
    expect(Math.abs((follow.events[1]?.at ?? 0) - settledAt)).toBeLessThan(100);
    expect(settledAt - t0).toBeGreaterThanOrEqual(195);
  });

  it('completes when an update settles in another status, and times out after stateStreamMaxMs', async () => {
    const sb = await sandbox({ update: { startLagMs: 10, durationMs: 80, outcome: 'failed' }, stateStreamMaxMs: 150 });
    await call(sb, 'POST', `/apps/${APP}/revisions/${previous(sb).revisionId}/redeploy`);
    await waitFor(() => (sb.cvms()[0]?.in_progress ? true : undefined));
    const failed = await readStream(sb, `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}/state?target=running`);
    expect(failed.events.map((e) => [e.event, e.data['status']])).toEqual([
      ['state', 'updating'],
      ['state', 'error'],
      ['complete', 'error']
    ]);
    const t0 = Date.now();
    const waiting = await readStream(sb, `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}/state?target=stopped&timeout=10`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(waiting.events.map((e) => e.event)).toEqual(['state', 'timeout']);
  });

  it('422s interval and timeout outside the documented ranges', async () => {
    const sb = await sandbox();
    const id = pathId(sb.cvms()[0]?.vm_uuid);
    for (const qs of ['interval=4', 'interval=31', 'timeout=9', 'timeout=601', 'timeout=x']) {
      const r = await call(sb, 'GET', `/cvms/${id}/state?target=running&${qs}`);
      expect([qs, r.status]).toEqual([qs, 422]);
      expectValid(T.cvmState, 'GET', r);
    }
  });
});
