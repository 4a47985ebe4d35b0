/**
 * Qovery's documented limit (Qovery/documentation docs/api-reference/introduction.mdx, "Rate
 * Limits"): 1000 requests per hour per API token; every response carries X-RateLimit-Limit,
 * X-RateLimit-Remaining and X-RateLimit-Reset, the last a Unix timestamp; beyond the limit the
 * answer is 429. The page documents no Retry-After, so the sandbox sends none.
 */
export class RateLimiter {
  private windowStart: number;
  private used = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    now: number
  ) {
    this.windowStart = now;
  }

  /** Counts one request; returns the headers to send and whether it is over the limit. */
  take(now: number): { over: boolean; headers: Record<string, string> } {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used++;
    const over = this.used > this.limit;
    return { over, headers: rateHeaders(this.limit, Math.max(0, this.limit - this.used), this.windowStart + this.windowMs) };
  }
}

/** The three documented headers; the reset time in whole Unix seconds, rounded up so it is never early. */
export function rateHeaders(limit: number, remaining: number, resetAtMs: number): Record<string, string> {
  return { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': String(Math.ceil(resetAtMs / 1000)) };
}
