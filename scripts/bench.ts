/**
 * `npm run bench`: the rollback action against the loops users would write instead, measured in
 * one run on one sandbox. Targets are reported, not asserted: it exits 0 whenever it ran.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { measureCamunda } from './bench/camunda.js';
import { measureCompletionLag } from './bench/completion-lag.js';
import { parseBenchArgs, USAGE, type BenchOptions } from './bench/options.js';
import { renderMarkdown, renderTables, type BenchRun } from './bench/report.js';
import { measureQovery } from './bench/qovery.js';
import { measureResolution } from './bench/resolution.js';
import { measureStartup } from './bench/startup.js';
import { checkTargets } from './bench/targets.js';
import { measureThrottled } from './bench/throttled.js';

let opts: BenchOptions;
try {
  opts = parseBenchArgs(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}

const log = (line: string) => console.log(line);
const began = Date.now();
const loadAtStart = loadavg()[0]!;
const largest = Math.max(...opts.historySizes);

log(`Resolution (${opts.historySizes.join(', ')} rows, ${opts.latencyMs} ms latency)`);
const resolution = await measureResolution({
  historySizes: opts.historySizes,
  latencyMs: opts.latencyMs,
  skipSdkAt: (rows) => rows >= 50_000 && (opts.quick || opts.smoke),
  log
});

log(`Completion lag (${opts.cvmCounts.join(', ')} CVMs, ${opts.runs} run(s) each)`);
const lag = await measureCompletionLag({ cvmCounts: opts.cvmCounts, runs: opts.runs, latencyMs: opts.latencyMs, spreadMs: opts.spreadMs, log });

log('A 429 while waiting (10 CVMs)');
const throttled = await measureThrottled(10, opts.latencyMs);

// Start-up runs are cheap and noisy on a shared machine: more of them steady the median.
const startupRuns = Math.max(opts.runs, opts.smoke ? 3 : 11);
log(`Start-up (${startupRuns} runs)`);
const startup = await measureStartup(startupRuns, opts.latencyMs);

log(`Camunda \`previous\` (${opts.camundaSizes.join(', ')} deployments)`);
const camunda = await measureCamunda(opts.camundaSizes, opts.latencyMs, log);

log(`Qovery: three rollbacks waiting on a 30-minute deployment (clock ${opts.qoveryFactor}× real time)`);
const qovery = await measureQovery(opts.qoveryFactor, log);
const qoveryAction = qovery.find((q) => q.client === 'action');

const at50k = (impl: string) => resolution.results.find((r) => r.rows === 50_000 && r.caseName === 'oldest hash' && r.impl === impl && r.correct);
const action50k = at50k('action');
const sequential50k = at50k('sequential loop');
const actionLag = lag.filter((s) => s.impl === 'action' && s.runs.length > 0);
const targets = checkTargets({
  ...(action50k && sequential50k
    ? {
        oldestAt50k: {
          actionMs: action50k.ms,
          actionMaxInFlight: action50k.maxInFlight,
          sequentialMs: sequential50k.ms,
          ...(at50k('SDK loop') ? { sdkMs: at50k('SDK loop')!.ms } : {})
        }
      }
    : {}),
  previousRequests: resolution.results.filter((r) => r.impl === 'action' && r.caseName === 'previous' && r.correct).map((r) => r.requests),
  lag: actionLag.map((s) => ({ cvms: s.cvms, spreadMs: s.spreadMs, medianMs: s.medianMs, worstMs: s.worstMs })),
  ...(actionLag.length
    ? {
        waiting: {
          // The worst size, so a large fleet's figures are not diluted by the small ones.
          recordsPerCvm: Math.max(...actionLag.map((s) => s.recordsPerCvm)),
          stateReadsPerSecond: Math.max(...actionLag.map((s) => s.stateReadsPerSecond)),
          maxInFlight: Math.max(...actionLag.map((s) => s.maxInFlight)),
          maxInAnySecond: Math.max(...actionLag.map((s) => s.maxInAnySecond))
        }
      }
    : {}),
  throttled: {
    completed: throttled.completed && throttled.error === undefined,
    retryAfterS: throttled.retryAfterS,
    ...(throttled.pauseMs !== undefined ? { pauseMs: throttled.pauseMs } : {}),
    ...(throttled.inFlightAfter !== undefined ? { inFlightAfter: throttled.inFlightAfter } : {})
  },
  startup: { actionMs: startup.medianActionMs, fetchMs: startup.medianFetchMs },
  camunda: (['full', 'changed-only'] as const).map((mode) => {
    const rows = camunda.filter((c) => c.mode === mode && c.client === 'action');
    return { mode, requestsBySize: rows.map((r): [number, number] => [r.deployments, r.requests]), correct: rows.every((r) => r.correct) };
  }),
  ...(qoveryAction ? { qovery: { perHour: qoveryAction.perHour, throttled: qoveryAction.throttled, completed: qoveryAction.rollbacks.every((r) => r.completed) } } : {})
});

const cpuList = cpus();
const run: BenchRun = {
  machine: {
    cpu: cpuList[0]?.model.trim() ?? 'unknown CPU',
    cpus: cpuList.length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${platform()} ${release()}`,
    date: new Date().toISOString().slice(0, 10),
    loadAtStart,
    loadAtEnd: loadavg()[0]!
  },
  command: commandLine(process.argv.slice(2)),
  latencyMs: opts.latencyMs,
  runs: opts.runs,
  sandboxMode: resolution.mode,
  resolution: resolution.results,
  lag,
  throttled,
  startup,
  camunda,
  qovery,
  spreadMs: opts.spreadMs,
  targets
};
if (opts.note !== undefined) run.note = opts.note;
if (largest < 50_000) log('(history below 50k rows: the 50k targets are not measured)');

log('');
log(renderTables(run));
if (opts.out) {
  writeFileSync(opts.out, renderMarkdown(run));
  log(`\nWrote ${opts.out}`);
}
log(`\nBenchmark finished in ${((Date.now() - began) / 1000).toFixed(0)} s.`);

/** The command as a reader would retype it; the note's text is already in the report. */
function commandLine(args: string[]): string {
  const shown = args.filter((arg, i) => arg !== '--note' && args[i - 1] !== '--note');
  return `npm run bench${shown.length ? ` -- ${shown.join(' ')}` : ''}`;
}
