import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/phala/index.js';
import { call, pathId, expectValid, T, waitFor, type OperationsBody } from './helpers.js';

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

describe('update spread (benchmarks)', () => {
  it('runs the i-th of n CVMs of one redeploy spreadMs·i/(n−1) longer; by default all finish together', async () => {
    const finishes = async (spreadMs?: number): Promise<number[]> => {
      const sb = await startSandbox({ cvms: [{}, {}, {}], update: { startLagMs: 10, durationMs: 50, ...(spreadMs === undefined ? {} : { spreadMs }) } });
      try {
        const current = sb.cvms()[0]!.compose_hash;
        const target = sb.revisions().find((r) => r.compose_hash.toLowerCase().replace(/^0x/, '') !== current)!;
        const vmUuids = sb.cvms().map((c) => c.vm_uuid);
        const r = await call(sb, 'POST', `/apps/${sb.scenario.appId}/revisions/${target.revision_id}/redeploy`, {
          body: JSON.stringify({ vm_uuids: vmUuids }),
          headers: { 'Content-Type': 'application/json' }
        });
        expect(r.status).toBe(202);
        const settled = await waitFor(() => {
          const updates = sb.updates();
          return updates.length === 3 && updates.every((u) => u.settledAt !== undefined) ? updates : undefined;
        });
        return vmUuids.map((vm) => settled.find((u) => u.vmUuid === vm)!.settledAt! - settled.find((u) => u.vmUuid === vm)!.startedAt!);
      } finally {
        await sb.close();
      }
    };
    const spread = await finishes(400);
    expect(spread[0]).toBeLessThan(50 + 60);
    expect(spread[1]).toBeGreaterThanOrEqual(250 - 5);
    expect(spread[2]).toBeGreaterThanOrEqual(450 - 5);
    expect(Math.max(...(await finishes()))).toBeLessThan(50 + 60);
  });
});
