/**
 * Resolution: how many requests and how long to find `previous`, the oldest full hash and a
 * prefix of it, for the action (dry run, as a child process) and the baseline loops.
 */
import type { RecordedRequest } from '../../sandbox/phala/index.js';
import { runAction } from '../run-action.js';
import { sdkLoop, sequentialLoop } from './baselines.js';
import { normaliseHash, uniquePrefix, type Wanted } from './finder.js';
import { startBenchSandbox } from './sandbox-setup.js';
import { maxInFlight } from './stats.js';

export type Implementation = 'action' | 'sequential loop' | 'SDK loop';
export type CaseName = 'previous' | 'oldest hash' | 'oldest prefix';

export interface ResolutionResult {
  rows: number;
  caseName: CaseName;
  impl: Implementation;
  /** GET …/revisions requests */
  requests: number;
  maxInFlight: number;
  /** baselines: the loop's wall time; action: first request to exit (its Node start-up excluded) */
  ms: number;
  /** action only: spawn to exit */
  wallMs?: number;
  correct: boolean;
  error?: string;
}

export interface ResolutionPlan {
  historySizes: number[];
  latencyMs: number;
  /** sizes at which the SDK loop is not run */
  skipSdkAt: (rows: number) => boolean;
  log: (line: string) => void;
}

export async function measureResolution(plan: ResolutionPlan): Promise<{ results: ResolutionResult[]; mode: string }> {
  const results: ResolutionResult[] = [];
  let mode = '';
  for (const rows of plan.historySizes) {
    // One CVM and no restart rows: exactly `rows` rows, the oldest deploy on the last page.
    const bench = await startBenchSandbox({ historySize: rows, restartsBetweenDeploys: false, cvms: [{}] }, plan.latencyMs);
    mode = bench.mode;
    const { sandbox } = bench;
    try {
      const hashes = sandbox.revisions().map((r) => normaliseHash(r.compose_hash));
      const oldest = hashes[hashes.length - 1]!;
      const previous = hashes.find((h) => h !== hashes[0])!;
      const prefix = uniquePrefix(oldest, hashes);
      // The sandbox serialises each row the first time it serves it; one unmeasured read through
      // the history first, so every client meets the same warm sandbox whatever order they run in.
      await sequentialLoop(sandbox, { kind: 'hash', hash: '' });
      sandbox.requests.length = 0;
      const cases: Array<{ caseName: CaseName; wanted: Wanted; input: string; expected: string }> = [
        { caseName: 'previous', wanted: { kind: 'previous' }, input: 'previous', expected: previous },
        { caseName: 'oldest hash', wanted: { kind: 'hash', hash: oldest }, input: oldest, expected: oldest },
        { caseName: 'oldest prefix', wanted: { kind: 'prefix', prefix }, input: prefix, expected: oldest }
      ];
      for (const c of cases) {
        const journal = (from: number): RecordedRequest[] => sandbox.requests.slice(from).filter((r) => r.method === 'GET' && r.path.endsWith('/revisions'));
        const inFlight = (reqs: RecordedRequest[]) => maxInFlight(reqs.map((r) => ({ start: r.at, end: r.at + plan.latencyMs })));

        let mark = sandbox.requests.length;
        const spawnAt = Date.now();
        const run = await runAction(
          { app_id: sandbox.scenario.appId, api_url: sandbox.url, api_key: sandbox.scenario.apiKey, revision: c.input, dry_run: 'true' },
          { killAfterMs: 300_000 }
        );
        const exitAt = Date.now();
        const all = sandbox.requests.slice(mark);
        const revs = journal(mark);
        const actionResult: ResolutionResult = {
          rows,
          caseName: c.caseName,
          impl: 'action',
          requests: revs.length,
          maxInFlight: inFlight(revs),
          ms: exitAt - (all[0]?.at ?? spawnAt),
          wallMs: exitAt - spawnAt,
          correct: run.exitCode === 0 && run.outputs['compose_hash'] === c.expected
        };
        if (run.exitCode !== 0) actionResult.error = lastLines(run.stdout + run.stderr);
        results.push(actionResult);
        plan.log(`  ${rows} rows, ${c.caseName}: action ${actionResult.requests} req, ${actionResult.ms} ms${actionResult.correct ? '' : ' (WRONG ANSWER)'}`);

        const baselines: Array<[Implementation, () => Promise<string | undefined>]> = [['sequential loop', () => sequentialLoop(sandbox, c.wanted)]];
        if (!plan.skipSdkAt(rows)) baselines.push(['SDK loop', () => sdkLoop(sandbox, c.wanted)]);
        for (const [impl, loop] of baselines) {
          mark = sandbox.requests.length;
          const started = performance.now();
          let found: string | undefined;
          let error: string | undefined;
          try {
            found = await loop();
          } catch (err) {
            error = err instanceof Error ? err.message : String(err);
          }
          const ms = performance.now() - started;
          const reqs = journal(mark);
          const r: ResolutionResult = { rows, caseName: c.caseName, impl, requests: reqs.length, maxInFlight: inFlight(reqs), ms, correct: found === c.expected };
          if (error !== undefined) r.error = error;
          results.push(r);
          plan.log(`  ${rows} rows, ${c.caseName}: ${impl} ${r.requests} req, ${Math.round(ms)} ms${r.correct ? '' : ' (WRONG ANSWER)'}`);
        }
      }
    } finally {
      await bench.close();
    }
  }
  return { results, mode };
}

export function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' / ');
}
