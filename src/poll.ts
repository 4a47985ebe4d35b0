import { jittered, pollIntervalMs, type Deadline } from './clock.js';

/**
 * Calls `check` until it returns a value, spacing rounds with jitter. When the deadline runs out
 * — between rounds or while a request of a round could not finish — it throws `onTimeout()`,
 * which knows what is still pending; never a bare "request timed out".
 */
export async function pollUntil<T>(deadline: Deadline, check: (round: number) => Promise<T | undefined>, onTimeout: () => Error): Promise<T> {
  for (let round = 0; ; round++) {
    let result: T | undefined;
    try {
      result = await check(round);
    } catch (error) {
      if (deadline.expired()) throw onTimeout();
      throw error;
    }
    if (result !== undefined) return result;
    if (deadline.expired()) throw onTimeout();
    await deadline.sleep(jittered(deadline.clock, pollIntervalMs(round)));
    if (deadline.expired()) throw onTimeout();
  }
}
