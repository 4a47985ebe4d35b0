import { describe, expect, it } from '@jest/globals';
import { Deadline } from '../../../src/clock.js';
import { TimeoutError } from '../../../src/errors.js';
import type { ApiCall, ApiClient, ApiResponse } from '../../../src/http/api-client.js';
import { PhalaApi } from '../../../src/providers/phala/phala-api.js';
import { POLL_MS, ROLLBACK_OPERATION_TYPES, waitForRollback } from '../../../src/providers/phala/wait-for-rollback.js';
import type { RollbackPlan } from '../../../src/providers/provider.js';
import { VirtualClock } from '../../http/virtual-clock.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const TARGET = 'ab'.repeat(32);
const OLD = 'cd'.repeat(32);
const LATENCY_MS = 25;

interface SimCvm {
  vmUuid: string;
  /** virtual ms when its update task starts and ends */
  startAt: number;
  endAt: number;
  operationType: string;
  /** the update fails with this message */
  fails?: string;
  /** its operation record says completed only this long after the CVM is listed settled */
  recordLagMs?: number;
}

interface Arrival {
  at: number;
  path: string;
  query: ApiCall['query'];
  status: number;
}

/**
 * A Phala Cloud that answers after LATENCY_MS of virtual time: the app's CVMs (busy between
 * startAt and endAt) and each CVM's operation records, with the documented filters applied.
 */
class SimulatedPhala {
  readonly arrivals: Arrival[] = [];
  open = 0;
  mostOpen = 0;
  /** answers to give instead, in order, once `throttleAfter` requests were answered normally */
  readonly throttles: Array<Record<string, string>> = [];
  throttleAfter = 0;

  constructor(
    private readonly clock: VirtualClock,
    readonly cvms: SimCvm[]
  ) {}

  async read(call: ApiCall): Promise<ApiResponse> {
    const arrival: Arrival = { at: this.clock.now(), path: call.path, query: call.query, status: 200 };
    this.arrivals.push(arrival);
    this.open++;
    this.mostOpen = Math.max(this.mostOpen, this.open);
    await this.clock.sleep(LATENCY_MS);
    this.open--;
    const throttle = this.arrivals.length > this.throttleAfter ? this.throttles.shift() : undefined;
    if (throttle) {
      arrival.status = 429;
      return { status: 429, body: { detail: 'Too Many Requests' }, text: '', headers: throttle, endpoint: `GET ${call.path}` };
    }
    const body = call.path.endsWith('/cvms') ? this.list() : this.operations(call);
    return { status: 200, body, text: JSON.stringify(body), headers: {}, endpoint: `GET ${call.path}` };
  }

  private list(): unknown {
    const now = this.clock.now();
    return this.cvms.map((cvm) => {
      const busy = now >= cvm.startAt && now < cvm.endAt;
      return { vm_uuid: cvm.vmUuid, name: cvm.vmUuid.slice(0, 8), status: busy ? 'updating' : 'running', in_progress: busy, compose_hash: TARGET, progress: null };
    });
  }

  private operations(call: ApiCall): unknown {
    const now = this.clock.now();
    const cvm = this.cvms.find((c) => call.path === `/cvms/${c.vmUuid.replace(/-/g, '')}/operations`)!;
    const records = [
      {
        startedAt: cvm.startAt,
        type: cvm.operationType,
        status: now < cvm.startAt ? undefined : now < cvm.endAt + (cvm.recordLagMs ?? 0) ? 'in_progress' : cvm.fails ? 'failed' : 'completed'
      },
      { startedAt: cvm.startAt - 86_400_000, type: 'compose_update', status: 'completed' }
    ].filter((r) => r.status !== undefined);
    const q = call.query ?? {};
    const types = q.operation_types as string[] | undefined;
    const after = typeof q.start_time === 'string' ? Date.parse(q.start_time) : -Infinity;
    const items = records
      .filter((r) => r.startedAt > after && (!types || types.includes(r.type)))
      .map((r) => ({
        correlation_id: `op-${cvm.vmUuid}-${r.startedAt}`,
        operation_type: r.type,
        status: r.status,
        started_at: new Date(r.startedAt).toISOString(),
        compose_hash: TARGET,
        error_message: r.status === 'failed' ? cvm.fails : null
      }));
    return { items, next_cursor: null, total: items.length };
  }

  recordReads(vmUuid?: string): Arrival[] {
    return this.arrivals.filter((a) => a.path.endsWith('/operations') && (!vmUuid || a.path.includes(vmUuid.replace(/-/g, ''))));
  }

  stateReads(): Arrival[] {
    return this.arrivals.filter((a) => a.path.endsWith('/cvms'));
  }
}

function uuid(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

async function rollback(options: {
  cvms: number;
  startLagMs?: number;
  durationMs?: (i: number) => number;
  operationType?: string;
  timeoutMs?: number;
  throttles?: Array<Record<string, string>>;
  throttleAfter?: number;
  /** the update of CVM i fails with this message */
  fails?: (i: number) => string | undefined;
  /** the record of CVM i says completed this long after the CVM is listed settled */
  recordLagMs?: (i: number) => number;
}) {
  const clock = new VirtualClock();
  const t0 = clock.now();
  const sim = new SimulatedPhala(
    clock,
    Array.from({ length: options.cvms }, (_, i) => {
      const startAt = t0 + (options.startLagMs ?? 400);
      const fails = options.fails?.(i);
      const recordLagMs = options.recordLagMs?.(i);
      return {
        vmUuid: uuid(i),
        startAt,
        endAt: startAt + (options.durationMs?.(i) ?? 2000),
        operationType: options.operationType ?? 'compose_update',
        ...(fails ? { fails } : {}),
        ...(recordLagMs ? { recordLagMs } : {})
      };
    })
  );
  sim.throttles.push(...(options.throttles ?? []));
  sim.throttleAfter = options.throttleAfter ?? 0;
  const deadline = new Deadline(clock, options.timeoutMs ?? 120_000);
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(m), debug: () => {} };
  const api = new PhalaApi(sim as unknown as ApiClient, APP, clock.now);
  const instances = sim.cvms.map((c) => ({ id: c.vmUuid, name: c.vmUuid.slice(0, 8), version: OLD, status: 'running' }));
  const plan: RollbackPlan = {
    appId: APP,
    targets: instances,
    toRedeploy: instances,
    revision: { id: 'rev-1', version: TARGET, createdAt: '2026-12-01T00:00:00Z' },
    previousVersion: OLD,
    searched: 2,
    warnings: [],
    outputs: {},
    consoleUrl: ''
  };
  let error: unknown;
  await clock
    .run(waitForRollback({ api, deadline, log, timeoutSeconds: (options.timeoutMs ?? 120_000) / 1000 }, plan, { acceptedAt: t0 }, { pending: () => {} }))
    .catch((e: unknown) => {
      error = e;
    });
  const endedAt = clock.now();
  // Let time run on: nothing of the wait may go out after it ended.
  await clock.run(clock.sleep(10_000));
  return { sim, t0, endedAt, lines, error, lastFinish: Math.max(...sim.cvms.map((c) => c.endAt)) };
}

/** Most arrivals within any one second (sliding). */
function mostInASecond(arrivals: Arrival[]): number {
  return Math.max(0, ...arrivals.map((a) => arrivals.filter((b) => b.at >= a.at && b.at < a.at + 1000).length));
}

describe('waiting for the rollback: proof per CVM, read as each CVM finishes', () => {
  it("reads each CVM's own record once, within about a second of that CVM finishing, and ends right after the last", async () => {
    // Ten CVMs finishing 700 ms apart.
    const run = await rollback({ cvms: 10, durationMs: (i) => 1500 + 700 * i });
    expect(run.error).toBeUndefined();
    for (const cvm of run.sim.cvms) {
      const reads = run.sim.recordReads(cvm.vmUuid);
      expect(reads).toHaveLength(1);
      expect(reads[0]!.at).toBeGreaterThanOrEqual(cvm.endAt);
      expect(reads[0]!.at - cvm.endAt).toBeLessThan(POLL_MS * 1.05 + 2 * LATENCY_MS + 10);
    }
    expect(run.endedAt - run.lastFinish).toBeLessThan(POLL_MS * 1.05 + 3 * LATENCY_MS + 10);
  });

  it('asks only for records of this rollback: started after the trigger, of an activating type, a few', async () => {
    const run = await rollback({ cvms: 1 });
    const [read] = run.sim.recordReads();
    expect(read!.query).toMatchObject({ limit: 5, operation_types: [...ROLLBACK_OPERATION_TYPES] });
    expect(Date.parse(String(read!.query!.start_time))).toBeLessThanOrEqual(run.t0);
    expect(Date.parse(String(read!.query!.start_time))).toBeGreaterThan(run.t0 - 10_000);
  });

  it('costs one record per CVM plus at most 1.2 state reads per second waited', async () => {
    const run = await rollback({ cvms: 10, durationMs: (i) => 20_000 + 300 * i });
    expect(run.error).toBeUndefined();
    expect(run.sim.recordReads()).toHaveLength(10);
    expect(run.sim.stateReads().length).toBeLessThanOrEqual(1.2 * ((run.endedAt - run.t0) / 1000));
  });

  it('an update that starts two seconds after the trigger still costs one record read', async () => {
    const run = await rollback({ cvms: 3, startLagMs: 2000, durationMs: () => 3000 });
    expect(run.error).toBeUndefined();
    expect(run.sim.recordReads()).toHaveLength(3);
  });

  it('an update that runs entirely between two state reads is proven by its record', async () => {
    const run = await rollback({ cvms: 1, startLagMs: 100, durationMs: () => 300 });
    expect(run.error).toBeUndefined();
    expect(run.sim.stateReads().every((read) => read.at < run.sim.cvms[0]!.startAt || read.at >= run.sim.cvms[0]!.endAt)).toBe(true);
    expect(run.sim.recordReads()).toHaveLength(1);
  });

  it('with 100 CVMs finishing at once: never more than 8 requests open nor 25 in a second, and every record read', async () => {
    const run = await rollback({ cvms: 100 });
    expect(run.error).toBeUndefined();
    expect(run.sim.mostOpen).toBeLessThanOrEqual(8);
    expect(mostInASecond(run.sim.arrivals)).toBeLessThanOrEqual(25);
    expect(run.sim.recordReads()).toHaveLength(100);
    // 100 records at 25 a second, after the state read that saw them finished: four windows and a
    // little, with no state read taking a record's slot meanwhile.
    expect(run.sim.stateReads().filter((read) => read.at > run.lastFinish)).toHaveLength(1);
    expect(run.endedAt - run.lastFinish).toBeLessThan(POLL_MS * 1.05 + 4 * 1000 + 300);
  });

  it("with 150 CVMs finishing at once, no state read takes a record's slot while the records, six seconds of them, go out", async () => {
    const run = await rollback({ cvms: 150 });
    expect(run.error).toBeUndefined();
    expect(run.sim.recordReads()).toHaveLength(150);
    expect(mostInASecond(run.sim.arrivals)).toBeLessThanOrEqual(25);
    const seen = run.sim.stateReads().filter((read) => read.at >= run.lastFinish);
    expect(seen).toHaveLength(1);
    // 151 requests from that state read on, 25 a second: six windows after it, and a little.
    expect(run.endedAt - seen[0]!.at).toBeLessThan(6 * (1000 + 2 * LATENCY_MS) + 200);
  });

  it('a CVM whose record lags its state is read again after the first reads waiting: no extra read, and the run ends no later', async () => {
    // 100 CVMs finish at once; CVM 0's record says completed only 2 s after its state.
    const run = await rollback({ cvms: 100, recordLagMs: (i) => (i === 0 ? 2000 : 0) });
    expect(run.error).toBeUndefined();
    const others = run.sim.recordReads().filter((read) => !read.path.includes(uuid(0).replace(/-/g, '')));
    expect(others).toHaveLength(99);
    // Read again a second later, ahead of the others, it would still say in progress at least once more.
    const lagging = run.sim.recordReads(uuid(0));
    expect(lagging).toHaveLength(2);
    expect(lagging[1]!.at).toBeGreaterThan(others.at(-1)!.at);
    const seen = run.sim.stateReads().find((read) => read.at >= run.lastFinish)!;
    expect(run.endedAt - seen.at).toBeLessThan(4 * (1000 + 2 * LATENCY_MS) + 200);
  });

  it("fails at the first CVM whose record says failed, with the platform's message, and sends nothing after", async () => {
    const run = await rollback({ cvms: 100, fails: (i) => (i === 0 ? 'container exited with code 137' : undefined) });
    expect(String((run.error as Error).message)).toContain('container exited with code 137');
    expect(run.sim.recordReads().length).toBeLessThan(100);
    expect(run.sim.arrivals.filter((a) => a.at > run.endedAt)).toEqual([]);
  });

  it('a record under another type name is found by asking again without the type filter', async () => {
    const run = await rollback({ cvms: 1, operationType: 'update' });
    expect(run.error).toBeUndefined();
    const reads = run.sim.recordReads();
    expect(reads[0]!.query!.operation_types).toBeDefined();
    expect(reads.at(-1)!.query!.operation_types).toBeUndefined();
  });
});

describe('429 while waiting', () => {
  it('honours Retry-After, halves the requests open at once, says so, and still completes', async () => {
    const run = await rollback({ cvms: 10, throttles: [{ 'retry-after': '3' }] });
    expect(run.error).toBeUndefined();
    const throttled = run.sim.arrivals.find((a) => a.status === 429)!;
    const next = run.sim.arrivals.find((a) => a.at > throttled.at)!;
    expect(next.at - (throttled.at + LATENCY_MS)).toBeGreaterThanOrEqual(3000);
    expect(run.lines.join('\n')).toMatch(/429.*pausing 3\.0s, then at most 4 request\(s\) at once/);
  });

  it('pauses every waiting request, not only the throttled one, when the 429 hits amid a burst of record reads', async () => {
    // 100 CVMs finish together: the second record read is throttled while 7 are open and 92 wait.
    const run = await rollback({ cvms: 100, throttleAfter: 4, throttles: [{ 'retry-after': '3' }] });
    expect(run.error).toBeUndefined();
    const throttled = run.sim.arrivals.find((a) => a.status === 429)!;
    const answeredAt = throttled.at + LATENCY_MS;
    expect(run.sim.arrivals.filter((a) => a.at >= answeredAt && a.at < answeredAt + 3000)).toEqual([]);
    expect(run.sim.recordReads().filter((a) => a.status === 200)).toHaveLength(100);
  });

  it('honours X-RateLimit-Reset when there is no Retry-After', async () => {
    const clockStart = Date.parse('2026-12-07T10:00:00Z');
    const run = await rollback({ cvms: 1, throttles: [{ 'x-ratelimit-reset': String(Math.ceil(clockStart / 1000) + 8) }] });
    expect(run.error).toBeUndefined();
    const throttled = run.sim.arrivals.find((a) => a.status === 429)!;
    const next = run.sim.arrivals.find((a) => a.at > throttled.at)!;
    expect(next.at).toBeGreaterThanOrEqual(clockStart + 8000);
  });

  it('never ends the run early: throttled to the end, it times out naming what is pending', async () => {
    const run = await rollback({ cvms: 2, timeoutMs: 30_000, throttles: Array.from({ length: 100 }, () => ({ 'retry-after': '5' })) });
    expect(run.error).toBeInstanceOf(TimeoutError);
    expect(run.endedAt - run.t0).toBeGreaterThanOrEqual(30_000);
    expect(String((run.error as Error).message)).toContain('Still pending');
  });
});
