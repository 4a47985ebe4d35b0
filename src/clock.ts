/** Time and randomness as arguments, so waiting and retry logic is testable without real sleeps. */
export interface Clock {
  now(): number;
  /**
   * Resolves after `ms`, or as soon as `signal` aborts. A wait that lost a race is aborted so its
   * timer does not hold the process open after the run is over.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    }),
  random: () => Math.random()
};

/** The single budget for the whole run (`timeout`): every wait and request draws from it. */
export class Deadline {
  readonly startedAt: number;
  readonly expiresAt: number;

  constructor(
    readonly clock: Clock,
    readonly totalMs: number
  ) {
    this.startedAt = clock.now();
    this.expiresAt = this.startedAt + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.clock.now());
  }

  expired(): boolean {
    return this.remainingMs() <= 0;
  }

  elapsedSeconds(): number {
    return Math.round((this.clock.now() - this.startedAt) / 1000);
  }

  /** Sleeps for `ms`, cut short at the deadline or when `signal` aborts. */
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    await this.clock.sleep(Math.min(ms, this.remainingMs()), signal);
  }
}

/** Full jitter around an interval: spreads polls of parallel runs without drifting far. */
export function jittered(clock: Clock, ms: number, spread = 0.25): number {
  return Math.round(ms * (1 - spread + 2 * spread * clock.random()));
}

/**
 * Poll spacing: quick at first (an update may be short), then settling at 5 s, so a ten-minute
 * wait costs about 120 requests, not 600.
 */
export function pollIntervalMs(round: number): number {
  return Math.min(5000, Math.round(1000 * 1.5 ** round));
}
