import { describe, expect, it } from '@jest/globals';
import { Deadline, type Clock } from '../../src/clock.js';
import { PacerClosedError, RateWindow, RequestPacer, throttleWaitMs } from '../../src/http/rate-window.js';
import { VirtualClock } from './virtual-clock.js';

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

  it('counts an open request until a window after its answer, so arrivals are spaced however late each one lands', () => {
    const clock = fakeClock();
    const window = new RateWindow(clock, 1, 1000);
    const answered = window.begin();
    clock.t += 5000;
    expect(window.waitMs()).toBe(Infinity);
    answered();
    clock.t += 400;
    expect(window.waitMs()).toBe(600);
  });
});

/** Runs `n` requests of `latencyMs` through the pacer and journals when each started and ended. */
async function drive(clock: VirtualClock, pacer: RequestPacer, n: number, latencyMs: number, answer: (i: number) => number = () => 200) {
  const journal: Array<{ start: number; end: number; status: number; afterThrottle: boolean }> = [];
  let throttled = false;
  await clock.run(
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        pacer.run(async () => {
          const start = clock.now();
          const afterThrottle = throttled;
          await clock.sleep(latencyMs);
          const status = answer(i);
          journal.push({ start, end: clock.now(), status, afterThrottle });
          if (status === 429) {
            throttled = true;
            pacer.throttled(2000);
          } else pacer.answered();
        })
      )
    )
  );
  return journal;
}

const mostOpen = (journal: Array<{ start: number; end: number }>) => Math.max(...journal.map((a) => journal.filter((b) => b.start <= a.start && b.end > a.start).length));
const mostInASecond = (journal: Array<{ start: number }>) => Math.max(...journal.map((a) => journal.filter((b) => b.start >= a.start && b.start < a.start + 1000).length));

describe('RequestPacer', () => {
  it('keeps at most 8 requests open and starts at most 25 in any second', async () => {
    const clock = new VirtualClock();
    const pacer = new RequestPacer(new Deadline(clock, 600_000), { maxInFlight: 8, maxPerSecond: 25 });
    const journal = await drive(clock, pacer, 100, 25);
    expect(journal).toHaveLength(100);
    expect(mostOpen(journal)).toBe(8);
    expect(mostInASecond(journal)).toBe(25);
    // …and no slower than those limits make it: four windows for a hundred.
    expect(Math.max(...journal.map((j) => j.end)) - Math.min(...journal.map((j) => j.start))).toBeLessThan(3 * 1000 + 4 * 100);
  });

  it('after a 429 pauses every request for the wait asked, and halves the requests open at once', async () => {
    const clock = new VirtualClock();
    const pacer = new RequestPacer(new Deadline(clock, 600_000), { maxInFlight: 8, maxPerSecond: 25 });
    const journal = await drive(clock, pacer, 40, 25, (i) => (i === 3 ? 429 : 200));
    const throttledAt = journal.find((j) => j.status === 429)!.end;
    const after = journal.filter((j) => j.afterThrottle);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...after.map((j) => j.start)) - throttledAt).toBeGreaterThanOrEqual(2000);
    const resumedAt = Math.min(...after.map((j) => j.start));
    expect(after.filter((j) => j.start === resumedAt)).toHaveLength(4);
    expect(mostOpen(after)).toBeLessThanOrEqual(8);
  });

  it('grows back by one open request after ten answers without a 429', async () => {
    const clock = new VirtualClock();
    const pacer = new RequestPacer(new Deadline(clock, 600_000), { maxInFlight: 8, maxPerSecond: 25 });
    pacer.throttled(0);
    expect(pacer.inFlightLimit).toBe(4);
    for (let i = 0; i < 10; i++) pacer.answered();
    expect(pacer.inFlightLimit).toBe(5);
  });

  it('lets requests go at the deadline, so the caller times out rather than hangs', async () => {
    const clock = new VirtualClock();
    const pacer = new RequestPacer(new Deadline(clock, 5000), { maxInFlight: 8, maxPerSecond: 25 });
    pacer.throttled(60_000);
    const started = clock.now();
    const journal = await drive(clock, pacer, 3, 25);
    expect(journal).toHaveLength(3);
    expect(Math.max(...journal.map((j) => j.start)) - started).toBe(5000);
  });
});

describe('RequestPacer.close', () => {
  it('sends nothing more once the wait is over: requests still waiting fail with PacerClosedError', async () => {
    const clock = new VirtualClock();
    const pacer = new RequestPacer(new Deadline(clock, 600_000), { maxInFlight: 1, maxPerSecond: 25 });
    const sent: number[] = [];
    const runs = [0, 1, 2].map((i) =>
      pacer.run(async () => {
        sent.push(i);
        await clock.sleep(25);
      })
    );
    const settled = Promise.allSettled(runs);
    await new Promise((resolve) => setImmediate(resolve));
    pacer.close();
    const results = await clock.run(settled);
    expect(sent).toEqual([0]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(PacerClosedError);
    await expect(pacer.run(async () => sent.push(9))).rejects.toBeInstanceOf(PacerClosedError);
  });
});

describe('throttleWaitMs', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  it('honours Retry-After in seconds or as an HTTP date', () => {
    expect(throttleWaitMs({ 'retry-after': '7' }, now, 2000)).toBe(7000);
    expect(throttleWaitMs({ 'retry-after': new Date(now + 9000).toUTCString() }, now, 2000)).toBe(9000);
  });
  it('else X-RateLimit-Reset, as a Unix time or as seconds from now', () => {
    expect(throttleWaitMs({ 'x-ratelimit-reset': String(now / 1000 + 12) }, now, 2000)).toBe(12_000);
    expect(throttleWaitMs({ 'x-ratelimit-reset': '3' }, now, 2000)).toBe(3000);
  });
  it('else the fallback; always within 1–60 s', () => {
    expect(throttleWaitMs({}, now, 2000)).toBe(2000);
    expect(throttleWaitMs({ 'retry-after': '0' }, now, 2000)).toBe(1000);
    expect(throttleWaitMs({ 'retry-after': '999999' }, now, 2000)).toBe(60_000);
  });
});
