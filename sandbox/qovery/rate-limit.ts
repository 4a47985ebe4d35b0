/** Qovery's documented limit: requests per hour per token, reported in X-RateLimit-* headers; 429 beyond it. */
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
    const resetSeconds = Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.limit),
      'X-RateLimit-Remaining': String(Math.max(0, this.limit - this.used)),
      'X-RateLimit-Reset': String(resetSeconds)
    };
    if (over) headers['Retry-After'] = String(resetSeconds);
    return { over, headers };
  }
}
