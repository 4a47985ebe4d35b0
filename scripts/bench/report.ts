/** Turns one run's figures into the printed tables and BENCHMARKS.md. */
import type { CamundaResult } from './camunda.js';
import { START_LAG_MS, type LagSummary } from './completion-lag.js';
import { BUDGET_PER_HOUR, perHour, type QoveryResult } from './qovery.js';
import type { ResolutionResult } from './resolution.js';
import type { StartupResult } from './startup.js';
import type { ThrottledRun } from './throttled.js';
import { renderTable, formatMs, formatRatio, formatRate, type Cell } from './table.js';
import { verdict, type TargetResult } from './targets.js';

export interface Machine {
  cpu: string;
  cpus: number;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the benchmark started and ended (2 cores shared by others) */
  loadAtStart?: number;
  loadAtEnd?: number;
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
  throttled?: ThrottledRun;
  startup?: StartupResult;
  camunda: CamundaResult[];
  qovery: QoveryResult[];
  spreadMs: number;
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
    const base = summaries.find((b) => b.cvms === s.cvms && b.spreadMs === s.spreadMs && b.impl === 'fixed 3 s poll');
    const vs = s.impl === 'action' && base ? `${formatRatio(s.medianMs, base.medianMs) ?? '–'} / ${formatRatio(s.worstMs, base.worstMs) ?? '–'}` : undefined;
    const measured = s.runs.length > 0;
    return [
      s.cvms,
      s.cvms === 1 ? '–' : s.spreadMs ? `over ${s.spreadMs / 1000} s` : 'together',
      s.impl,
      `${s.runs.length}${s.failures.length ? ` (+${s.failures.length} failed)` : ''}`,
      formatMs(s.medianMs),
      formatMs(s.worstMs),
      vs,
      measured ? s.recordsPerCvm.toFixed(2) : undefined,
      measured ? formatRate(s.stateReadsPerSecond) : undefined,
      measured ? formatRate(s.averagePerSecond) : undefined,
      measured ? s.maxInFlight : undefined,
      measured ? s.maxInAnySecond : undefined
    ];
  });
  return renderTable(
    [
      'CVMs',
      'finishing',
      'client',
      'runs',
      'median lag',
      'worst lag',
      'vs fixed poll (median / worst)',
      'records per CVM',
      'state reads/s',
      'requests/s',
      'max in flight',
      'max in 1 s'
    ],
    rows
  );
}

export function throttledTable(t: ThrottledRun): string {
  return renderTable(
    ['CVMs', '429 on', 'Retry-After', 'completed', 'pause after the 429', 'in flight in the second after', 'lag'],
    [[t.cvms, 'first record read', `${t.retryAfterS} s`, t.completed ? 'yes' : `no: ${t.error ?? ''}`, formatMs(t.pauseMs), t.inFlightAfter, formatMs(t.lagMs)]]
  );
}

export function startupTable(s: StartupResult): string {
  return renderTable(
    ['measure', 'median', 'all runs', 'vs fetch script'],
    [
      ['action: spawn → first request', formatMs(s.medianActionMs), s.actionMs.join(', ') + ' ms', formatRatio(s.medianActionMs, s.medianFetchMs)],
      ['plain Node `fetch` script: spawn → the same request', formatMs(s.medianFetchMs), s.fetchMs.join(', ') + ' ms', '1.00×'],
      ['`node -e 0`: spawn → exit', formatMs(s.medianNodeMs), s.nodeMs.join(', ') + ' ms', formatRatio(s.medianNodeMs, s.medianFetchMs)],
      ['dist/index.js (loaded before the first request)', `${(s.bundleBytes / 1024).toFixed(0)} KiB`, `${s.bundleBytes} bytes`, undefined],
      ['dist/*.index.js chunks (loaded only when used)', `${(s.chunkBytes / 1024).toFixed(0)} KiB`, `${s.chunkBytes} bytes`, undefined]
    ]
  );
}

export function camundaTable(results: readonly CamundaResult[]): string {
  const rows: Cell[][] = results.map((r) => {
    const base = results.find((b) => b.mode === r.mode && b.deployments === r.deployments && b.client === 'page-through loop');
    return [
      r.mode,
      r.deployments.toLocaleString('en-US'),
      r.client,
      r.requests,
      Object.entries(r.byKind)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', '),
      r.unbounded,
      r.rows.toLocaleString('en-US'),
      formatMs(r.ms),
      r.client === 'action' && base ? formatRatio(r.requests, base.requests) : undefined,
      r.correct ? 'right' : `WRONG: ${r.answer}`
    ];
  });
  return renderTable(['history', 'deployments', 'client', 'requests', 'by endpoint', 'unbounded queries', 'rows listed', 'time', 'requests vs page-through', 'answer'], rows);
}

export function qoveryTable(results: readonly QoveryResult[]): string {
  const rows: Cell[][] = results.map((r) => {
    const each = r.rollbacks.map((b) => perHour(b.waitingRequests, b.waitingMs));
    return [
      r.client,
      r.rollbacks.length,
      r.rollbacks.map((b) => b.waitingRequests).join(', '),
      r.rollbacks.map((b) => (b.waitingMs / 60_000).toFixed(1)).join(', ') + ' min',
      each.map((n) => n.toFixed(0)).join(', '),
      r.perHour.toFixed(0),
      formatRatio(r.perHour, BUDGET_PER_HOUR),
      r.throttled,
      r.rollbacks.map((b) => (b.longestGapMs / 1000).toFixed(0)).join(', ') + ' s',
      r.rollbacks.map((b) => (b.lagMs / 1000).toFixed(1)).join(', ') + ' s',
      r.rollbacks.every((b) => b.completed) ? 'yes' : 'NO'
    ];
  });
  return renderTable(
    [
      'client',
      'rollbacks',
      'requests while waiting',
      'waited',
      'per rollback /hour',
      'together /hour',
      'vs 1,000/hour budget',
      '429s',
      'longest gap',
      'lag after the end',
      'completed'
    ],
    rows
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
  if (run.throttled) parts.push('429 while waiting', throttledTable(run.throttled), '');
  if (run.startup) parts.push('Start-up', startupTable(run.startup), '');
  if (run.camunda.length) parts.push('Camunda `previous`', camundaTable(run.camunda), '');
  if (run.qovery.length) parts.push('Qovery while waiting', qoveryTable(run.qovery), '');
  parts.push('Targets', targetsTable(run.targets));
  return parts.join('\n');
}

export function renderMarkdown(run: BenchRun): string {
  const m = run.machine;
  const load = m.loadAtStart !== undefined ? `; load average ${m.loadAtStart.toFixed(2)} at the start, ${(m.loadAtEnd ?? NaN).toFixed(2)} at the end (the machine is shared)` : '';
  const qoveryFactor = run.qovery[0]?.factor;
  return `# Benchmarks

Measured by \`${run.command}\` on ${m.date}.${run.note ? `\n\n${run.note}` : ''}

- Machine: ${m.cpu} × ${m.cpus}, ${m.memoryGb.toFixed(1)} GiB memory, ${m.os}, Node ${m.node}${load}
- Sandbox: ${run.latencyMs} ms latency on every request (${run.sandboxMode === 'native' ? "the sandbox's own latencyMs" : "latency faults on every endpoint; update ends from the CVMs' operation logs"}); ${run.runs} run(s) per completion-lag size, ${run.startup?.actionMs.length ?? 0} for start-up

All figures come from one run, baselines included, on the same sandbox; ratios compare against
those baselines, never against numbers from another machine or day.

## Resolution (Phala)

The action runs as \`node dist/index.js\` with \`dry_run: true\`. Its **time** is from its first
request to its exit (its own Node start-up excluded); **spawn→exit** includes start-up. The
baselines run in-process: the **SDK loop** is \`@phala/cloud\` \`getAppRevisions\` page after page at
its default page size (50), the **sequential loop** a plain \`fetch\` loop at \`page_size=1000\`.
Requests count \`GET …/revisions\` in the sandbox journal; in flight is estimated from arrival
times plus the fixed latency. A ratio below 1× means faster than that baseline. Every client
meets a warm sandbox: it serialises each revision row once, and one unmeasured read through the
history comes first. For a full hash or prefix the action reads pages 8 at a time and parses only
the pages whose text holds it; the others are only skimmed for their counts and row ids.

${resolutionTable(run.resolution)}

## Completion lag (Phala)

Lag is from the moment the platform finished the last CVM's update to the client's exit. Each
run is a fresh sandbox (start lag ${START_LAG_MS} ms, update 1.5–3 s spread over the runs); the action
rolls back \`previous\` to \`vm_uuids: all\`. **together**: every CVM finishes in the same
millisecond (the sandbox's default); **over ${run.spreadMs / 1000} s**: the i-th of n CVMs runs its update
${run.spreadMs / 1000}·i/(n−1) s longer, as CVMs on different hosts finish. The baseline redeploys and then reads
every CVM (\`GET /cvms/{id}\`) every 3 s until all are settled \`running\` on the target, like the
Terraform provider. Request figures count every request after the redeploy POST until exit:
**records per CVM** is the operation-record reads (\`GET /cvms/{id}/operations\`) per CVM in the
worst run, **state reads/s** everything else per second waited; in flight is estimated from arrival
times plus the fixed latency, **max in 1 s** is over any sliding second.

With every CVM finishing together, the records cannot all be read within a second. A record is
read once a state read has seen its CVM finished, up to one poll (about a second) after it
finished, half of that on average; that state read and the 100 records are 101 requests, and
with at most 25 starting in any sliding second the last of them starts at least four seconds
after the first, whatever the client. So 100 CVMs finishing together cannot end sooner than
about 4.5 s (median) after they finish; that size's lag target cannot be met with the request
limits, and the row shows how close the action comes. Spread over a few seconds, each record is
read as its CVM is seen finished.

${lagTable(run.lag)}

${run.throttled ? `### 429 while waiting\n\nThe sandbox answers the action's first operation-record read with 429 and \`Retry-After: ${run.throttled.retryAfterS}\`. The pause runs from the 429's answer to the next request the action sent (any request: they all wait); in flight is in the second after the pause.\n\n${throttledTable(run.throttled)}\n` : ''}
## Start-up

The action's first request (\`GET /apps/{id}/cvms\`, dry run) against a plain Node script that
sends the same request with the same headers using the global \`fetch\`, and \`node -e 0\`,
interleaved. Every clock starts when \`spawn()\` has returned; the request's arrival is the
sandbox's journal time. Before its first request the action loads only \`dist/index.js\`; the
chunks hold what some runs need later (the GitHub deployment record, the health check, the proxy
agents behind \`HTTPS_PROXY\`).

${run.startup ? startupTable(run.startup) : 'Not measured.'}

## Camunda \`previous\`

The action (\`node dist/index.js\`, \`provider: camunda\`, \`revision: previous\`, dry run) against
a **lightweight loopback fake** of the engine's deployment read endpoints (scripts/bench/camunda-fake.ts):
seeding the real engine with 10,000 deployments would take far longer than the benchmark. Every
history is one deployment name, newest first, each deployment a new version of invoice.bpmn:
**full** deployments carry all three resources, **changed-only** ones (deploy-changed-only) only the
one that changed. The target is a request count that stops growing with the history: no more at
the largest history than at the next smaller one (a history shorter than a page may cost less). The baseline
pages through the whole history 1,000 rows at a time, then compares contents newest first.
**unbounded queries** counts list queries without \`maxResults\`.

${run.camunda.length ? camundaTable(run.camunda) : 'Not measured.'}

## Qovery while waiting

Three rollbacks at once on one token, each waiting on a deployment that takes 30 minutes, against
Qovery's documented budget of 1,000 requests per hour per token. ${qoveryFactor ? `Time is simulated: the action runs in-process (the provider factory and the pipeline, as main.ts wires them) on a clock ${qoveryFactor}× faster than real time, every wait included, and each Qovery sandbox's deployment lasts 30 min / ${qoveryFactor} of real time, so 30 minutes pass on the action's clock in ${((30 * 60) / qoveryFactor).toFixed(0)} s. A real millisecond of request latency counts as ${qoveryFactor} ms on that clock, so the rates come out slightly lower than a real run's.` : ''} The three
environments sit behind one loopback front standing for the token: it counts all their requests
against one budget per hour of the scaled clock, answers \`X-RateLimit-Limit/Remaining/Reset\` from
that count and 429 beyond it. Rates are requests after the accepted deploy request until the
rollback ended, per hour of scaled time. Each request is counted for its own rollback, one
deploy request's status (\`GET /environment/deploymentStatus\`, no environment in its path) included.
**longest gap** is the longest wait between two requests of one rollback while waiting; **lag after
the end** is from the deployment's end (the sandbox's schedule) to the rollback's end. The baseline is the official CLI's \`deploy --watch\` loop
(\`GET …/statuses\` every 3 s, Qovery/qovery-cli \`utils/qovery.go\`).

${run.qovery.length ? qoveryTable(run.qovery) : 'Not measured.'}

## Targets

Reported, not asserted: the benchmark exits 0 whether or not they are met.

${targetsTable(run.targets)}

## Rerun

\`\`\`sh
npm run bench                 # everything; writes BENCHMARKS.md (about 10 minutes)
npm run bench -- --quick      # skips the SDK loop at 50k rows
npm run bench -- --smoke      # CI: 1k rows, 1 CVM, 1 run, small Camunda and fast Qovery; prints only
npm run bench -- --latency 50 --runs 9 --out /tmp/bench.md
\`\`\`
`;
}
