import { describe, expect, it } from '@jest/globals';
import type { Clock } from '../../src/clock.js';
import { RateWindow } from '../../src/http/rate-window.js';

function fakeClock(): Clock & { t: number } {
  const clock = { t: 0, now: () => clock.t, sleep: async (ms: number) => void (clock.t += Math.max(0, ms)), random: () => 0.5 };
  return clock;
}

describe('RateWindow', () => {
  it('lets at most `limit` requests through in any window, waiting for the rest', async () => {
    const clock = fakeClock();
    const window = new RateWindow(clock, 5, 1000);
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      await window.take();
      times.push(clock.t);
    }
    for (let i = 5; i < times.length; i++) expect(times[i]! - times[i - 5]!).toBeGreaterThanOrEqual(1000);
  });

  it('says how many may go out now', async () => {
    const clock = fakeClock();
    const window = new RateWindow(clock, 3, 1000);
    await window.take();
    expect(window.available()).toBe(2);
    clock.t += 1000;
    expect(window.available()).toBe(3);
  });
});
