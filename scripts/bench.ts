/**
 * `npm run bench`: the rollback action against the loops users would write instead, measured in
 * one run on one sandbox. Targets are reported, not asserted: it exits 0 whenever it ran.
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { measureCompletionLag } from './bench/completion-lag.js';
import { parseBenchArgs, USAGE, type BenchOptions } from './bench/options.js';
import { renderMarkdown, renderTables, type BenchRun } from './bench/report.js';
import { measureResolution } from './bench/resolution.js';
import { measureStartup } from './bench/startup.js';
import { checkTargets } from './bench/targets.js';

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
const largest = Math.max(...opts.historySizes);

log(`Resolution (${opts.historySizes.join(', ')} rows, ${opts.latencyMs} ms latency)`);
const resolution = await measureResolution({
  historySizes: opts.historySizes,
  latencyMs: opts.latencyMs,
  skipSdkAt: (rows) => rows >= 50_000 && (opts.quick || opts.smoke),
  log
});

log(`Completion lag (${opts.cvmCounts.join(', ')} CVMs, ${opts.runs} run(s) each)`);
const lag = await measureCompletionLag({ cvmCounts: opts.cvmCounts, runs: opts.runs, latencyMs: opts.latencyMs, log });

log(`Start-up (${opts.runs} run(s))`);
const startup = await measureStartup(opts.runs, opts.latencyMs);

const at50k = (impl: string) => resolution.results.find((r) => r.rows === 50_000 && r.caseName === 'oldest hash' && r.impl === impl && r.correct);
const action50k = at50k('action');
const sequential50k = at50k('sequential loop');
const actionLag = lag.filter((s) => s.impl === 'action' && s.runs.length > 0);
const actionWaiting = actionLag.flatMap((s) => s.runs);
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
  lag: actionLag.map((s) => ({ cvms: s.cvms, medianMs: s.medianMs, worstMs: s.worstMs })),
  ...(actionWaiting.length
    ? {
        waiting: {
          // Per CVM count, so a large fleet's rate is not diluted by the small ones.
          averagePerSecond: Math.max(...actionLag.map((s) => s.averagePerSecond)),
          maxInAnySecond: Math.max(...actionWaiting.map((r) => r.maxInAnySecond))
        }
      }
    : {}),
  startup: { actionMs: startup.medianActionMs, nodeMs: startup.medianNodeMs }
});

const cpuList = cpus();
const run: BenchRun = {
  machine: {
    cpu: cpuList[0]?.model.trim() ?? 'unknown CPU',
    cpus: cpuList.length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${platform()} ${release()}`,
    date: new Date().toISOString().slice(0, 10)
  },
  command: commandLine(process.argv.slice(2)),
  latencyMs: opts.latencyMs,
  runs: opts.runs,
  sandboxMode: resolution.mode,
  resolution: resolution.results,
  lag,
  startup,
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
