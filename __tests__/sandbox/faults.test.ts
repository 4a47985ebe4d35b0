import { describe, it, expect } from '@jest/globals';
import { normaliseHash, startSandbox, type Sandbox } from '../../sandbox/phala/index.js';
import { call, pathId, sandbox, expectValid, obj, T } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
function target(sb: Sandbox): { revisionId: string; hash: string } {
  const cvm = sb.cvms()[0];
  const row = sb.revisions().find((r) => normaliseHash(r.compose_hash) !== cvm?.compose_hash);
  if (!row) throw new Error('no target');
  return { revisionId: row.revision_id, hash: normaliseHash(row.compose_hash) };
}

const revisionsPath = `/apps/${APP}/revisions`;

describe('faults', () => {
  it('status: answers the code with a reason-phrase detail and Retry-After, then behaves', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'listRevisions', kind: 'status', status: 429, retryAfter: '2' }] });
    const first = await call(sb, 'GET', revisionsPath);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(first.headers.get('x-request-id')).toMatch(/^req_/);
    expect(first.json).toEqual({ detail: 'Too Many Requests' });
    const second = await call(sb, 'GET', revisionsPath);
    expect(second.status).toBe(200);
    expectValid(T.revisions, 'GET', second);
    expect(sb.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('status: custom body text, HTTP-date Retry-After, and a count of uses', async () => {
    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    const sb = await sandbox({
      faults: [
        { endpoint: 'getCvm', kind: 'status', status: 503, retryAfter: date, times: 2 },
        { endpoint: 'getCvm', kind: 'status', status: 502, body: 'upstream connect error' }
      ]
    });
    const path = `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(sb, 'GET', path)).status);
    expect(statuses).toEqual([503, 503, 502, 200]);
    expect(sb.requests[0]?.status).toBe(503);
    const sb2 = await sandbox({ faults: [{ endpoint: 'getCvm', kind: 'status', status: 502, body: 'upstream connect error' }] });
    const r = await call(sb2, 'GET', `/cvms/${pathId(sb2.cvms()[0]?.vm_uuid)}`);
    expect([r.status, r.text, r.headers.get('content-type')]).toEqual([502, 'upstream connect error', 'text/plain']);
    const sb3 = await sandbox({ faults: [{ endpoint: 'getCvm', kind: 'status', status: 503, retryAfter: date }] });
    expect((await call(sb3, 'GET', `/cvms/${pathId(sb3.cvms()[0]?.vm_uuid)}`)).headers.get('retry-after')).toBe(date);
  });

  it('times: Infinity keeps failing; faults only hit their endpoint', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'listOperations', kind: 'status', status: 504, times: Infinity }] });
    const uuid = pathId(sb.cvms()[0]?.vm_uuid);
    for (let i = 0; i < 3; i++) expect((await call(sb, 'GET', `/cvms/${uuid}/operations`)).status).toBe(504);
    expect((await call(sb, 'GET', `/cvms/${uuid}`)).status).toBe(200);
    expect((await call(sb, 'GET', `/apps/${APP}/cvms`)).status).toBe(200);
  });

  it('drop: destroys the socket without an answer and records status 0', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'listAppCvms', kind: 'drop' }] });
    await expect(call(sb, 'GET', `/apps/${APP}/cvms`)).rejects.toThrow();
    expect(sb.requests[0]).toMatchObject({ path: `/api/v1/apps/${APP}/cvms`, status: 0 });
    expect((await call(sb, 'GET', `/apps/${APP}/cvms`)).status).toBe(200);
  });

  it('malformed: an HTML gateway page with 200, or JSON of the wrong shape', async () => {
    const sb = await sandbox({
      faults: [
        { endpoint: 'listRevisions', kind: 'malformed' },
        { endpoint: 'listRevisions', kind: 'malformed', malformed: 'wrong-shape' }
      ]
    });
    const html = await call(sb, 'GET', revisionsPath);
    expect([html.status, html.text, html.headers.get('content-type')]).toEqual([200, '<html>502 Bad Gateway</html>', 'text/html']);
    const shape = await call(sb, 'GET', revisionsPath);
    expect([shape.status, shape.json]).toEqual([200, { unexpected: true }]);
    expect(shape.headers.get('content-type')).toContain('application/json');
    expect((await call(sb, 'GET', revisionsPath)).status).toBe(200);
  });

  it('latency: answers normally after the delay', async () => {
    // Margins wide enough for a loaded machine: the suite runs several files per core.
    const sb = await sandbox({ faults: [{ endpoint: 'listRevisions', kind: 'latency', delayMs: 600 }] });
    const t0 = Date.now();
    const slow = await call(sb, 'GET', revisionsPath);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(595);
    expect(slow.status).toBe(200);
    expectValid(T.revisions, 'GET', slow);
    const t1 = Date.now();
    await call(sb, 'GET', revisionsPath);
    expect(Date.now() - t1).toBeLessThan(500);
  });

  it('redirect: 307 with Location and no processing', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'redeploy', kind: 'redirect', location: 'https://evil.example/api/v1/x' }] });
    const t = target(sb);
    const r = await call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`);
    expect(r.status).toBe(307);
    expect(r.headers.get('location')).toBe('https://evil.example/api/v1/x');
    expect(sb.redeploys).toHaveLength(0);
    expect(sb.cvms()[0]?.compose_hash).not.toBe(t.hash);
  });

  it('redeploy fault before processing leaves state alone', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'redeploy', kind: 'status', status: 500 }] });
    const t = target(sb);
    const r = await call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`);
    expect([r.status, r.json]).toEqual([500, { detail: 'Internal Server Error' }]);
    expect(sb.redeploys).toHaveLength(0);
    expect(sb.cvms()[0]?.compose_hash).not.toBe(t.hash);
  });

  it('afterProcessing: the redeploy happens but the answer is lost (502 or dropped)', async () => {
    const sb = await sandbox({
      update: { startLagMs: 5000 },
      faults: [
        { endpoint: 'redeploy', kind: 'status', status: 502, afterProcessing: true },
        { endpoint: 'redeploy', kind: 'drop', afterProcessing: true }
      ]
    });
    const t = target(sb);
    const r = await call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`);
    expect(r.status).toBe(502);
    expect(sb.redeploys).toHaveLength(1);
    expect(sb.cvms()[0]?.compose_hash).toBe(t.hash);
    expect(sb.revisions()[0]?.operation_type).toBe('update');
    await expect(call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`)).rejects.toThrow();
    expect(sb.redeploys).toHaveLength(2);
    expect(sb.requests.map((x) => x.status)).toEqual([502, 0]);
    const third = await call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`);
    expect(third.status).toBe(202);
  });

  it('afterProcessing latency: processed at once, answered late', async () => {
    const sb = await sandbox({ update: { startLagMs: 5000 }, faults: [{ endpoint: 'redeploy', kind: 'latency', delayMs: 200, afterProcessing: true }] });
    const t = target(sb);
    const pending = call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`);
    await new Promise((r) => setTimeout(r, 80));
    expect(sb.redeploys).toHaveLength(1);
    const r = await pending;
    expect(r.status).toBe(202);
    expect(obj(r.json)['status']).toBe('accepted');
  });

  it('addFault injects at run time; faults apply even before auth', async () => {
    const sb = await sandbox();
    expect((await call(sb, 'GET', revisionsPath)).status).toBe(200);
    sb.addFault({ endpoint: 'listRevisions', kind: 'status', status: 503, retryAfter: '0' });
    const r = await call(sb, 'GET', revisionsPath, { key: null });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('0');
    expect((await call(sb, 'GET', revisionsPath, { key: null })).status).toBe(401);
  });

  it('close() does not wait for a request stuck in latency', async () => {
    const sb = await startSandbox({ faults: [{ endpoint: 'listRevisions', kind: 'latency', delayMs: 60_000 }] });
    const stuck = call(sb, 'GET', revisionsPath).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await sb.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    // fetch's TypeError comes from another realm than jest's, so check the shape, not the class.
    expect(await stuck).toMatchObject({ message: expect.stringMatching(/fetch failed/) });
  });
});
