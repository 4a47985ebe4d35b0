import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startSandbox, expectedHistory, normaliseHash, type Sandbox } from '../../sandbox/phala/index.js';
import { call, pathId, expectValid, obj, T, type RevisionsPage } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

describe('revisions: auth, access and not-found', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it('answers 401 without a key or with a wrong one, and never records the key', async () => {
    const none = await call(sb, 'GET', `/apps/${APP}/revisions`, { key: null });
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ detail: 'Not authenticated' });
    const wrong = await call(sb, 'GET', `/apps/${APP}/revisions`, { key: 'phak_wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('x-request-id')).toMatch(/^req_/);
    const recorded = sb.requests.slice(-2);
    expect(recorded.map((r) => [r.status, r.hadApiKey])).toEqual([
      [401, false],
      [401, true]
    ]);
    expect(JSON.stringify(sb.requests)).not.toContain('phak_wrong');
  });

  it('records version header, user agent and query', async () => {
    await call(sb, 'GET', `/apps/${APP}/revisions?page=2&page_size=3`, { headers: { 'X-Phala-Version': '2026-01-21', 'User-Agent': 'rollback-test/1' } });
    const r = sb.requests[sb.requests.length - 1];
    expect(r).toMatchObject({
      method: 'GET',
      path: `/api/v1/apps/${APP}/revisions`,
      query: { page: '2', page_size: '3' },
      status: 200,
      hadApiKey: true,
      phalaVersion: '2026-01-21',
      userAgent: 'rollback-test/1'
    });
    expect(JSON.stringify(sb.requests)).not.toContain(sb.scenario.apiKey);
  });

  it('404s for an unknown app and an unknown route', async () => {
    const app = await call(sb, 'GET', `/apps/${'0'.repeat(40)}/revisions`);
    expect(app.status).toBe(404);
    expect(app.json).toEqual({ detail: 'App not found' });
    const route = await call(sb, 'GET', '/apps/x/nothing-here');
    expect(route.status).toBe(404);
    const outside = await fetch(`${sb.origin}/health`);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('403s every app/CVM endpoint without workspace access', async () => {
    const denied = await startSandbox({ workspaceAccess: false });
    try {
      const cvmId = pathId(denied.cvms()[0]?.vm_uuid);
      const rev = denied.revisions()[0]?.revision_id ?? '';
      for (const [method, path] of [
        ['GET', `/apps/${APP}/revisions`],
        ['GET', `/apps/${APP}/cvms`],
        ['GET', `/cvms/${cvmId}`],
        ['GET', `/cvms/${cvmId}/operations`],
        ['POST', `/apps/${APP}/revisions/${rev}/redeploy`]
      ] as const) {
        const r = await call(denied, method, path);
        expect([path, r.status, r.json]).toEqual([path, 403, { detail: 'No workspace access' }]);
      }
      expect(denied.redeploys).toHaveLength(0);
    } finally {
      await denied.close();
    }
  });
});

describe('revisions: shape, pagination and normalisation', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it('serves a valid newest-first page with the default page size', async () => {
    const r = await call(sb, 'GET', `/apps/${APP}/revisions`);
    expect(r.status).toBe(200);
    expectValid(T.revisions, 'GET', r);
    const body = r.json as RevisionsPage;
    expect(body.page).toBe(1);
    expect(body.page_size).toBe(50);
    // 12 deploys + restarts after deploys 1, 5, 9 and the newest (11).
    expect(body.total).toBe(16);
    expect(body.total_pages).toBe(1);
    const times = body.revisions.map((x) => Date.parse(x.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const row of body.revisions) {
      expect(row.revision_id).toMatch(/^rev_[0-9A-Za-z]{10}$/);
      expect(row.compose_hash).toMatch(/^(0x)?([0-9a-f]{64}|[0-9A-F]{64})$/);
      expect(['deploy', 'update', 'restart']).toContain(row.operation_type);
    }
    expect(body.revisions[body.revisions.length - 1]?.operation_type).toBe('deploy');
    expect(sb.revisions().map((x) => x.revision_id)).toEqual(body.revisions.map((x) => x.revision_id));
  });

  it('makes "previous" skip restarts: the two newest rows share the running hash', async () => {
    const body = (await call(sb, 'GET', `/apps/${APP}/revisions?page_size=3`)).json as RevisionsPage;
    const [a, b, c] = body.revisions;
    expect(a?.operation_type).toBe('restart');
    expect(normaliseHash(a?.compose_hash ?? '')).toBe(normaliseHash(b?.compose_hash ?? ''));
    expect(normaliseHash(b?.compose_hash ?? '')).toBe(sb.cvms()[0]?.compose_hash);
    expect(normaliseHash(c?.compose_hash ?? '')).not.toBe(sb.cvms()[0]?.compose_hash);
  });

  it('mixes bare, 0x-prefixed and upper-case hashes while CVMs carry bare lower case', async () => {
    const body = (await call(sb, 'GET', `/apps/${APP}/revisions`)).json as RevisionsPage;
    const hashes = body.revisions.map((x) => x.compose_hash);
    expect(hashes.some((h) => h.startsWith('0x'))).toBe(true);
    expect(hashes.some((h) => /[A-F]/.test(h))).toBe(true);
    expect(hashes.some((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(hashes.filter((h) => h.startsWith('0x')).length).toBeGreaterThanOrEqual(Math.floor(hashes.length / 3));
    expect(sb.cvms()[0]?.compose_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(hashes.map(normaliseHash)).size).toBe(12);
  });

  it('pages with page/page_size and reports the last page', async () => {
    const p1 = (await call(sb, 'GET', `/apps/${APP}/revisions?page=1&page_size=5`)).json as RevisionsPage;
    const p4 = await call(sb, 'GET', `/apps/${APP}/revisions?page=4&page_size=5`);
    expectValid(T.revisions, 'GET', p4);
    const last = p4.json as RevisionsPage;
    expect(p1.total_pages).toBe(4);
    expect(last).toMatchObject({ page: 4, page_size: 5, total: 16, total_pages: 4 });
    expect(last.revisions).toHaveLength(1);
    const past = (await call(sb, 'GET', `/apps/${APP}/revisions?page=9&page_size=5`)).json as RevisionsPage;
    expect(past.revisions).toEqual([]);
    const all = (await call(sb, 'GET', `/apps/${APP}/revisions?page_size=1000`)).json as RevisionsPage;
    const paged: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const b = (await call(sb, 'GET', `/apps/${APP}/revisions?page=${page}&page_size=5`)).json as RevisionsPage;
      paged.push(...b.revisions.map((x) => x.revision_id));
    }
    expect(paged).toEqual(all.revisions.map((x) => x.revision_id));
  });

  it.each([
    ['page_size=1001', 'page_size', 'less_than_equal', 'Input should be less than or equal to 1000'],
    ['page_size=0', 'page_size', 'greater_than_equal', 'Input should be greater than or equal to 1'],
    ['page_size=abc', 'page_size', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
    ['page=0', 'page', 'greater_than_equal', 'Input should be greater than or equal to 1'],
    ['page=1.5', 'page', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer']
  ])('422s on %s', async (qs, field, type, msg) => {
    const r = await call(sb, 'GET', `/apps/${APP}/revisions?${qs}`);
    expect(r.status).toBe(422);
    expectValid(T.revisions, 'GET', r);
    const d = obj(r.json)['detail'] as Array<Record<string, unknown>>;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ loc: ['query', field], msg, type });
  });
});

describe('revisions: per-CVM rows, explicit hashes, determinism, size', () => {
  it('writes one row per CVM for every deploy and restart', async () => {
    const sb = await startSandbox({ cvms: [{}, { name: 'api' }, { vm_uuid: '11111111-2222-4333-8444-555555555555' }], historySize: 4 });
    try {
      const body = (await call(sb, 'GET', `/apps/${APP}/revisions?page_size=1000`)).json as RevisionsPage;
      // 4 deploys + restarts after deploy 1 and deploy 3 (newest) = 6 events × 3 CVMs
      expect(body.total).toBe(18);
      const uuids = sb.cvms().map((c) => c.vm_uuid);
      expect(uuids[2]).toBe('11111111-2222-4333-8444-555555555555');
      expect(sb.cvms().map((c) => c.name)).toEqual(['web-1', 'api', 'web-3']);
      const newestThree = body.revisions.slice(0, 3);
      expect(new Set(newestThree.map((r) => r.vm_uuid))).toEqual(new Set(uuids));
      expect(new Set(newestThree.map((r) => normaliseHash(r.compose_hash))).size).toBe(1);
      for (const row of body.revisions) expect(row.cvm?.vm_uuid).toBe(row.vm_uuid);
      for (const c of sb.cvms()) expect(c.compose_hash).toBe(normaliseHash(newestThree[0]?.compose_hash ?? ''));
    } finally {
      await sb.close();
    }
  });

  it('follows an explicit hash list (oldest first) and per-CVM hash overrides', async () => {
    const h = (c: string): string => c.repeat(64);
    const sb = await startSandbox({ hashes: [h('a'), `0x${h('B')}`, h('c'), h('b')], restartsBetweenDeploys: false, cvms: [{}, { compose_hash: `0x${h('A')}` }] });
    try {
      const body = (await call(sb, 'GET', `/apps/${APP}/revisions?page_size=1000`)).json as RevisionsPage;
      expect(body.total).toBe(8);
      const perDeploy = body.revisions.filter((_, i) => i % 2 === 0).map((r) => normaliseHash(r.compose_hash));
      expect(perDeploy).toEqual([h('b'), h('c'), h('b'), h('a')]);
      expect(body.revisions.some((r) => r.operation_type === 'restart')).toBe(false);
      expect(sb.cvms().map((c) => c.compose_hash)).toEqual([h('b'), h('a')]);
    } finally {
      await sb.close();
    }
  });

  it('is deterministic: same scenario, same revisions; expectedHistory predicts them', async () => {
    const a = await startSandbox({ cvms: [{}, {}] });
    const b = await startSandbox({ cvms: [{}, {}] });
    const c = await startSandbox({ cvms: [{}, {}], appId: 'ffffffffffffffffffffffffffffffffffffffff' });
    try {
      const ra = (await call(a, 'GET', `/apps/${APP}/revisions?page_size=1000`)).json as RevisionsPage;
      const rb = (await call(b, 'GET', `/apps/${APP}/revisions?page_size=1000`)).json as RevisionsPage;
      expect(ra).toEqual(rb);
      expect(a.cvms()).toEqual(b.cvms());
      const predicted = expectedHistory({ cvms: [{}, {}] });
      expect(predicted.rows).toEqual(ra.revisions);
      expect(predicted.cvms.map((x) => x.vm_uuid)).toEqual(a.cvms().map((x) => x.vm_uuid));
      expect(predicted.deploys).toHaveLength(12);
      expect(c.revisions()[0]?.revision_id).not.toBe(a.revisions()[0]?.revision_id);
      expect(c.cvms()[0]?.compose_hash).not.toBe(a.cvms()[0]?.compose_hash);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('generates and pages a 2500-deploy history cheaply with page_size 1000', async () => {
    // CPU time, not wall time: the suite runs several files per core, and cheap is about work done.
    const t0 = process.cpuUsage();
    const sb = await startSandbox({ historySize: 2500 });
    try {
      const used = process.cpuUsage(t0);
      expect((used.user + used.system) / 1000).toBeLessThan(2000);
      // restarts follow deploys i ≡ 1 (mod 4) (625 of them) and the newest (2499 ≡ 3).
      const total = 2500 + 625 + 1;
      const ids: string[] = [];
      let page = 1;
      let totalPages = 0;
      do {
        const r = await call(sb, 'GET', `/apps/${APP}/revisions?page=${page}&page_size=1000`);
        expect(r.status).toBe(200);
        if (page === 1) expectValid(T.revisions, 'GET', r);
        const body = r.json as RevisionsPage;
        expect(body.total).toBe(total);
        totalPages = body.total_pages;
        ids.push(...body.revisions.map((x) => x.revision_id));
        page++;
      } while (page <= totalPages);
      expect(totalPages).toBe(4);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      const oldest = (await call(sb, 'GET', `/apps/${APP}/revisions?page=4&page_size=1000`)).json as RevisionsPage;
      expect(oldest.revisions).toHaveLength(126);
      expect(oldest.revisions[125]?.operation_type).toBe('deploy');
    } finally {
      await sb.close();
    }
  });
});
