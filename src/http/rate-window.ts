import type { Clock } from '../clock.js';

/**
 * At most `limit` requests in any `windowMs` (a sliding window): waiting may be brisk around the
 * expected transitions, but never a burst that gets the key rate-limited mid-incident.
 */
export class RateWindow {
  private readonly sent: number[] = [];

  constructor(
    private readonly clock: Clock,
    readonly limit: number,
    readonly windowMs = 1000
  ) {}

  private prune(): void {
    const now = this.clock.now();
    while (this.sent.length > 0 && now - this.sent[0]! >= this.windowMs) this.sent.shift();
  }

  /** Requests that may go out right now without waiting. */
  available(): number {
    this.prune();
    return Math.max(0, this.limit - this.sent.length);
  }

  /** Waits until one more request fits, then counts it. */
  async take(): Promise<void> {
    for (;;) {
      this.prune();
      if (this.sent.length < this.limit) {
        this.sent.push(this.clock.now());
        return;
      }
      await this.clock.sleep(this.windowMs - (this.clock.now() - this.sent[0]!) + 1);
    }
  }
}
