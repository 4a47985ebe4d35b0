/**
 * A 429 while waiting: the sandbox answers the first operation-record read with 429 and
 * `Retry-After: 2`. The action must pause every request for those 2 s, resume with at most half
 * the requests open at once, and finish the rollback rather than fail it.
 */
import { actionRun, START_LAG_MS } from './completion-lag.js';
import { startBenchSandbox } from './sandbox-setup.js';
import { maxInFlight } from './stats.js';

export interface ThrottledRun {
  cvms: number;
  retryAfterS: number;
  completed: boolean;
  error?: string;
  /** from the 429's answer to the next request the action sent */
  pauseMs?: number;
  /** the most requests open at once in the first second after the pause */
  inFlightAfter?: number;
  lagMs?: number;
}

export async function measureThrottled(cvms: number, latencyMs: number): Promise<ThrottledRun> {
  const retryAfterS = 2;
  const bench = await startBenchSandbox({ historySize: 5, cvms: Array.from({ length: cvms }, () => ({})), update: { startLagMs: START_LAG_MS, durationMs: 2000 } }, latencyMs);
  const { sandbox } = bench;
  sandbox.addFault({ endpoint: 'listOperations', kind: 'status', status: 429, retryAfter: String(retryAfterS), times: 1 });
  try {
    const mark = sandbox.requests.length;
    const run = await actionRun(bench);
    const journal = sandbox.requests.slice(mark);
    const throttled = journal.find((r) => r.status === 429);
    if (!throttled) return { cvms, retryAfterS, completed: true, error: 'the sandbox sent no 429', lagMs: run.lagMs };
    // Requests that left before the 429 came back (the others open with it) are not after it.
    const answeredAt = throttled.at + latencyMs;
    const after = journal.filter((r) => r.at >= answeredAt);
    const resumedAt = after[0]?.at ?? answeredAt;
    return {
      cvms,
      retryAfterS,
      completed: true,
      pauseMs: resumedAt - answeredAt,
      inFlightAfter: maxInFlight(after.filter((r) => r.at < resumedAt + 1000).map((r) => ({ start: r.at, end: r.at + latencyMs }))),
      lagMs: run.lagMs
    };
  } catch (err) {
    return { cvms, retryAfterS, completed: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await bench.close();
  }
}
