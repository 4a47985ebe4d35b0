import { describe, it, expect } from '@jest/globals';
import { connect } from 'node:net';
import { normaliseHash, type Sandbox } from '../../sandbox/phala/index.js';
import { call, pathId, sandbox, expectValid, obj, T, waitFor, type RevisionsPage } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const revisionsPath = `/apps/${APP}/revisions`;

function previous(sb: Sandbox): { revisionId: string; hash: string } {
  const cvm = sb.cvms()[0];
  const row = sb.revisions().find((r) => normaliseHash(r.compose_hash) !== cvm?.compose_hash);
  if (!row) throw new Error('no previous revision');
  return { revisionId: row.revision_id, hash: normaliseHash(row.compose_hash) };
}

/** Everything the server writes on a raw socket for one request, until it closes. */
function rawExchange(sb: Sandbox, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(sb.origin);
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET /api/v1${path} HTTP/1.1\r\nHost: sandbox\r\nX-API-Key: ${sb.scenario.apiKey}\r\n\r\n`);
    });
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('latencyMs', () => {
  it('delays every answer, errors and 404s included', async () => {
    // Margins wide enough for a loaded machine: the suite runs several files per core.
    const sb = await sandbox({ latencyMs: 600 });
    for (const [path, key] of [
      [revisionsPath, undefined],
      [revisionsPath, null],
      ['/nothing', undefined]
    ] as const) {
      const t0 = Date.now();
      await call(sb, 'GET', path, key === null ? { key: null } : {});
      expect(Date.now() - t0).toBeGreaterThanOrEqual(595);
    }
    const fast = await sandbox();
    const t1 = Date.now();
    await call(fast, 'GET', revisionsPath);
    expect(Date.now() - t1).toBeLessThan(500);
  });
});

describe('hostile-server faults', () => {
  it('huge-body: 200 with a JSON-looking body of exactly sizeBytes, default 20 MiB', async () => {
    const sb = await sandbox({
      faults: [
        { endpoint: 'listRevisions', kind: 'huge-body', sizeBytes: 3 * 1024 * 1024 + 7 },
        { endpoint: 'getCvm', kind: 'huge-body' }
      ]
    });
    const r = await call(sb, 'GET', revisionsPath);
    expect([r.status, r.headers.get('content-type'), r.headers.get('content-length')]).toEqual([200, 'application/json', null]);
    expect(Buffer.byteLength(r.text)).toBe(3 * 1024 * 1024 + 7);
    expect(r.text.startsWith('{"padding":"xxx')).toBe(true);
    const def = await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}`);
    expect(def.text.length).toBe(20 * 1024 * 1024);
    expect(sb.requests.map((x) => [x.endpoint, x.status])).toEqual([
      ['listRevisions', 200],
      ['getCvm', 200]
    ]);
  });

  it('slow-body: headers at once, then the real answer trickles, padded until totalBytes', async () => {
    // Chunks far enough apart that "headers at once" and "the body trickles" stay apart on a loaded machine.
    const sb = await sandbox({ faults: [{ endpoint: 'listRevisions', kind: 'slow-body', chunkBytes: 4096, intervalMs: 100, totalBytes: 40_000 }] });
    const normal = (await call(await sandbox(), 'GET', `${revisionsPath}?page_size=5`)).text;
    const t0 = Date.now();
    const r = await fetch(`${sb.url}${revisionsPath}?page_size=5`, { headers: { 'X-API-Key': sb.scenario.apiKey } });
    expect(Date.now() - t0).toBeLessThan(500);
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(9 * 100 - 10);
    expect(text.length).toBe(40_000);
    expect(text.trimEnd()).toBe(normal);
  });

  it('slow-body without totalBytes never finishes; close() still returns', async () => {
    const sb = await sandbox({ faults: [{ endpoint: 'getCvm', kind: 'slow-body', chunkBytes: 1, intervalMs: 10 }] });
    const r = await fetch(`${sb.url}/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}`, { headers: { 'X-API-Key': sb.scenario.apiKey } });
    const reader = (r.body as ReadableStream<Uint8Array>).getReader();
    let got = 0;
    while (got < 30) got += (await reader.read()).value?.length ?? 0;
    expect(got).toBeGreaterThanOrEqual(30);
    const t0 = Date.now();
    await sb.close();
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('raw: writes the bytes verbatim and closes', async () => {
    const sb = await sandbox({
      faults: [
        { endpoint: 'listRevisions', kind: 'raw', raw: 'HTTP/1.1 100 Continue\r\n\r\n' },
        { endpoint: 'listRevisions', kind: 'raw', raw: 'HTTP/1.1 2OO OK\r\nContent-Type: application/json\r\n\r\n{}' },
        { endpoint: 'listRevisions', kind: 'raw', raw: 'garbage' }
      ]
    });
    expect(await rawExchange(sb, revisionsPath)).toBe('HTTP/1.1 100 Continue\r\n\r\n');
    expect(await rawExchange(sb, revisionsPath)).toBe('HTTP/1.1 2OO OK\r\nContent-Type: application/json\r\n\r\n{}');
    await expect(call(sb, 'GET', revisionsPath)).rejects.toThrow();
    expect(sb.requests.map((x) => x.status)).toEqual([0, 0, 0]);
    expect((await call(sb, 'GET', revisionsPath)).status).toBe(200);
  });

  it('echo-key: the error detail quotes the key sent; the partial variant ends with its first half', async () => {
    const key = 'phak_sandbox_0123456789abcdef';
    const sb = await sandbox({
      faults: [
        { endpoint: 'listAppCvms', kind: 'echo-key', status: 403 },
        { endpoint: 'listAppCvms', kind: 'echo-key', status: 500, echoKeyPartial: true }
      ]
    });
    const full = await call(sb, 'GET', `/apps/${APP}/cvms`);
    expect(full.status).toBe(403);
    expect(String(obj(full.json)['detail'])).toContain(key);
    const partial = await call(sb, 'GET', `/apps/${APP}/cvms`);
    const detail = String(obj(partial.json)['detail']);
    expect(partial.status).toBe(500);
    expect(detail.length).toBeGreaterThan(1000);
    expect(detail.endsWith(key.slice(0, Math.ceil(key.length / 2)))).toBe(true);
    expect(detail).not.toContain(key);
    expect(sb.requests.every((x) => x.hadApiKey)).toBe(true);
    expect(JSON.stringify(sb.requests)).not.toContain(key);
  });

  it("status with Retry-After '0', a past HTTP date or '999999' works on redeploy, leaving state alone", async () => {
    for (const retryAfter of ['0', 'Mon, 01 Jan 2001 00:00:00 GMT', '999999']) {
      const sb = await sandbox({ faults: [{ endpoint: 'redeploy', kind: 'status', status: 429, retryAfter }] });
      const t = previous(sb);
      const r = await call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`);
      expect([r.status, r.headers.get('retry-after'), r.json]).toEqual([429, retryAfter, { detail: 'Too Many Requests' }]);
      expect(sb.redeploys).toHaveLength(0);
      expect((await call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`)).status).toBe(202);
    }
  });

  it('malformed afterProcessing on redeploy: the platform acted, then answered 202 with a non-JSON body', async () => {
    const sb = await sandbox({ update: { startLagMs: 5000 }, faults: [{ endpoint: 'redeploy', kind: 'malformed', status: 202, afterProcessing: true }] });
    const t = previous(sb);
    const r = await call(sb, 'POST', `/apps/${APP}/revisions/${t.revisionId}/redeploy`);
    expect([r.status, r.headers.get('content-type'), r.json]).toEqual([202, 'text/html', undefined]);
    expect(sb.redeploys).toHaveLength(1);
    expect(sb.cvms()[0]?.compose_hash).toBe(t.hash);
    expect(sb.updates()).toHaveLength(1);
  });

  it('hostile faults work on any endpoint, the app health check included', async () => {
    const sb = await sandbox({
      faults: [
        { endpoint: 'appHealth', kind: 'raw', raw: 'HTTP/1.1 200 OK\r\n' },
        { endpoint: 'statusBatch', kind: 'echo-key' }
      ]
    });
    await expect(fetch(`${sb.origin}/app/health`).then((r) => r.text())).rejects.toThrow();
    const r = await call(sb, 'POST', '/status/batch', { body: '{"vm_uuids":[]}' });
    expect([r.status, String(obj(r.json)['detail'])]).toEqual([401, `Invalid API key: ${sb.scenario.apiKey}`]);
  });
});

describe('hostile paging', () => {
  it('ignorePage: every page serves the first rows (echoing the page asked for)', async () => {
    const sb = await sandbox({ ignorePage: true });
    const p1 = await call(sb, 'GET', `${revisionsPath}?page=1&page_size=5`);
    const p3 = await call(sb, 'GET', `${revisionsPath}?page=3&page_size=5`);
    expectValid(T.revisions, 'GET', p3);
    const a = p1.json as RevisionsPage;
    const b = p3.json as RevisionsPage;
    expect(b.revisions.map((r) => r.revision_id)).toEqual(a.revisions.map((r) => r.revision_id));
    expect([b.page, b.total_pages]).toEqual([3, Math.ceil(a.total / 5)]);
  });

  it('totalPagesOverride serves a hostile total_pages', async () => {
    const sb = await sandbox({ totalPagesOverride: 1e12 });
    const r = await call(sb, 'GET', revisionsPath);
    expectValid(T.revisions, 'GET', r);
    expect(r.text).toContain('"total_pages":1000000000000');
    const beyond = (await call(sb, 'GET', `${revisionsPath}?page=999`)).json as RevisionsPage;
    expect([beyond.revisions, beyond.total_pages]).toEqual([[], 1e12]);
  });
});

describe('hostile platform text', () => {
  const evil = 'x\n::error::pwned\r\u2028| <script>alert(1)</script> [click](http://evil) https://evil.example';

  it('serves planted CVM names, usernames and error messages verbatim, only JSON-escaped', async () => {
    const sb = await sandbox({ cvms: [{ name: evil }], username: evil, update: { startLagMs: 10, durationMs: 20, outcome: 'failed', errorMessage: evil } });
    const revs = await call(sb, 'GET', `${revisionsPath}?page_size=100`);
    expectValid(T.revisions, 'GET', revs);
    const rows = (revs.json as { revisions: Array<{ triggered_by: { username: string } | null; cvm: { name: string } }> }).revisions;
    expect(rows.filter((r) => r.triggered_by).every((r) => r.triggered_by?.username === evil)).toBe(true);
    expect(rows[0]?.cvm.name).toBe(evil);
    // Only JSON escaping: the raw text carries the escapes, never an HTML-escaped form.
    expect(revs.text).toContain(JSON.stringify(evil).slice(1, -1));
    expect(revs.text).not.toContain('&lt;');
    const cvm = await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}`);
    expectValid(T.cvm, 'GET', cvm);
    expect(obj(cvm.json)['name']).toBe(evil);
    await call(sb, 'POST', `/apps/${APP}/revisions/${previous(sb).revisionId}/redeploy`);
    await waitFor(() => (sb.updates()[0]?.settledAt !== undefined ? true : undefined));
    const ops = await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}/operations`);
    expectValid(T.operations, 'GET', ops);
    const first = (ops.json as { items: Array<{ error_message: string; triggered_by_username: string; instance_name: string }> }).items[0];
    expect(first).toMatchObject({ error_message: evil, triggered_by_username: evil, instance_name: evil });
  });
});
