import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/phala/index.js';
import { call, pathId, expectValid, T, type OperationsBody } from './helpers.js';

// The filters GET /cvms/{cvm_id}/operations documents: start_time, end_time, operation_types, limit.
describe('operation record filters', () => {
  let sb: Sandbox;
  let uuid: string;
  let all: OperationsBody;
  beforeAll(async () => {
    sb = await startSandbox({ cvms: [{}] });
    uuid = pathId(sb.cvms()[0]?.vm_uuid);
    all = (await call(sb, 'GET', `/cvms/${uuid}/operations`)).json as OperationsBody;
  });
  afterAll(() => sb.close());

  it('start_time keeps only records started after it; total counts what matched', async () => {
    const [newest, second] = all.items;
    const r = await call(sb, 'GET', `/cvms/${uuid}/operations?start_time=${encodeURIComponent(second!.started_at)}`);
    expect(r.status).toBe(200);
    expectValid(T.operations, 'GET', r);
    const body = r.json as OperationsBody;
    expect(body.items.map((o) => o.correlation_id)).toEqual([newest!.correlation_id]);
    expect(body.total).toBe(1);
  });

  it('end_time keeps only records started before it', async () => {
    const newest = all.items[0]!;
    const body = (await call(sb, 'GET', `/cvms/${uuid}/operations?end_time=${encodeURIComponent(newest.started_at)}`)).json as OperationsBody;
    expect(body.items.map((o) => o.correlation_id)).toEqual(all.items.slice(1).map((o) => o.correlation_id));
  });

  it('operation_types, repeated, keeps the records of those types', async () => {
    const one = (await call(sb, 'GET', `/cvms/${uuid}/operations?operation_types=restart`)).json as OperationsBody;
    expect(one.items.map((o) => o.operation_type)).toEqual(['restart']);
    const two = (await call(sb, 'GET', `/cvms/${uuid}/operations?operation_types=restart&operation_types=compose_update`)).json as OperationsBody;
    expect(two.items).toHaveLength(all.items.length);
    const none = (await call(sb, 'GET', `/cvms/${uuid}/operations?operation_types=power_on`)).json as OperationsBody;
    expect(none).toMatchObject({ items: [], total: 0, next_cursor: null });
  });

  it('a start_time in the future and a rollback-sized limit answer nothing old', async () => {
    const body = (await call(sb, 'GET', `/cvms/${uuid}/operations?start_time=${new Date(Date.now() + 60_000).toISOString()}&limit=5&operation_types=compose_update`))
      .json as OperationsBody;
    expect(body.items).toEqual([]);
  });

  it('422 for a start_time that is not a date-time', async () => {
    const r = await call(sb, 'GET', `/cvms/${uuid}/operations?start_time=yesterday`);
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json)).toContain('start_time');
  });
});
