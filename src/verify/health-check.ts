import * as http from 'node:http';
import * as https from 'node:https';
import { jittered, type Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { safeHealthUrl, type HealthStatusMatcher } from './health-status.js';

export interface HealthCheckOptions {
  url: string;
  matcher: HealthStatusMatcher;
  timeoutSeconds: number;
  clock: Clock;
  log: Logger;
  /** Expected answers in a row before the app counts as healthy (default 3). */
  requiredSuccesses?: number;
  /** Pause between polls, jittered ±25% (default 2000). */
  intervalMs?: number;
  /** Cap on one poll, redirects included (default 10000); never beyond the remaining budget. */
  requestTimeoutMs?: number;
  userAgent: string;
  /** The budget is the run's last: no poll runs past it, not even by the usual 1 s grace. */
  strictBudget?: boolean;
  /** Cancels the check; it then returns 'unhealthy' with lastError 'cancelled'. */
  signal?: AbortSignal;
}

export interface HealthResult {
  health: 'healthy' | 'unhealthy';
  attempts: number;
  /** The streak of expected answers when the check ended. */
  consecutive: number;
  lastStatus?: number;
  /** Why the last poll got no answer (e.g. 'ECONNREFUSED', 'request timed out after 10000 ms'). */
  lastError?: string;
  /** Start of the last answer's body, whitespace collapsed, at most 200 characters. */
  lastBody?: string;
  elapsedMs: number;
}

const MAX_KEPT_BODY_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;
/** A poll started just before the deadline still gets this long, which keeps the end within timeout + 5 s. */
const MIN_REQUEST_MS = 1000;

/** One poll's answer: a status (with the start of its body), or why there was none. */
export interface PollAnswer {
  status?: number;
  error?: string;
  /** Set with `error` when the app could not be reached at all: DNS, refused, TLS, reset, timeout. */
  unreachable?: string;
  body?: string;
  /** The body's first non-empty line, at most 200 characters (what a person reads first). */
  firstLine?: string;
  latencyMs: number;
}

/**
 * Polls the app's health URL after the platform reports the rollback done, until it answers
 * as expected `requiredSuccesses` times in a row (a miss resets the streak) or the budget runs
 * out. Never sends credentials: this is the app's origin, not the platform's.
 */
export async function checkHealth(options: HealthCheckOptions): Promise<HealthResult> {
  const { clock, log, matcher, signal } = options;
  const required = Math.max(1, options.requiredSuccesses ?? 3);
  const intervalMs = options.intervalMs ?? 2000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const startedAt = clock.now();
  const expiresAt = startedAt + options.timeoutSeconds * 1000;
  const shown = safeHealthUrl(options.url);

  let attempts = 0;
  let consecutive = 0;
  let last: PollAnswer = { latencyMs: 0 };
  let lastState = '';
  const result = (health: HealthResult['health'], cancelled = false): HealthResult => {
    const out: HealthResult = { health, attempts, consecutive, elapsedMs: clock.now() - startedAt };
    if (last.status !== undefined) out.lastStatus = last.status;
    const lastError = cancelled ? 'cancelled' : last.error;
    if (lastError !== undefined) out.lastError = lastError;
    if (last.body) out.lastBody = last.body;
    return out;
  };

  log.info(`Checking ${shown}: expecting status ${matcher.description} ${required} time${required === 1 ? '' : 's'} in a row within ${budget(options.timeoutSeconds)}.`);
  for (;;) {
    if (signal?.aborted) return result('unhealthy', true);
    const remaining = expiresAt - clock.now();
    if (remaining <= 0) break;
    attempts++;
    last = await poll(options.url, options.userAgent, Math.min(requestTimeoutMs, options.strictBudget ? remaining : Math.max(remaining, MIN_REQUEST_MS)), signal);
    const ok = last.status !== undefined && matcher.matches(last.status);
    consecutive = ok ? consecutive + 1 : 0;

    const state = ok ? 'ok' : last.status !== undefined ? `status ${last.status}` : `error ${last.error ?? 'unknown'}`;
    log.debug(`${shown} poll ${attempts}: ${state} (streak ${consecutive}/${required}).`);
    if (state !== lastState) {
      lastState = state;
      log.info(`${shown} ${describePoll(last, ok, matcher)} (poll ${attempts}, after ${seconds(clock.now() - startedAt)}).`);
    }
    if (consecutive >= required) {
      log.info(
        `${shown} is healthy: ${required} expected answer${required === 1 ? '' : 's'} in a row after ${attempts} poll${attempts === 1 ? '' : 's'} (${seconds(clock.now() - startedAt)}).`
      );
      return result('healthy');
    }

    const pauseMs = Math.min(jittered(clock, intervalMs), expiresAt - clock.now());
    if (pauseMs <= 0) break;
    if (signal?.aborted) return result('unhealthy', true);
    await sleepUnlessAborted(clock, pauseMs, signal);
  }
  const outcome = result('unhealthy');
  const lastSeen = last.status !== undefined ? `last status ${last.status}` : `last error ${last.error ?? 'none'}`;
  // Info, not a warning: the caller decides whether an unhealthy app fails the run.
  log.info(`${shown} is unhealthy: no ${required} answers with status ${matcher.description} in a row within ${budget(options.timeoutSeconds)} (${attempts} polls, ${lastSeen}).`);
  return outcome;
}

function sleepUnlessAborted(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return clock.sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void clock.sleep(ms).then(done);
  });
}

function describePoll(answer: PollAnswer, ok: boolean, matcher: HealthStatusMatcher): string {
  if (ok) return `answers ${answer.status}, as expected`;
  if (answer.status !== undefined) {
    const body = answer.body ? `: "${answer.body}"` : '';
    return `answers ${answer.status}, expected ${matcher.description}${body}`;
  }
  return `gives no answer (${answer.error ?? 'unknown error'})`;
}

/** Whole seconds as given ("10s"); a budget cut to what the run has left, to a tenth. */
function budget(timeoutSeconds: number): string {
  return Number.isInteger(timeoutSeconds) ? `${timeoutSeconds}s` : `${timeoutSeconds.toFixed(1)}s`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * One poll, following same-origin redirects; a redirect elsewhere is judged by its own status.
 * Shared by the check after the rollback and the probes before it, so both judge alike.
 */
export async function poll(url: string, userAgent: string, limitMs: number, signal?: AbortSignal): Promise<PollAnswer> {
  const startedAt = Date.now();
  const answered = (answer: Omit<PollAnswer, 'latencyMs'>): PollAnswer => ({ ...answer, latencyMs: Date.now() - startedAt });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`request timed out after ${limitMs} ms`)), limitMs);
  const onAbort = (): void => controller.abort(new Error('cancelled'));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      const answer = await get(target, userAgent, controller.signal);
      const location = answer.location;
      const done = (): PollAnswer => answered({ status: answer.status, body: excerpt(answer.body), firstLine: firstLine(answer.body) });
      if (answer.status < 300 || answer.status >= 400 || !location || hop >= MAX_REDIRECTS) return done();
      const next = new URL(location, target);
      if (next.origin !== target.origin) return done();
      target = next;
    }
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof Error) {
      const reason = controller.signal.reason.message;
      return answered(reason === 'cancelled' ? { error: reason } : { error: reason, unreachable: `no answer: ${reason}` });
    }
    const code = describeError(error);
    return answered({ error: code, unreachable: unreachable(code) });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

interface RawAnswer {
  status: number;
  location?: string;
  body: string;
}

function get(url: URL, userAgent: string, signal: AbortSignal): Promise<RawAnswer> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<RawAnswer>((resolve, reject) => {
    // agent: false – a fresh connection per poll, closed after, so nothing is left holding the process.
    const req = transport.request(url, { method: 'GET', headers: { 'User-Agent': userAgent, Accept: '*/*' }, agent: false, signal }, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const finish = (): void => {
        const answer: RawAnswer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
        const location = res.headers.location;
        if (location) answer.location = location;
        resolve(answer);
      };
      res.on('data', (chunk: Buffer) => {
        if (kept >= MAX_KEPT_BODY_BYTES) return;
        const slice = chunk.subarray(0, MAX_KEPT_BODY_BYTES - kept);
        chunks.push(slice);
        kept += slice.length;
        // Enough for the message; an endless body must not hold the poll until its timeout.
        if (kept >= MAX_KEPT_BODY_BYTES) {
          finish();
          res.destroy();
        }
      });
      res.on('end', finish);
      res.on('error', (error) => (kept >= MAX_KEPT_BODY_BYTES ? undefined : reject(error)));
      // After 'end' or the early finish this is a no-op; otherwise the body was cut off.
      res.on('close', () => reject(new Error('connection closed before the body ended')));
    });
    req.on('error', reject);
    req.end();
  });
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

/** What kind of unreachable an error code means, in words the summary can show. */
export function unreachable(code: string): string {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return `DNS lookup failed (${code})`;
  if (code === 'ECONNREFUSED') return `connection refused (${code})`;
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'connection closed before the body ended') return `connection reset (${code})`;
  if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return `network unreachable (${code})`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO|HOSTNAME_MISMATCH|ALTNAME/i.test(code)) return `TLS failed (${code})`;
  return `unreachable (${code})`;
}

function firstLine(text: string, max = 200): string {
  // Every break a runner, browser or editor honours (as report/safe-text.ts counts them), so only one line is kept.
  const line = text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/).find((candidate) => candidate.trim() !== '') ?? '';
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
