/**
 * Completion lag: from the moment the platform finished the last CVM's update to the moment the
 * waiting client exits, and how hard the client polled meanwhile. The action runs as a child
 * process (a real rollback of `previous` to `vm_uuids: all`); the baseline polls each CVM every 3 s.
 */
import { runAction } from '../run-action.js';
import { fixedPollRollback } from './baselines.js';
import { normaliseHash } from './finder.js';
import { lastLines } from './resolution.js';
import { startBenchSandbox, type BenchSandbox } from './sandbox-setup.js';
import { maxInWindow, max, median } from './stats.js';

export type WaitingImpl = 'action' | 'fixed 3 s poll';

export interface LagRun {
  lagMs: number;
  /** requests after the redeploy POST up to exit, and that span */
  requests: number;
  spanMs: number;
  maxInAnySecond: number;
}

export interface LagSummary {
  impl: WaitingImpl;
  cvms: number;
  runs: LagRun[];
  failures: string[];
  medianMs: number;
  worstMs: number;
  averagePerSecond: number;
  maxInAnySecond: number;
}

export interface LagPlan {
  cvmCounts: number[];
  runs: number;
  latencyMs: number;
  log: (line: string) => void;
}

export const START_LAG_MS = 400;

/** Update durations spread evenly over 1.5–3 s across the runs, so polling phase does not flatter anyone. */
export function updateDurationMs(run: number, runs: number): number {
  return runs <= 1 ? 2000 : Math.round(1500 + (1500 * run) / (runs - 1));
}

export async function measureCompletionLag(plan: LagPlan): Promise<LagSummary[]> {
  const summaries: LagSummary[] = [];
  for (const cvms of plan.cvmCounts) {
    for (const impl of ['action', 'fixed 3 s poll'] as const) {
      const runs: LagRun[] = [];
      const failures: string[] = [];
      for (let i = 0; i < plan.runs; i++) {
        const bench = await startBenchSandbox(
          { historySize: 5, cvms: Array.from({ length: cvms }, () => ({})), update: { startLagMs: START_LAG_MS, durationMs: updateDurationMs(i, plan.runs) } },
          plan.latencyMs
        );
        try {
          const run = impl === 'action' ? await actionRun(bench) : await baselineRun(bench);
          runs.push(run);
          plan.log(`  ${cvms} CVM(s), ${impl}, run ${i + 1}: lag ${run.lagMs} ms, ${run.requests} requests in ${run.spanMs} ms`);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          failures.push(message);
          plan.log(`  ${cvms} CVM(s), ${impl}, run ${i + 1}: FAILED ${message}`);
        } finally {
          await bench.close();
        }
      }
      const lags = runs.map((r) => r.lagMs);
      summaries.push({
        impl,
        cvms,
        runs,
        failures,
        medianMs: median(lags),
        worstMs: max(lags),
        averagePerSecond: runs.reduce((n, r) => n + r.requests, 0) / (runs.reduce((n, r) => n + r.spanMs, 0) / 1000),
        maxInAnySecond: Math.max(0, ...runs.map((r) => r.maxInAnySecond))
      });
    }
  }
  return summaries;
}

async function actionRun(bench: BenchSandbox): Promise<LagRun> {
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
async function measured(bench: BenchSandbox, mark: number, exitAt: number): Promise<LagRun> {
  const { sandbox } = bench;
  const journal = sandbox.requests.slice(mark);
  const post = journal.find((r) => r.method === 'POST' && r.path.endsWith('/redeploy') && r.status === 202);
  if (!post) throw new Error('no accepted redeploy in the journal');
  const vmUuids = sandbox.redeploys[sandbox.redeploys.length - 1]?.vmUuids ?? [];
  const settled = await bench.settledAt(vmUuids, post.at);
  if (settled.size < vmUuids.length) throw new Error(`only ${settled.size} of ${vmUuids.length} CVM updates were seen to finish`);
  const finishedAt = Math.max(...settled.values());
  const waiting = journal.filter((r) => r.at > post.at && r.at <= exitAt);
  return { lagMs: exitAt - finishedAt, requests: waiting.length, spanMs: exitAt - post.at, maxInAnySecond: maxInWindow(waiting.map((r) => r.at)) };
}
