import type { IncomingHttpHeaders } from 'node:http';
import { parseRateLimitReset } from '../../http/retry-policy.js';

/**
 * Qovery allows 1000 requests per hour per token and reports what is left in X-RateLimit-*
 * headers, X-RateLimit-Reset a Unix time (Qovery/documentation docs/api-reference/introduction.mdx,
 * "Rate Limits"; the sandbox and PLATFORMS.md follow it). Several rollbacks, or other jobs, may
 * share one token, and each sees only those headers. So a rollback paces its polls from them:
 *
 * - The token may spend what is left evenly until the reset, and never faster than the documented
 *   hourly rate, with a margin for consumers that do not pace: `allowance = MARGIN ×
 *   min(remaining / (reset − now), limit / hour)`, all consumers together.
 * - It shares that allowance with the consumers it cannot see: they show up as `remaining` falling
 *   faster than its own requests. Over the last few minutes, the token's drop per request of its
 *   own estimates how many consumers poll alongside it (three rollbacks at one pace: 3), and its
 *   rate is `allowance / consumers`, plus a small bump that is the same for all (FAIRNESS_PULL).
 *   Consumers following this rule see the same remaining, reset and allowance; the bump pulls
 *   their rates together, so they settle on one interval and split the budget evenly.
 * - The interval never exceeds MAX_GAP_MS while more than a small reserve is left, so no rollback
 *   learns of its outcome more than a minute late. Only when the reserve is reached does a poll
 *   wait for the reset (a log line says so); the reserve keeps the reads that prove the result.
 * - Quick start: the first polls after a deploy request come 2 s apart, growing to 10 s, since a
 *   deployment's first seconds (queued, started, failed at once) matter; they spend a handful of
 *   requests and are skipped only when the budget is already tight.
 */
export const FIRST_POLL_MS = 2000;
export const SETTLED_POLL_MS = 10_000;
/** The longest wait between two polls while the token has more than its reserve left. */
export const MAX_GAP_MS = 60_000;
/** The share of the even spread the pacing consumers aim for; the rest is left to consumers that do not pace. */
export const MARGIN = 0.7;
/** How far back the token's drop is compared with this rollback's own requests. */
export const ESTIMATE_WINDOW_MS = 180_000;
/**
 * The common bump, as a share of the allowance. A rollback that polls faster than the others
 * counts fewer consumers and, from the count alone, would keep its lead; the bump, the same for
 * all, shrinks the differences by about this share at each poll. Consumers together then spend
 * `1 + consumers × FAIRNESS_PULL` of the allowance: three rollbacks 0.7 × 1.24 of the even spread,
 * ten 0.7 × 1.8 (more than even, but a share of what is left always leaves some until the reset).
 */
export const FAIRNESS_PULL = 0.08;
const GROWTH = 1.25;
/** Qovery's documented window. */
const HOUR_MS = 3_600_000;
/** Past the reset time, a poll waits a little longer so it lands in the new window. */
const RESET_MARGIN_MS = 1000;

export interface RateBudget {
  limit?: number;
  remaining?: number;
  /** When the budget resets (ms since epoch, runner clock), if the server said. */
  resetAt?: number;
}

export function readRateBudget(headers: IncomingHttpHeaders, now: number, previous: RateBudget = {}): RateBudget {
  const num = (name: string): number | undefined => {
    const raw = headers[name];
    const text = Array.isArray(raw) ? raw[0] : raw;
    return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
  };
  const limit = num('x-ratelimit-limit');
  const remaining = num('x-ratelimit-remaining');
  if (limit === undefined && remaining === undefined) return previous;
  const untilReset = parseRateLimitReset(headers['x-ratelimit-reset'], now);
  return { limit: limit ?? previous.limit, remaining, resetAt: untilReset === undefined ? undefined : now + untilReset };
}

/** The quick-start schedule: 2 s, growing by a quarter each round, settling at 10 s. */
export function baseDelayMs(round: number): number {
  return Math.min(SETTLED_POLL_MS, Math.round(FIRST_POLL_MS * GROWTH ** round));
}

export interface PollDelay {
  ms: number;
  /** why the wait is longer than the quick-start schedule, for the log; absent when it is not */
  reason?: 'sharing' | 'reset';
  /** consumers of the token this rollback counts itself among */
  consumers: number;
}

interface Sample {
  at: number;
  remaining: number;
  resetAt?: number;
}

/**
 * One rollback's view of its token: every answer's X-RateLimit-* headers, in order, within the
 * current window. Each answer is one request of this rollback's own.
 */
export class TokenPace {
  private samples: Sample[] = [];

  /** Records one answer's budget (after each request of this rollback). */
  observe(budget: RateBudget, now: number): void {
    const { remaining, resetAt } = budget;
    if (remaining === undefined) return;
    const last = this.samples.at(-1);
    // A new window (the reset moved on, or more is left than before): the old drop says nothing now.
    const newWindow = last && (remaining > last.remaining || (resetAt !== undefined && last.resetAt !== undefined && Math.abs(resetAt - last.resetAt) > 2000));
    if (newWindow) this.samples = [];
    this.samples.push({ at: now, remaining, ...(resetAt !== undefined ? { resetAt } : {}) });
    // Keep the window's span, and at least the last two answers.
    while (this.samples.length > 2 && now - this.samples[0]!.at > ESTIMATE_WINDOW_MS) this.samples.shift();
  }

  /**
   * Consumers polling the token, this rollback included: the token's drop per request of its own
   * over the estimate window (at least 1).
   */
  consumers(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || this.samples.length < 2) return 1;
    return Math.max(1, (first.remaining - last.remaining) / (this.samples.length - 1));
  }

  /** Requests kept back for the reads that prove the result: two, and one for each consumer. */
  reserve(): number {
    return 2 + Math.ceil(this.consumers());
  }

  /** Milliseconds to wait before poll `round` (0 = first poll after the trigger), and why. */
  delay(round: number, limit: number | undefined, now: number): PollDelay {
    const base = baseDelayMs(round);
    const last = this.samples.at(-1);
    const consumers = this.consumers();
    if (!last || !limit || last.resetAt === undefined || last.resetAt <= now) return { ms: base, consumers };
    const untilReset = last.resetAt - now;
    if (last.remaining <= this.reserve()) return { ms: Math.max(base, untilReset + RESET_MARGIN_MS), reason: 'reset', consumers };
    const allowance = MARGIN * Math.min(last.remaining / untilReset, limit / HOUR_MS);
    const share = Math.round(1 / (allowance / consumers + FAIRNESS_PULL * allowance));
    // The quick start spends a handful of requests; it gives way only when the share is already past the gap bound.
    if (base < SETTLED_POLL_MS && share <= MAX_GAP_MS) return { ms: base, consumers };
    const ms = Math.min(MAX_GAP_MS, Math.max(SETTLED_POLL_MS, share));
    return ms > SETTLED_POLL_MS ? { ms, reason: 'sharing', consumers } : { ms, consumers };
  }
}
