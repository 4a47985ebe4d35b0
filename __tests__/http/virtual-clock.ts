import type { Clock } from '../../src/clock.js';

/**
 * Time that moves only when every task is waiting on it: each sleeper is woken in order of its
 * wake-up time, after all pending promise callbacks have run. Concurrent code (several requests
 * open, a loop sleeping meanwhile) then runs exactly as on a real clock, without real waits.
 */
export class VirtualClock implements Clock {
  t = Date.parse('2026-12-07T10:00:00Z');
  private timers: Array<{ at: number; seq: number; wake: () => void }> = [];
  private seq = 0;

  now = (): number => this.t;
  random = (): number => 0.5;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, wake: resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((other) => other !== timer);
          resolve();
        },
        { once: true }
      );
    });

  /** Drives time forward until `work` settles; throws if it waits with no timer left (a hang). */
  async run<T>(work: Promise<T>, maxMs = 3_600_000): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true)
    );
    const until = this.t + maxMs;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return work;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('waiting with nothing scheduled: it would hang');
      if (next.at > until) throw new Error(`still running after ${maxMs} ms of virtual time`);
      this.t = Math.max(this.t, next.at);
      next.wake();
    }
  }
}
