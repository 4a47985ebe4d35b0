import type { Clock, Deadline } from '../clock.js';
import { askedWaitMs } from './retry-policy.js';

/**
 * At most `limit` requests in any `windowMs` (a sliding window, so a burst straddling a second
 * boundary is not allowed twice the limit). A request counts from when it is sent until
 * `windowMs` after its answer came back: the server sees it arrive somewhere in between, so
 * requests spaced this way arrive spaced too, however the network delays each one.
 */
export class RateWindow {
  /** ms when each counted request's answer came back; undefined while it is open */
  private readonly entries: Array<{ doneAt?: number }> = [];

  constructor(
    private readonly clock: Clock,
    readonly limit: number,
    readonly windowMs = 1000
  ) {}

  private prune(): void {
    const now = this.clock.now();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const doneAt = this.entries[i]!.doneAt;
      if (doneAt !== undefined && now - doneAt >= this.windowMs) this.entries.splice(i, 1);
    }
  }

  /** Requests that may go out right now without waiting. */
  available(): number {
    this.prune();
    return Math.max(0, this.limit - this.entries.length);
  }

  /** How long until one more request fits: 0 now, Infinity until an open request is answered. */
  waitMs(): number {
    this.prune();
    const excess = this.entries.length - this.limit + 1;
    if (excess <= 0) return 0;
    const done = this.entries.flatMap((entry) => (entry.doneAt === undefined ? [] : [entry.doneAt])).sort((a, b) => a - b);
    return done.length < excess ? Infinity : done[excess - 1]! + this.windowMs - this.clock.now();
  }

  /** Counts a request sent now (the caller checked `waitMs()` first); call the result when it is answered. */
  begin(): () => void {
    const entry: { doneAt?: number } = {};
    this.entries.push(entry);
    return () => {
      entry.doneAt ??= this.clock.now();
    };
  }

  /** Waits until one more request fits, then counts it as sent and answered at once. */
  async take(): Promise<void> {
    for (let wait = this.waitMs(); wait > 0; wait = this.waitMs()) await this.clock.sleep(wait);
    this.begin()();
  }
}

export interface PacerLimits {
  /** requests open at once, before any throttling */
  maxInFlight: number;
  /** requests started in any one second */
  maxPerSecond: number;
}

/**
 * Paces the requests of a long wait against an API that publishes no rate limit: a bound on the
 * requests open at once and on those started in any second, and, when the API answers 429, a
 * pause for as long as it asks and half as many requests open at once from then on (growing back
 * by one after every few answers that were not throttled). Requests go out in the order asked.
 */
export class RequestPacer {
  private readonly window: RateWindow;
  private open = 0;
  private limit: number;
  private pausedUntil = 0;
  private calmAnswers = 0;
  private readonly queue: Array<(answered: (() => void) | undefined) => void> = [];
  private sleeping = false;
  private closed = false;
  private readonly stop = new AbortController();

  /** Answers in a row without a 429 before one more request may be open again. */
  static readonly REGROW_AFTER = 10;

  constructor(
    private readonly deadline: Deadline,
    readonly limits: PacerLimits
  ) {
    this.window = new RateWindow(deadline.clock, limits.maxPerSecond);
    this.limit = limits.maxInFlight;
  }

  /** Requests that may be open at once now. */
  get inFlightLimit(): number {
    return this.limit;
  }

  /**
   * Runs `send` when the limits allow, after those already waiting unless `first` (a read that
   * everything else depends on). Past the deadline it runs at once, so the caller meets the timeout.
   */
  async run<T>(send: () => Promise<T>, first = false): Promise<T> {
    const answered = await new Promise<(() => void) | undefined>((resolve) => {
      if (this.closed) return resolve(undefined);
      if (first) this.queue.unshift(resolve);
      else this.queue.push(resolve);
      this.pump();
    });
    if (!answered) throw new PacerClosedError();
    try {
      return await send();
    } finally {
      answered();
      this.open--;
      this.pump();
    }
  }

  /**
   * The wait is over (done or failed): requests still waiting are never sent (their callers get
   * PacerClosedError), and no timer of the pacer holds the process open.
   */
  close(): void {
    this.closed = true;
    this.stop.abort();
    for (const waiting of this.queue.splice(0)) waiting(undefined);
  }

  /** The API said 429: wait `waitMs` before the next request, and halve the requests open at once. */
  throttled(waitMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.deadline.clock.now() + waitMs);
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.calmAnswers = 0;
  }

  /** An answer that was not a 429: after enough of them, one more request may be open. */
  answered(): void {
    if (this.limit >= this.limits.maxInFlight || ++this.calmAnswers < RequestPacer.REGROW_AFTER) return;
    this.limit++;
    this.calmAnswers = 0;
    this.pump();
  }

  /** Sends whatever may go now; sleeps (one timer at a time) when only time can open a slot. */
  private pump(): void {
    if (this.sleeping) return;
    while (this.queue.length > 0 && !this.closed) {
      if (!this.deadline.expired()) {
        const wait = Math.max(this.pausedUntil - this.deadline.clock.now(), this.window.waitMs());
        // Full, or the window waits on an open request: the one that ends pumps again.
        if (this.open >= this.limit || wait === Infinity) return;
        if (wait > 0) {
          this.sleeping = true;
          void this.deadline.sleep(wait, this.stop.signal).then(() => {
            this.sleeping = false;
            this.pump();
          });
          return;
        }
      }
      this.open++;
      this.queue.shift()!(this.window.begin());
    }
  }
}

export class PacerClosedError extends Error {
  constructor() {
    super('the wait ended before this request was sent');
  }
}

/** Bounds for a server's own wait: 0 or a past time never means "hammer", a huge one never "wait an hour". */
export const MIN_THROTTLE_WAIT_MS = 1000;
export const MAX_THROTTLE_WAIT_MS = 60_000;

/**
 * How long a 429 asks to wait: `Retry-After` (seconds or an HTTP date), else `X-RateLimit-Reset`
 * (a Unix time in seconds, as Qovery documents it; a small number is read as seconds from now,
 * as other APIs send it), else `fallbackMs`. Bounded to 1–60 s.
 */
export function throttleWaitMs(headers: Record<string, string | string[] | undefined>, now: number, fallbackMs: number): number {
  const asked = askedWaitMs(429, headers, now);
  return Math.min(MAX_THROTTLE_WAIT_MS, Math.max(MIN_THROTTLE_WAIT_MS, asked ?? fallbackMs));
}
