import { describe, it, expect } from '@jest/globals';
import { validateComponent, validateResponse } from './openapi-validator.js';
import { call, pathId, sandbox, expectValid, T, type CvmBody } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

describe('CVM ids in /cvms/{cvm_id} paths', () => {
  it('accepts the hashed id, the dashless vm_uuid in any case and app_<app_id>; 404s the dashed UUID', async () => {
    const sb = await sandbox({ cvms: [{}, {}] });
    const [first, second] = (await call(sb, 'GET', `/apps/${APP}/cvms`)).json as CvmBody[];
    const uuid = second?.vm_uuid ?? '';
    const reference = (await call(sb, 'GET', `/cvms/${second?.id ?? ''}`)).json;
    expect(reference).toMatchObject({ vm_uuid: uuid });
    for (const id of [pathId(uuid), pathId(uuid).toUpperCase()]) {
      const r = await call(sb, 'GET', `/cvms/${id}`);
      expect([id, r.status]).toEqual([id, 200]);
      expect(r.json).toEqual(reference);
      expect((await call(sb, 'GET', `/cvms/${id}/operations`)).status).toBe(200);
    }
    // app_<app_id> names the app's first CVM.
    const byApp = await call(sb, 'GET', `/cvms/app_${APP}`);
    expect([byApp.status, (byApp.json as CvmBody).vm_uuid]).toEqual([200, first?.vm_uuid]);
    for (const bad of [uuid, uuid.toUpperCase(), `app_${'f'.repeat(40)}`, APP, 'cvm_nope', `${pathId(uuid)}0`, '12345']) {
      const r = await call(sb, 'GET', `/cvms/${encodeURIComponent(bad)}`);
      expect([bad, r.status, r.json]).toEqual([bad, 404, { detail: 'CVM not found' }]);
      expectValid(T.cvm, 'GET', r);
    }
  });

  it("cvmIdStyle 'int' serves an integer id (off-spec) that paths do not take", async () => {
    const sb = await sandbox({ cvmIdStyle: 'int', cvms: [{}, {}] });
    const r = await call(sb, 'GET', `/apps/${APP}/cvms`);
    const list = r.json as Array<Record<string, unknown>>;
    expect(list.map((c) => typeof c['id'])).toEqual(['number', 'number']);
    expect(new Set(list.map((c) => c['id'])).size).toBe(2);
    expect(sb.cvms().map((c) => c.id)).toEqual(list.map((c) => c['id']));
    // CVMInfo documents id as a required 'cvm_…' string: the integer is the only deviation.
    expect(validateResponse(T.cvms, 'GET', 200, list).join('\n')).toMatch(/\/id/);
    for (const c of list) expect(validateComponent('teehouse__api__routes__cvms__v20260121__schemas__CVMInfo', { ...c, id: 'cvm_x' })).toEqual([]);
    const id = String(list[0]?.['id']);
    expect((await call(sb, 'GET', `/cvms/${id}`)).status).toBe(404);
    const byUuid = await call(sb, 'GET', `/cvms/${pathId(String(list[0]?.['vm_uuid']))}`);
    expect(byUuid.status).toBe(200);
    expect(validateComponent('CVMInfoDetail', { ...(byUuid.json as object), id: 'cvm_x' })).toEqual([]);
    expect((byUuid.json as Record<string, unknown>)['id']).toBe(list[0]?.['id']);
  });

  it("cvmIdStyle 'none' leaves id out; the hashed id is then unknown to paths", async () => {
    const withIds = (await call(await sandbox(), 'GET', `/apps/${APP}/cvms`)).json as CvmBody[];
    const sb = await sandbox({ cvmIdStyle: 'none' });
    const list = (await call(sb, 'GET', `/apps/${APP}/cvms`)).json as Array<Record<string, unknown>>;
    expect('id' in (list[0] ?? {})).toBe(false);
    expect('id' in (sb.cvms()[0] ?? {})).toBe(false);
    // CVMInfo requires id: leaving it out is off-spec, and the only deviation.
    expect(validateComponent('teehouse__api__routes__cvms__v20260121__schemas__CVMInfo', list[0]).join('\n')).toMatch(/required property 'id'/);
    expect(validateComponent('teehouse__api__routes__cvms__v20260121__schemas__CVMInfo', { ...list[0], id: 'cvm_x' })).toEqual([]);
    expect((await call(sb, 'GET', `/cvms/${withIds[0]?.id ?? ''}`)).status).toBe(404);
    expect((await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}`)).status).toBe(200);
  });

  it('rejects an unknown cvmIdStyle', async () => {
    await expect(sandbox({ cvmIdStyle: 'uuid' as 'int' })).rejects.toThrow(/cvmIdStyle/);
  });
});
