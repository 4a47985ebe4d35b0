/**
 * The performance targets, judged against figures from one run. A target whose inputs
 * were not measured (e.g. the SDK baseline skipped by --quick) is reported as not measured,
 * never as met.
 */

export interface LagFigures {
  cvms: number;
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
  /** action's completion lag per CVM count */
  lag: LagFigures[];
  /** action's requests while waiting: the highest per-size average and the busiest second of any run */
  waiting?: { averagePerSecond: number; maxInAnySecond: number };
  startup?: { actionMs: number; nodeMs: number };
}

export interface TargetResult {
  target: string;
  measured: string;
  /** undefined: not measured in this run */
  met: boolean | undefined;
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

export function checkTargets(f: TargetFigures): TargetResult[] {
  const results: TargetResult[] = [];
  const o = f.oldestAt50k;
  results.push(
    o
      ? {
          target: 'oldest hash at 50k rows ≥3× faster than the sequential loop',
          measured: `${fixed(o.sequentialMs / o.actionMs, 2)}× as fast`,
          met: o.sequentialMs >= 3 * o.actionMs
        }
      : { target: 'oldest hash at 50k rows ≥3× faster than the sequential loop', measured: 'not measured', met: undefined }
  );
  results.push(
    o?.sdkMs !== undefined
      ? {
          target: 'oldest hash at 50k rows ≥20× faster than the SDK loop, ≤8 in flight',
          measured: `${fixed(o.sdkMs / o.actionMs, 2)}× as fast, ${o.actionMaxInFlight} in flight`,
          met: o.sdkMs >= 20 * o.actionMs && o.actionMaxInFlight <= 8
        }
      : { target: 'oldest hash at 50k rows ≥20× faster than the SDK loop, ≤8 in flight', measured: 'not measured', met: undefined }
  );
  results.push(
    f.previousRequests.length > 0
      ? { target: '`previous` in one list request', measured: `${[...new Set(f.previousRequests)].join(', ')} request(s)`, met: f.previousRequests.every((n) => n === 1) }
      : { target: '`previous` in one list request', measured: 'not measured', met: undefined }
  );
  for (const cvms of [1, 10]) {
    const lag = f.lag.find((l) => l.cvms === cvms);
    const target = `completion lag, ${cvms} CVM${cvms === 1 ? '' : 's'}: median <1 s, worst <2 s`;
    results.push(
      lag
        ? { target, measured: `median ${fixed(lag.medianMs / 1000, 2)} s, worst ${fixed(lag.worstMs / 1000, 2)} s`, met: lag.medianMs < 1000 && lag.worstMs < 2000 }
        : { target, measured: 'not measured', met: undefined }
    );
  }
  const lag100 = f.lag.find((l) => l.cvms === 100);
  results.push(
    lag100
      ? { target: 'completion lag, 100 CVMs: worst <4 s', measured: `worst ${fixed(lag100.worstMs / 1000, 2)} s`, met: lag100.worstMs < 4000 }
      : { target: 'completion lag, 100 CVMs: worst <4 s', measured: 'not measured', met: undefined }
  );
  results.push(
    f.waiting
      ? {
          target: 'requests while waiting ≤1.5/s average, never >5 in any second',
          measured: `${fixed(f.waiting.averagePerSecond, 2)}/s average (worst CVM count), ${f.waiting.maxInAnySecond} max in a second`,
          met: f.waiting.averagePerSecond <= 1.5 && f.waiting.maxInAnySecond <= 5
        }
      : { target: 'requests while waiting ≤1.5/s average, never >5 in any second', measured: 'not measured', met: undefined }
  );
  results.push(
    f.startup
      ? {
          target: 'time to first request within 2.5× of `node -e 0`',
          measured: `${fixed(f.startup.actionMs / f.startup.nodeMs, 2)}× (${Math.round(f.startup.actionMs)} ms vs ${Math.round(f.startup.nodeMs)} ms)`,
          met: f.startup.actionMs <= 2.5 * f.startup.nodeMs
        }
      : { target: 'time to first request within 2.5× of `node -e 0`', measured: 'not measured', met: undefined }
  );
  return results;
}

export function verdict(met: boolean | undefined): string {
  return met === undefined ? 'not measured' : met ? 'met' : 'NOT met';
}
