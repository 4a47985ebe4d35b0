/**
 * Completion lag: from the moment the platform finished the last CVM's update to the moment the
 * waiting client exits, and how hard the client polled meanwhile. The action runs as a child
 * process (a real rollback of `previous` to `vm_uuids: all`); the baseline polls each CVM every 3 s.
 * Each size runs with every CVM finishing in the same millisecond (the sandbox default) and, from
 * 10 CVMs, with the finishes spread over a few seconds, as CVMs on different hosts finish.
 */
import { runAction } from '../run-action.js';
import { fixedPollRollback } from './baselines.js';
import { normaliseHash } from './finder.js';
import { lastLines } from './resolution.js';
import { startBenchSandbox, type BenchSandbox } from './sandbox-setup.js';
import { maxInFlight, maxInWindow, max, median } from './stats.js';

export type WaitingImpl = 'action' | 'fixed 3 s poll';

export interface LagRun {
  lagMs: number;
  /** requests after the redeploy POST up to exit, and that span */
  requests: number;
  /** of those, operation-record reads (GET …/operations) and the rest (state reads) */
  recordReads: number;
  stateReads: number;
  spanMs: number;
  maxInAnySecond: number;
  /** estimated from arrival times plus the sandbox's fixed latency */
  maxInFlight: number;
}

export interface LagSummary {
  impl: WaitingImpl;
  cvms: number;
  /** 0: every CVM finishes in the same millisecond; else the spread of finishes, ms */
  spreadMs: number;
  runs: LagRun[];
  failures: string[];
  medianMs: number;
  worstMs: number;
  averagePerSecond: number;
  /** the most record reads per CVM in any run */
  recordsPerCvm: number;
  /** state reads per second waited, over all runs */
  stateReadsPerSecond: number;
  maxInAnySecond: number;
  maxInFlight: number;
}

export interface LagPlan {
  cvmCounts: number[];
  runs: number;
  latencyMs: number;
  /** spread of finishes for the second variant of each size from 10 CVMs; 0 to skip it */
  spreadMs: number;
  log: (line: string) => void;
}

/** The variants a size runs: all finishing together, and from 10 CVMs spread out. */
export function lagVariants(cvmCounts: readonly number[], spreadMs: number): Array<{ cvms: number; spreadMs: number }> {
  return cvmCounts.flatMap((cvms) =>
    cvms >= 10 && spreadMs > 0
      ? [
          { cvms, spreadMs: 0 },
          { cvms, spreadMs }
        ]
      : [{ cvms, spreadMs: 0 }]
  );
}

/** One size's runs summed up; the per-second rates are over all runs' waiting time together. */
export function summariseLag(impl: WaitingImpl, cvms: number, spreadMs: number, runs: LagRun[], failures: string[]): LagSummary {
  const lags = runs.map((r) => r.lagMs);
  const seconds = runs.reduce((n, r) => n + r.spanMs, 0) / 1000;
  return {
    impl,
    cvms,
    spreadMs,
    runs,
    failures,
    medianMs: median(lags),
    worstMs: max(lags),
    averagePerSecond: runs.reduce((n, r) => n + r.requests, 0) / seconds,
    recordsPerCvm: Math.max(0, ...runs.map((r) => r.recordReads / cvms)),
    stateReadsPerSecond: runs.reduce((n, r) => n + r.stateReads, 0) / seconds,
    maxInAnySecond: Math.max(0, ...runs.map((r) => r.maxInAnySecond)),
    maxInFlight: Math.max(0, ...runs.map((r) => r.maxInFlight))
  };
}

export const START_LAG_MS = 400;

/** Update durations spread evenly over 1.5–3 s across the runs, so polling phase does not flatter anyone. */
export function updateDurationMs(run: number, runs: number): number {
  return runs <= 1 ? 2000 : Math.round(1500 + (1500 * run) / (runs - 1));
}

export async function measureCompletionLag(plan: LagPlan): Promise<LagSummary[]> {
  const summaries: LagSummary[] = [];
  for (const { cvms, spreadMs } of lagVariants(plan.cvmCounts, plan.spreadMs)) {
    const finishes = spreadMs ? `finishing over ${spreadMs / 1000} s` : 'finishing together';
    for (const impl of ['action', 'fixed 3 s poll'] as const) {
      const runs: LagRun[] = [];
      const failures: string[] = [];
      for (let i = 0; i < plan.runs; i++) {
        const bench = await startBenchSandbox(
          { historySize: 5, cvms: Array.from({ length: cvms }, () => ({})), update: { startLagMs: START_LAG_MS, durationMs: updateDurationMs(i, plan.runs), spreadMs } },
          plan.latencyMs
        );
        try {
          const run = impl === 'action' ? await actionRun(bench) : await baselineRun(bench);
          runs.push(run);
          plan.log(`  ${cvms} CVM(s) ${finishes}, ${impl}, run ${i + 1}: lag ${run.lagMs} ms, ${run.requests} requests (${run.recordReads} records) in ${run.spanMs} ms`);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          failures.push(message);
          plan.log(`  ${cvms} CVM(s) ${finishes}, ${impl}, run ${i + 1}: FAILED ${message}`);
        } finally {
          await bench.close();
        }
      }
      summaries.push(summariseLag(impl, cvms, spreadMs, runs, failures));
    }
  }
  return summaries;
}

export async function actionRun(bench: BenchSandbox): Promise<LagRun> {
  const { sandbox } = bench;
  const mark = sandbox.requests.length;
  const run = await runAction(
    { app_id: sandbox.scenario.appId, api_url: sandbox.url, api_key: sandbox.scenario.apiKey, revision: 'previous', vm_uuids: 'all', timeout: '120' },
    { killAfterMs: 180_000 }
  );
  const exitAt = Date.now();
  if (run.exitCode !== 0) throw new Error(`action exited ${run.exitCode}: ${lastLines(run.stdout + run.stderr)}`);
  return await measured(bench, mark, exitAt);
}

async function baselineRun(bench: BenchSandbox): Promise<LagRun> {
  const { sandbox } = bench;
  const hashes = sandbox.revisions().map((r) => ({ ...r, hash: normaliseHash(r.compose_hash) }));
  const target = hashes.find((r) => r.hash !== hashes[0]!.hash && r.operation_type !== 'restart');
  if (!target) throw new Error('no earlier revision in the sandbox history');
  const mark = sandbox.requests.length;
  await fixedPollRollback(
    sandbox,
    target.revision_id,
    target.hash,
    sandbox.cvms().map((c) => c.vm_uuid)
  );
  return await measured(bench, mark, Date.now());
}

/** Figures of one run from the sandbox journal (since `mark`) and its record of finished updates. */
export async function measured(bench: BenchSandbox, mark: number, exitAt: number): Promise<LagRun> {
  const { sandbox } = bench;
  const journal = sandbox.requests.slice(mark);
  const post = journal.find((r) => r.method === 'POST' && r.path.endsWith('/redeploy') && r.status === 202);
  if (!post) throw new Error('no accepted redeploy in the journal');
  const vmUuids = sandbox.redeploys[sandbox.redeploys.length - 1]?.vmUuids ?? [];
  const settled = await bench.settledAt(vmUuids, post.at);
  if (settled.size < vmUuids.length) throw new Error(`only ${settled.size} of ${vmUuids.length} CVM updates were seen to finish`);
  const finishedAt = Math.max(...settled.values());
  const waiting = journal.filter((r) => r.at > post.at && r.at <= exitAt);
  const recordReads = waiting.filter((r) => r.path.endsWith('/operations')).length;
  return {
    lagMs: exitAt - finishedAt,
    requests: waiting.length,
    recordReads,
    stateReads: waiting.length - recordReads,
    spanMs: exitAt - post.at,
    maxInAnySecond: maxInWindow(waiting.map((r) => r.at)),
    maxInFlight: maxInFlight(waiting.map((r) => ({ start: r.at, end: r.at + bench.latencyMs })))
  };
}
