/**
 * The issue's performance targets, judged against figures from one run. A target whose inputs
 * were not measured (e.g. the SDK baseline skipped by --quick) is reported as not measured,
 * never as met.
 */

export interface LagFigures {
  cvms: number;
  /** 0: every CVM finished in the same millisecond */
  spreadMs: number;
  medianMs: number;
  worstMs: number;
}

export interface TargetFigures {
  /** oldest full hash at the largest history size, if it was 50k rows */
  oldestAt50k?: {
    /** action: first request to exit (its own Node start-up excluded) */
    actionMs: number;
    actionMaxInFlight: number;
    sequentialMs: number;
    sdkMs?: number;
  };
  /** GET /revisions requests the action sent for `previous`, one entry per history size */
  previousRequests: number[];
  /** action's completion lag per CVM count and spread of finishes */
  lag: LagFigures[];
  /** action's requests while waiting, the worst of every size and run */
  waiting?: { recordsPerCvm: number; stateReadsPerSecond: number; maxInFlight: number; maxInAnySecond: number };
  /** a 429 while waiting */
  throttled?: { completed: boolean; retryAfterS: number; pauseMs?: number; inFlightAfter?: number };
  /** spawn → first request: the action, and a plain Node script sending it with fetch */
  startup?: { actionMs: number; fetchMs: number };
  /** Camunda `previous`: requests at each history length, per history mode; whether every answer was right */
  camunda?: Array<{ mode: string; requestsBySize: Array<[number, number]>; correct: boolean }>;
  /** Qovery: three rollbacks at once on one token, while waiting */
  qovery?: { perHour: number; throttled: number; completed: boolean };
}

export interface TargetResult {
  target: string;
  measured: string;
  /** undefined: not measured in this run */
  met: boolean | undefined;
}

export const LAG_MEDIAN_MS = 1000;
export const LAG_WORST_MS = 2000;
export const MAX_IN_FLIGHT = 8;
export const MAX_PER_SECOND = 25;
export const STATE_READS_PER_SECOND = 1.2;
export const STARTUP_RATIO = 1.4;
export const QOVERY_BUDGET_PER_HOUR = 1000;

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const notMeasured = (target: string): TargetResult => ({ target, measured: 'not measured', met: undefined });

export function checkTargets(f: TargetFigures): TargetResult[] {
  const results: TargetResult[] = [];
  const o = f.oldestAt50k;
  let target = 'oldest hash at 50k rows ≥3× faster than the sequential loop';
  results.push(o ? { target, measured: `${fixed(o.sequentialMs / o.actionMs, 2)}× as fast`, met: o.sequentialMs >= 3 * o.actionMs } : notMeasured(target));
  target = 'oldest hash at 50k rows ≥20× faster than the SDK loop, ≤8 in flight';
  results.push(
    o?.sdkMs !== undefined
      ? { target, measured: `${fixed(o.sdkMs / o.actionMs, 2)}× as fast, ${o.actionMaxInFlight} in flight`, met: o.sdkMs >= 20 * o.actionMs && o.actionMaxInFlight <= 8 }
      : notMeasured(target)
  );
  target = '`previous` in one list request';
  results.push(
    f.previousRequests.length > 0
      ? { target, measured: `${[...new Set(f.previousRequests)].join(', ')} request(s)`, met: f.previousRequests.every((n) => n === 1) }
      : notMeasured(target)
  );
  for (const lag of f.lag) {
    const finishing = lag.cvms === 1 ? '' : lag.spreadMs ? ` finishing over ${lag.spreadMs / 1000} s` : ' finishing together';
    target = `completion lag, ${lag.cvms} CVM${lag.cvms === 1 ? '' : 's'}${finishing}: median <1 s, worst <2 s`;
    results.push({
      target,
      measured: `median ${fixed(lag.medianMs / 1000, 2)} s, worst ${fixed(lag.worstMs / 1000, 2)} s`,
      met: lag.medianMs < LAG_MEDIAN_MS && lag.worstMs < LAG_WORST_MS
    });
  }
  if (f.lag.length === 0) results.push(notMeasured('completion lag: median <1 s, worst <2 s'));
  const w = f.waiting;
  target = 'while waiting: ≤1 record read per CVM + ≤1.2 state reads per second waited';
  results.push(
    w
      ? {
          target,
          measured: `${fixed(w.recordsPerCvm, 2)} records per CVM, ${fixed(w.stateReadsPerSecond, 2)} state reads/s`,
          met: w.recordsPerCvm <= 1 && w.stateReadsPerSecond <= STATE_READS_PER_SECOND
        }
      : notMeasured(target)
  );
  target = 'while waiting: ≤8 requests in flight, ≤25 in any one second';
  results.push(
    w
      ? { target, measured: `${w.maxInFlight} in flight, ${w.maxInAnySecond} in a second`, met: w.maxInFlight <= MAX_IN_FLIGHT && w.maxInAnySecond <= MAX_PER_SECOND }
      : notMeasured(target)
  );
  const t = f.throttled;
  target = 'a 429 while waiting: Retry-After honoured, in flight halved, the run completes';
  results.push(
    t
      ? {
          target,
          measured: t.completed
            ? `paused ${t.pauseMs === undefined ? '?' : fixed(t.pauseMs / 1000, 2)} s for Retry-After ${t.retryAfterS} s, then ${t.inFlightAfter ?? '?'} in flight; completed`
            : 'the run did not complete',
          met: t.completed && t.pauseMs !== undefined && t.pauseMs >= t.retryAfterS * 1000 && (t.inFlightAfter ?? Infinity) <= MAX_IN_FLIGHT / 2
        }
      : notMeasured(target)
  );
  target = 'spawn → first request ≤1.4× a plain Node `fetch` script';
  results.push(
    f.startup
      ? {
          target,
          measured: `${fixed(f.startup.actionMs / f.startup.fetchMs, 2)}× (${Math.round(f.startup.actionMs)} ms vs ${Math.round(f.startup.fetchMs)} ms)`,
          met: f.startup.actionMs <= STARTUP_RATIO * f.startup.fetchMs
        }
      : notMeasured(target)
  );
  for (const c of f.camunda ?? []) {
    const largest = Math.max(...c.requestsBySize.map(([size]) => size));
    target = `Camunda \`previous\` over ${largest.toLocaleString('en-US')} deployments (${c.mode}): requests bounded, independent of history length`;
    results.push({
      target,
      measured: `${c.requestsBySize.map(([size, n]) => `${n} at ${size.toLocaleString('en-US')}`).join(', ')}${c.correct ? '' : '; a WRONG answer'}`,
      met: c.correct && growsNoMore(c.requestsBySize)
    });
  }
  if (!f.camunda?.length) results.push(notMeasured('Camunda `previous`: requests bounded, independent of history length'));
  target = 'Qovery, 3 rollbacks on one token waiting on a 30-minute deployment: ≤1,000 requests/hour, no 429';
  results.push(
    f.qovery
      ? {
          target,
          measured: `${Math.round(f.qovery.perHour)}/hour together, ${f.qovery.throttled} × 429${f.qovery.completed ? '' : ', a rollback did not complete'}`,
          met: f.qovery.completed && f.qovery.perHour <= QOVERY_BUDGET_PER_HOUR && f.qovery.throttled === 0
        }
      : notMeasured(target)
  );
  return results;
}

/**
 * Bounded, independent of history length: the largest history costs no more requests than the
 * next smaller one (1,000 against 10,000 deployments). A history shorter than one page may cost
 * fewer: the search simply runs out of deployments.
 */
export function growsNoMore(requestsBySize: ReadonlyArray<[number, number]>): boolean {
  const sorted = [...requestsBySize].sort((a, b) => a[0] - b[0]);
  if (sorted.length < 2) return false;
  return sorted[sorted.length - 1]![1] <= sorted[sorted.length - 2]![1];
}

export function verdict(met: boolean | undefined): string {
  return met === undefined ? 'not measured' : met ? 'met' : 'NOT met';
}
