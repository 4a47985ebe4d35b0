import { describe, expect, test } from '@jest/globals';
import { DeploymentWalk, formatEngineTime, orderTied, parseEngineTime, type DeploymentPages } from '../../../src/providers/camunda/deployment-walk.js';
import type { Deployment } from '../../../src/providers/camunda/shapes.js';

const at = (ms: number) => formatEngineTime(ms);
const deployment = (id: string, time: number): Deployment => ({ id, name: 'n', source: null, deploymentTime: at(time), tenantId: null });

/**
 * A database-like engine: rows sorted by time descending, ties in an arbitrary (here: shuffled
 * per call) order, `before`/`after` strict, firstResult/maxResults applied after sorting.
 */
function engine(rows: Deployment[], options: { pageSize?: number; versions?: Record<string, Record<string, number>>; ignoreWindow?: boolean } = {}) {
  let calls = 0;
  const pages: DeploymentPages = {
    pageSize: () => options.pageSize ?? 3,
    page: async (window, maxResults) => {
      calls++;
      const before = window.before ? parseEngineTime(window.before)! : Infinity;
      const after = window.after ? parseEngineTime(window.after)! : -Infinity;
      const matching = rows.filter((row) => options.ignoreWindow || (parseEngineTime(row.deploymentTime)! < before && parseEngineTime(row.deploymentTime)! > after));
      // Tied rows come back in a different order on every query, as databases may return them.
      const sorted = matching
        .map((row, i) => ({ row, tiebreak: (i * 7 + calls * 3) % 11 }))
        .sort((a, b) =>
          window.byId ? (a.row.id < b.row.id ? -1 : 1) : parseEngineTime(b.row.deploymentTime)! - parseEngineTime(a.row.deploymentTime)! || a.tiebreak - b.tiebreak
        );
      const first = window.firstResult ?? 0;
      return sorted.slice(first, first + maxResults).map((entry) => entry.row);
    },
    versions: async (d) => new Map(Object.entries(options.versions?.[d.id] ?? {}))
  };
  return { pages, calls: () => calls };
}

async function readAll(walk: DeploymentWalk): Promise<string[]> {
  const ids: string[] = [];
  for (let d = await walk.next(); d; d = await walk.next()) ids.push(d.id);
  return ids;
}

describe('paging by time keeps tied rows', () => {
  test('a tie across a page boundary loses and repeats no row', async () => {
    // Five deployments at the same instant straddle pages of 3.
    const rows = [
      deployment('a', 1000),
      deployment('t1', 2000),
      deployment('t2', 2000),
      deployment('t3', 2000),
      deployment('t4', 2000),
      deployment('t5', 2000),
      deployment('z', 3000)
    ];
    const walk = new DeploymentWalk(engine(rows).pages);
    const ids = await readAll(walk);
    expect(ids).toHaveLength(7);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.id)));
    expect(ids[0]).toBe('z');
    expect(ids[6]).toBe('a');
    expect(walk.ended).toBe('end');
  });

  test("tied deployments are ordered by their definitions' versions", async () => {
    const rows = [deployment('old', 5000), deployment('new', 5000), deployment('mid', 5000)];
    const versions = { old: { 'process:invoice': 1 }, mid: { 'process:invoice': 2 }, new: { 'process:invoice': 3 } };
    const ids = await readAll(new DeploymentWalk(engine(rows, { versions, pageSize: 10 }).pages));
    expect(ids).toEqual(['new', 'mid', 'old']);
  });

  test('tied rows paged by id under a small page size: none skipped, though every query returns ties in another order', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => deployment(`t${i}`, 2000));
    const walk = new DeploymentWalk(engine(rows, { pageSize: 2 }).pages);
    expect(new Set(await readAll(walk))).toEqual(new Set(rows.map((r) => r.id)));
  });

  test('without shared definitions, time-based UUIDs order ties by their timestamp', () => {
    const earlier = deployment('bd3049d4-f22b-11f1-9cd9-02fc00000001', 0);
    const later = deployment('be21127e-f22b-11f1-9cd9-02fc00000001', 0);
    expect(orderTied([earlier, later], new Map()).map((d) => d.id)).toEqual([later.id, earlier.id]);
    expect(orderTied([deployment('9', 0), deployment('10', 0)], new Map()).map((d) => d.id)).toEqual(['10', '9']);
  });
});

test('an engine that lowers the page size during the first request (its queryMaxResultsLimit) is read on, not taken as ended', async () => {
  const rows = Array.from({ length: 10 }, (_, i) => deployment(`d${i}`, 1000 + i));
  const { pages } = engine(rows);
  let size = 100;
  const lowering: DeploymentPages = {
    ...pages,
    pageSize: () => size,
    page: async (window, maxResults) => {
      size = 3;
      return pages.page(window, Math.min(maxResults, 3));
    }
  };
  expect(await readAll(new DeploymentWalk(lowering))).toHaveLength(10);
});

describe('bounded by rows read', () => {
  test('stops at the cap and says so', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => deployment(`d${i}`, 1000 + i));
    const walk = new DeploymentWalk(engine(rows, { pageSize: 7 }).pages, 20);
    expect(await readAll(walk)).toHaveLength(20);
    expect(walk.ended).toBe('cap');
    expect(walk.describe()).toContain('at most 20');
  });

  test('a server that ignores the time window repeats its page: detected after two requests', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => deployment(`d${i}`, 1000 + i));
    const { pages, calls } = engine(rows, { ignoreWindow: true, pageSize: 5 });
    const walk = new DeploymentWalk(pages);
    const ids = await readAll(walk);
    expect(ids).toHaveLength(5);
    expect(walk.ended).toBe('repeated');
    expect(calls()).toBeLessThanOrEqual(4);
    expect(walk.describe()).toContain('rows already read');
  });
});

test('engine dates round-trip', () => {
  expect(parseEngineTime('2013-04-23T13:42:43.000+0200')).toBe(Date.UTC(2013, 3, 23, 11, 42, 43));
  expect(parseEngineTime(formatEngineTime(1_700_000_000_123))).toBe(1_700_000_000_123);
  expect(parseEngineTime('yesterday')).toBeUndefined();
});
