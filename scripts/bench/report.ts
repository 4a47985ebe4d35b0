/** Turns one run's figures into the printed tables and BENCHMARKS.md. */
import { START_LAG_MS, type LagSummary } from './completion-lag.js';
import type { ResolutionResult } from './resolution.js';
import type { StartupResult } from './startup.js';
import { renderTable, formatMs, formatRatio, formatRate, type Cell } from './table.js';
import { verdict, type TargetResult } from './targets.js';

export interface Machine {
  cpu: string;
  cpus: number;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
}

export interface BenchRun {
  machine: Machine;
  command: string;
  latencyMs: number;
  runs: number;
  sandboxMode: string;
  note?: string;
  resolution: ResolutionResult[];
  lag: LagSummary[];
  startup?: StartupResult;
  targets: TargetResult[];
}

export function resolutionTable(results: readonly ResolutionResult[]): string {
  const baseline = (r: ResolutionResult, impl: string) => results.find((b) => b.rows === r.rows && b.caseName === r.caseName && b.impl === impl && b.correct)?.ms;
  const rows: Cell[][] = results.map((r) => [
    r.rows.toLocaleString('en-US'),
    r.caseName,
    r.impl,
    r.requests,
    r.maxInFlight,
    formatMs(r.ms),
    formatMs(r.wallMs),
    r.impl === 'sequential loop' ? undefined : formatRatio(r.ms, baseline(r, 'sequential loop')),
    r.impl === 'SDK loop' ? undefined : formatRatio(r.ms, baseline(r, 'SDK loop')),
    r.correct ? 'right' : `WRONG${r.error ? `: ${r.error}` : ''}`
  ]);
  return renderTable(['rows', 'looking for', 'client', 'requests', 'max in flight', 'time', 'spawn→exit', 'vs sequential loop', 'vs SDK loop', 'answer'], rows);
}

export function lagTable(summaries: readonly LagSummary[]): string {
  const rows: Cell[][] = summaries.map((s) => {
    const base = summaries.find((b) => b.cvms === s.cvms && b.impl === 'fixed 3 s poll');
    const vs = s.impl === 'action' && base ? `${formatRatio(s.medianMs, base.medianMs) ?? '–'} / ${formatRatio(s.worstMs, base.worstMs) ?? '–'}` : undefined;
    return [
      s.cvms,
      s.impl,
      `${s.runs.length}${s.failures.length ? ` (+${s.failures.length} failed)` : ''}`,
      formatMs(s.medianMs),
      formatMs(s.worstMs),
      vs,
      formatRate(s.averagePerSecond),
      s.runs.length ? s.maxInAnySecond : undefined
    ];
  });
  return renderTable(['CVMs', 'client', 'runs', 'median lag', 'worst lag', 'vs fixed poll (median / worst)', 'requests/s while waiting', 'max requests in 1 s'], rows);
}

export function startupTable(s: StartupResult): string {
  return renderTable(
    ['measure', 'median', 'all runs', 'vs node -e 0'],
    [
      ['action: spawn → first request', formatMs(s.medianActionMs), s.actionMs.join(', ') + ' ms', formatRatio(s.medianActionMs, s.medianNodeMs)],
      ['`node -e 0`: spawn → exit', formatMs(s.medianNodeMs), s.nodeMs.join(', ') + ' ms', '1.00×'],
      ['dist/index.js size', `${(s.bundleBytes / 1024).toFixed(0)} KiB`, `${s.bundleBytes} bytes`, undefined]
    ]
  );
}

export function targetsTable(targets: readonly TargetResult[]): string {
  return renderTable(
    ['target', 'measured', 'verdict'],
    targets.map((t) => [t.target, t.measured, verdict(t.met)])
  );
}

/** The tables alone, for the terminal. */
export function renderTables(run: BenchRun): string {
  const parts = ['Resolution', resolutionTable(run.resolution), '', 'Completion lag', lagTable(run.lag), ''];
  if (run.startup) parts.push('Start-up', startupTable(run.startup), '');
  parts.push('Targets', targetsTable(run.targets));
  return parts.join('\n');
}

export function renderMarkdown(run: BenchRun): string {
  const m = run.machine;
  return `# Benchmarks

Measured by \`${run.command}\` on ${m.date}.${run.note ? `\n\n${run.note}` : ''}

- Machine: ${m.cpu} × ${m.cpus}, ${m.memoryGb.toFixed(1)} GiB memory, ${m.os}, Node ${m.node}
- Sandbox: ${run.latencyMs} ms latency on every request (${run.sandboxMode === 'native' ? "the sandbox's own latencyMs" : "latency faults on every endpoint; update ends from the CVMs' operation logs"}); ${run.runs} run(s) per completion-lag size and for start-up

All figures come from one run, baselines included, on the same sandbox; ratios compare against
those baselines, never against numbers from another machine or day.

## Resolution

The action runs as \`node dist/index.js\` with \`dry_run: true\`. Its **time** is from its first
request to its exit (its own Node start-up excluded); **spawn→exit** includes start-up. The
baselines run in-process: the **SDK loop** is \`@phala/cloud\` \`getAppRevisions\` page after page at
its default page size (50), the **sequential loop** a plain \`fetch\` loop at \`page_size=1000\`.
Requests count \`GET …/revisions\` in the sandbox journal; in flight is estimated from arrival
times plus the fixed latency. A ratio below 1× means faster than that baseline.

${resolutionTable(run.resolution)}

## Completion lag

Lag is from the moment the platform finished the last CVM's update to the client's exit. Each
run is a fresh sandbox (start lag ${START_LAG_MS} ms, update 1.5–3 s spread over the runs); the action
rolls back \`previous\` to \`vm_uuids: all\`. The baseline redeploys and then reads every CVM
(\`GET /cvms/{id}\`) every 3 s until all are settled \`running\` on the target, like the Terraform
provider. Request rates count every request after the redeploy POST until exit.

${lagTable(run.lag)}

## Start-up

${run.startup ? startupTable(run.startup) : 'Not measured.'}

## Targets

Reported, not asserted: the benchmark exits 0 whether or not they are met.

${targetsTable(run.targets)}

## Rerun

\`\`\`sh
npm run bench                 # everything; writes BENCHMARKS.md (about 4 minutes)
npm run bench -- --quick      # skips the SDK loop at 50k rows
npm run bench -- --smoke      # CI: 1k rows, 1 CVM, 1 run, under a minute; prints only
npm run bench -- --latency 50 --runs 9 --out /tmp/bench.md
\`\`\`
`;
}
