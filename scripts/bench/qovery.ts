/**
 * Qovery: requests per hour while waiting on a 30-minute deployment, three rollbacks at once on
 * one token, against Qovery's documented budget of 1,000 requests per hour per token.
 *
 * Half an hour is simulated on a scaled clock: the action's clock (its Deadline, hence every wait
 * and poll interval) runs `factor` times faster than real time, and each Qovery sandbox's
 * deployment lasts 30 min / factor of real time, so the deployment takes 30 minutes on the
 * action's clock. The action runs in-process through the provider factory and the pipeline, as
 * main.ts wires them, so the benchmark measures whatever the Qovery provider becomes. The three
 * environments sit behind one loopback front that stands for the token: it counts every request
 * of the three against one budget per hour of scaled time, answers the X-RateLimit-* headers
 * from that shared count (X-RateLimit-Reset a Unix time, as documented) and 429 beyond it.
 * The baseline is the official CLI's `--watch` loop (Qovery/qovery-cli utils/qovery.go,
 * WatchEnvironmentWithOptions): GET …/statuses every 3 s until a terminal state.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, Deadline, type Clock } from '../../src/clock.js';
import { getSettings } from '../../src/input-helper.js';
import { newProgress } from '../../src/pipeline/progress.js';
import { run as runPipeline } from '../../src/pipeline/run.js';
import { createProvider } from '../../src/providers/registry.js';
import { startQoverySandbox, stableUuid, type QoverySandbox } from '../../sandbox/qovery/index.js';

export const DEPLOYMENT_MS = 30 * 60_000;
export const BUDGET_PER_HOUR = 1000;
const HOUR_MS = 3_600_000;
const CLI_WATCH_MS = 3000;

export type QoveryClient = 'action' | 'CLI --watch loop';

export interface QoveryRollback {
  client: QoveryClient;
  environment: string;
  completed: boolean;
  error?: string;
  /** requests after the deploy request was accepted, to the end, and that span on the scaled clock */
  waitingRequests: number;
  waitingMs: number;
  /** every request of the run (resolution and trigger included) */
  requests: number;
  throttled: number;
  /** GET requests while waiting (each is one look at the deployment, or part of one) */
  polls: number;
  /** the longest span between two requests of this rollback while waiting, scaled clock */
  longestGapMs: number;
  /** the deployment ended (the sandbox's schedule) → this rollback ended, scaled clock */
  lagMs: number;
}

export interface QoveryResult {
  client: QoveryClient;
  factor: number;
  rollbacks: QoveryRollback[];
  /** all three together while waiting, per hour of scaled time */
  perHour: number;
  throttled: number;
}

/** A clock `factor` times faster than the system's, from `origin` on. */
export function scaledClock(factor: number, origin = Date.now()): Clock {
  return {
    now: () => origin + (Date.now() - origin) * factor,
    sleep: (ms, signal) => systemClock.sleep(ms / factor, signal),
    random: () => Math.random()
  };
}

/** Requests per hour over a span: what a token's budget is measured in. */
export function perHour(requests: number, spanMs: number): number {
  return spanMs <= 0 ? 0 : (requests * HOUR_MS) / spanMs;
}

interface Journal {
  environment: string;
  method: string;
  path: string;
  status: number;
  at: number;
}

/** One token's budget: a fixed window of an hour on `clock`, opened by its first request. */
export class TokenBudget {
  private windowStart?: number;
  private used = 0;
  constructor(
    private readonly clock: Clock,
    readonly limit = BUDGET_PER_HOUR
  ) {}

  take(): { allowed: boolean; headers: Record<string, string> } {
    const now = this.clock.now();
    if (this.windowStart === undefined || now - this.windowStart >= HOUR_MS) {
      this.windowStart = now;
      this.used = 0;
    }
    const allowed = this.used < this.limit;
    if (allowed) this.used++;
    return {
      allowed,
      headers: {
        'X-RateLimit-Limit': String(this.limit),
        'X-RateLimit-Remaining': String(this.limit - this.used),
        'X-RateLimit-Reset': String(Math.ceil((this.windowStart + HOUR_MS) / 1000))
      }
    };
  }
}

/**
 * The sandbox a request is for: the environment in its path, or, for one deploy request's status
 * (`GET /environment/deploymentStatus?deploymentRequestId=`, whose path names no environment),
 * the sandbox that accepted that request. Each request is counted for that environment.
 */
export function sandboxFor(sandboxes: ReadonlyMap<string, QoverySandbox>, url: string): QoverySandbox {
  const parsed = new URL(url, 'http://front');
  const requestId = parsed.searchParams.get('deploymentRequestId');
  if (parsed.pathname === '/environment/deploymentStatus' && requestId) {
    for (const sandbox of sandboxes.values()) if (sandbox.deploys.some((d) => d.requestId === requestId)) return sandbox;
  }
  const environment = /^\/environment\/([^/?]+)/.exec(parsed.pathname)?.[1] ?? '';
  return sandboxes.get(environment) ?? [...sandboxes.values()][0]!;
}

/** The shared front: routes /environment/{id}/… to that environment's sandbox, under one budget. */
async function startTokenFront(sandboxes: Map<string, QoverySandbox>, clock: Clock, journal: Journal[]): Promise<{ url: string; close(): Promise<void> }> {
  const budget = new TokenBudget(clock);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const sandbox = sandboxFor(sandboxes, req.url ?? '/');
    const environment = sandbox.scenario.environmentId;
    const entry: Journal = { environment, method: req.method ?? 'GET', path: (req.url ?? '').split('?')[0]!, status: 0, at: clock.now() };
    journal.push(entry);
    const { allowed, headers } = budget.take();
    if (!allowed) {
      entry.status = 429;
      res.writeHead(429, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 429, error: 'Too Many Requests', message: 'rate limit exceeded' }));
      return;
    }
    const target = new URL(req.url ?? '/', sandbox.url);
    const upstream = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      entry.status = answer.statusCode ?? 0;
      const out: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(answer.headers)) if (value !== undefined && !/^x-ratelimit-/i.test(key)) out[key] = value;
      res.writeHead(answer.statusCode ?? 502, { ...out, ...headers });
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}

export async function measureQovery(factor: number, log: (line: string) => void, clients: readonly QoveryClient[] = ['action', 'CLI --watch loop']): Promise<QoveryResult[]> {
  const results: QoveryResult[] = [];
  for (const client of clients) {
    const clock = scaledClock(factor);
    const sandboxes = new Map<string, QoverySandbox>();
    for (const i of [1, 2, 3]) {
      const environmentId = stableUuid(`bench-environment-${i}`);
      sandboxes.set(
        environmentId,
        await startQoverySandbox({
          environmentId,
          // The front keeps the token's budget; the sandboxes' own limits stay out of the way.
          rateLimit: { limit: 1_000_000, windowMs: HOUR_MS },
          deployment: { startLagMs: Math.ceil(1000 / factor), queuedMs: Math.ceil(30_000 / factor), durationMs: Math.round(DEPLOYMENT_MS / factor), outcome: 'success' }
        })
      );
    }
    const journal: Journal[] = [];
    const front = await startTokenFront(sandboxes, clock, journal);
    try {
      const runs = await Promise.all(
        [...sandboxes.values()].map(async (sandbox) => {
          const environment = sandbox.scenario.environmentId;
          const endedAt = await (client === 'action' ? actionRollback(front.url, sandbox, clock) : cliWatch(front.url, sandbox, clock)).then(
            () => ({ at: clock.now() }),
            (err: unknown) => ({ at: clock.now(), error: err instanceof Error ? err.message : String(err) })
          );
          const mine = journal.filter((j) => j.environment === environment && j.at <= endedAt.at);
          const accepted = mine.find((j) => j.method === 'POST' && j.status >= 200 && j.status < 300);
          const waiting = accepted ? mine.filter((j) => j.at > accepted.at) : [];
          const times = [accepted?.at ?? endedAt.at, ...waiting.map((j) => j.at)];
          const longestGapMs = Math.max(0, ...times.slice(1).map((at, i) => at - times[i]!));
          // The sandbox runs its schedule in real time from the accepted request; on the scaled clock that is `factor` times longer.
          const behaviour = sandbox.scenario.deployment;
          const finishedAt = accepted ? accepted.at + (behaviour.startLagMs + (behaviour.readyMs ?? 0) + behaviour.queuedMs + behaviour.durationMs) * factor : endedAt.at;
          const rollback: QoveryRollback = {
            client,
            environment,
            completed: !('error' in endedAt),
            waitingRequests: waiting.length,
            waitingMs: accepted ? endedAt.at - accepted.at : 0,
            requests: mine.length,
            throttled: mine.filter((j) => j.status === 429).length,
            polls: waiting.filter((j) => j.method === 'GET').length,
            longestGapMs,
            lagMs: Math.max(0, endedAt.at - finishedAt)
          };
          if ('error' in endedAt) rollback.error = endedAt.error;
          return rollback;
        })
      );
      const waitingMs = Math.max(...runs.map((r) => r.waitingMs));
      const result: QoveryResult = {
        client,
        factor,
        rollbacks: runs,
        perHour: perHour(
          runs.reduce((n, r) => n + r.waitingRequests, 0),
          waitingMs
        ),
        throttled: runs.reduce((n, r) => n + r.throttled, 0)
      };
      results.push(result);
      log(
        `  qovery ${client}: 3 rollbacks, ${runs.map((r) => `${r.waitingRequests} req in ${(r.waitingMs / 60_000).toFixed(1)} min (longest gap ${(r.longestGapMs / 1000).toFixed(0)} s, lag ${(r.lagMs / 1000).toFixed(1)} s)${r.completed ? '' : ` FAILED ${r.error}`}`).join('; ')}: ${result.perHour.toFixed(0)}/h together, ${result.throttled} × 429`
      );
    } finally {
      await front.close();
      await Promise.all([...sandboxes.values()].map((s) => s.close()));
    }
  }
  return results;
}

/** One rollback of `previous`, as main.ts runs it, on the scaled clock. */
async function actionRollback(url: string, sandbox: QoverySandbox, clock: Clock): Promise<void> {
  const t0 = clock.now();
  const inputs: Record<string, string> = {
    provider: 'qovery',
    api_url: url,
    api_key: sandbox.scenario.token,
    app_id: sandbox.scenario.environmentId,
    revision: 'previous',
    timeout: String((2 * DEPLOYMENT_MS) / 1000)
  };
  const settings = getSettings(
    (name) => inputs[name] ?? '',
    {},
    () => {}
  );
  const say = process.env.BENCH_QOVERY_LOG
    ? (line: string) => console.log(`[${sandbox.scenario.environmentId.slice(0, 6)} ${((clock.now() - t0) / 1000).toFixed(0)}s] ${line}`)
    : () => {};
  const quiet = { info: say, warning: say, debug: () => {} };
  const provider = await createProvider(settings, { deadline: new Deadline(clock, settings.timeoutSeconds * 1000), log: quiet, userAgent: 'rollback-action/bench' });
  try {
    const status = await runPipeline(settings, { provider, log: quiet, setOutput: () => {}, progress: newProgress() });
    if (status !== 'completed') throw new Error(`ended ${status}`);
  } finally {
    provider.dispose?.();
  }
}

/**
 * `qovery environment deploy --watch`: deploy, wait 3 s (the CLI's own pause, which outlasts the
 * status still showing the previous deployment), then the statuses every 3 s until terminal.
 */
async function cliWatch(url: string, sandbox: QoverySandbox, clock: Clock): Promise<void> {
  const environment = sandbox.scenario.environmentId;
  const headers = { Authorization: `Token ${sandbox.scenario.token}`, 'Content-Type': 'application/json' };
  const post = await fetch(`${url}/environment/${environment}/redeploy`, { method: 'POST', headers, body: '{}' });
  if (!post.ok) throw new Error(`redeploy: HTTP ${post.status}`);
  const terminal = /^(DEPLOYED|RESTARTED|DELETED|STOPPED|CANCELED)$|ERROR$/;
  for (;;) {
    await clock.sleep(CLI_WATCH_MS);
    const res = await fetch(`${url}/environment/${environment}/statuses`, { headers });
    if (!res.ok) continue;
    const body = (await res.json()) as { environment?: { last_deployment_state?: string } };
    if (terminal.test(body.environment?.last_deployment_state ?? '')) return;
  }
}
