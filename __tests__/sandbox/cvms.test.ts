import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/phala/index.js';
import { validateComponent } from './openapi-validator.js';
import { call, pathId, expectValid, obj, T, type CvmBody, type OperationsBody } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

describe('CVMs and operations', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ cvms: [{}, { name: 'worker', status: 'stopped' }] });
  });
  afterAll(() => sb.close());

  it('lists the app CVMs as v2026-01-21 CVMInfo', async () => {
    const r = await call(sb, 'GET', `/apps/${APP}/cvms`);
    expect(r.status).toBe(200);
    expectValid(T.cvms, 'GET', r);
    const list = r.json as CvmBody[];
    expect(list).toHaveLength(2);
    for (const c of list) {
      expect(validateComponent('teehouse__api__routes__cvms__v20260121__schemas__CVMInfo', c)).toEqual([]);
      expect(c.id).toMatch(/^cvm_/);
      expect(c.compose_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(c.in_progress).toBe(false);
      expect(c.progress).toBeNull();
      expect(obj(c)['app_id']).toBe(APP);
    }
    expect(list.map((c) => [c.name, c.status])).toEqual([
      ['web-1', 'running'],
      ['worker', 'stopped']
    ]);
    expect(list.map((c) => c.vm_uuid)).toEqual(sb.cvms().map((c) => c.vm_uuid));
  });

  it('gets one CVM by id or by vm_uuid as CVMInfoDetail, 404 otherwise', async () => {
    const [first] = (await call(sb, 'GET', `/apps/${APP}/cvms`)).json as CvmBody[];
    const byId = await call(sb, 'GET', `/cvms/${first?.id ?? ''}`);
    const byUuid = await call(sb, 'GET', `/cvms/${pathId(first?.vm_uuid)}`);
    expect(byId.status).toBe(200);
    expectValid(T.cvm, 'GET', byId);
    expect(validateComponent('CVMInfoDetail', byId.json)).toEqual([]);
    expect(byUuid.json).toEqual(byId.json);
    const missing = await call(sb, 'GET', '/cvms/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ detail: 'CVM not found' });
    const missingOps = await call(sb, 'GET', '/cvms/cvm_nope/operations');
    expect(missingOps.json).toEqual({ detail: 'CVM not found' });
    const appMissing = await call(sb, 'GET', `/apps/${'b'.repeat(40)}/cvms`);
    expect([appMissing.status, appMissing.json]).toEqual([404, { detail: 'App not found' }]);
  });

  it('lists seeded operations newest first, all completed well in the past', async () => {
    const uuid = pathId(sb.cvms()[0]?.vm_uuid);
    const r = await call(sb, 'GET', `/cvms/${uuid}/operations`);
    expect(r.status).toBe(200);
    expectValid(T.operations, 'GET', r);
    const body = r.json as OperationsBody;
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.next_cursor).toBeNull();
    const started = body.items.map((o) => Date.parse(o.started_at));
    expect([...started].sort((a, b) => b - a)).toEqual(started);
    for (const op of body.items) {
      expect(op.status).toBe('completed');
      expect(Date.parse(op.completed_at ?? '')).toBeLessThan(Date.now() - 24 * 3600 * 1000);
      expect(op.compose_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(op.duration_ms).toBeGreaterThan(0);
    }
    expect(body.items.map((o) => o.operation_type)).toEqual(['restart', 'compose_update', 'compose_update']);
    expect(body.items[0]?.compose_hash).toBe(sb.cvms()[0]?.compose_hash);
  });

  it('pages operations with limit and an opaque cursor; 422 on a bad limit or cursor', async () => {
    const uuid = pathId(sb.cvms()[1]?.vm_uuid);
    const all = (await call(sb, 'GET', `/cvms/${uuid}/operations`)).json as OperationsBody;
    const p1 = (await call(sb, 'GET', `/cvms/${uuid}/operations?limit=2`)).json as OperationsBody;
    expect(p1.items).toHaveLength(2);
    expect(p1.next_cursor).not.toBeNull();
    const p2 = await call(sb, 'GET', `/cvms/${uuid}/operations?limit=2&cursor=${encodeURIComponent(p1.next_cursor ?? '')}`);
    expectValid(T.operations, 'GET', p2);
    const body2 = p2.json as OperationsBody;
    expect([...p1.items, ...body2.items].map((o) => o.correlation_id)).toEqual(all.items.map((o) => o.correlation_id));
    expect(body2.next_cursor).toBeNull();
    for (const qs of ['limit=0', 'limit=501', 'limit=x', 'cursor=garbage']) {
      const bad = await call(sb, 'GET', `/cvms/${uuid}/operations?${qs}`);
      expect([qs, bad.status]).toEqual([qs, 422]);
      expectValid(T.operations, 'GET', bad);
    }
    const ok = await call(sb, 'GET', `/cvms/${uuid}/operations?limit=500`);
    expect(ok.status).toBe(200);
  });

  it('405s a wrong method on a known path', async () => {
    const r = await call(sb, 'DELETE', `/apps/${APP}/cvms`);
    expect(r.status).toBe(405);
  });
});
