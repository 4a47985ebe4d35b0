import type { IncomingHttpHeaders } from 'node:http';

/**
 * Qovery allows 1000 requests per hour per token and reports what is left in X-RateLimit-*
 * headers. Polls start quick (a deploy's first seconds matter), settle at 10 s, and stretch
 * further as the remaining budget falls, so a long wait never exhausts a token that other jobs
 * may share.
 */
export const FIRST_POLL_MS = 2000;
export const SETTLED_POLL_MS = 10_000;
const GROWTH = 1.25;
const MAX_STRETCHED_MS = 60_000;

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
  const reset = num('x-ratelimit-reset');
  if (limit === undefined && remaining === undefined) return previous;
  // Reset is either seconds until reset or a Unix time in seconds; the larger values are epochs.
  const resetAt = reset === undefined ? undefined : reset > 1_000_000_000 ? reset * 1000 : now + reset * 1000;
  return { limit: limit ?? previous.limit, remaining, resetAt };
}

/** Milliseconds to wait before poll `round` (0 = first poll after the trigger). */
export function pollDelayMs(round: number, budget: RateBudget, now: number): number {
  const base = Math.min(SETTLED_POLL_MS, Math.round(FIRST_POLL_MS * GROWTH ** round));
  const { limit, remaining, resetAt } = budget;
  if (remaining === undefined || !limit) return base;
  if (remaining <= 2 && resetAt !== undefined) return Math.max(base, resetAt - now);
  const share = remaining / limit;
  // Above half the budget, poll normally; below it, stretch in proportion to what is gone.
  if (share >= 0.5) return base;
  return Math.min(MAX_STRETCHED_MS, Math.max(base, Math.round(SETTLED_POLL_MS * (0.5 / Math.max(share, 0.01)))));
}
