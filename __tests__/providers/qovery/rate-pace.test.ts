import { describe, expect, it } from '@jest/globals';
import { Deadline } from '../../../src/clock.js';
import type { QoveryContext } from '../../../src/providers/qovery/context.js';
import { pollDelay } from '../../../src/providers/qovery/poll-delay.js';
import type { QoveryApi } from '../../../src/providers/qovery/qovery-api.js';
import { baseDelayMs, FIRST_POLL_MS, MAX_GAP_MS, readRateBudget, SETTLED_POLL_MS, TokenPace, type RateBudget } from '../../../src/providers/qovery/rate-pace.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-07T10:00:00Z');

/**
 * A token's budget as Qovery counts it (Qovery/documentation docs/api-reference/introduction.mdx): 1000 an
 * hour, in a window opened by the first request, X-RateLimit-Reset a Unix time, 429 beyond.
 */
class Token {
  private windowStart?: number;
  used = 0;
  throttled = 0;
  constructor(readonly limit = 1000) {}
  take(now: number): RateBudget {
    if (this.windowStart === undefined || now - this.windowStart >= HOUR) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used < this.limit) this.used++;
    else this.throttled++;
    const headers = {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(this.limit - this.used),
      'x-ratelimit-reset': String(Math.ceil((this.windowStart + HOUR) / 1000))
    };
    return readRateBudget(headers, now);
  }
}

interface Rollback {
  /** when it sends its deploy request, after `resolution` reads */
  startAt: number;
  /** when its deployment ends: it polls until the first poll at or after this */
  doneAt: number;
  resolution: number;
}

/**
 * Rollbacks polling one token on one injected clock (events in time order, no real waiting). Each
 * sees only the headers of its own answers, as in the action.
 */
function share(token: Token, rollbacks: Rollback[]) {
  const runs = rollbacks.map((r) => ({ ...r, pace: new TokenPace(), round: -1, nextAt: r.startAt, polls: [] as number[], delays: [] as number[], ended: false }));
  for (;;) {
    const live = runs.filter((r) => !r.ended);
    if (!live.length) break;
    const run = live.reduce((a, b) => (b.nextAt < a.nextAt ? b : a));
    const now = run.nextAt;
    const budget = { limit: token.limit };
    if (run.round < 0) for (let i = 0; i < run.resolution; i++) run.pace.observe(token.take(now), now);
    else run.polls.push(now);
    run.pace.observe(token.take(now), now);
    if (now >= run.doneAt) {
      run.ended = true;
      continue;
    }
    const delay = run.pace.delay(++run.round, budget.limit, now);
    run.delays.push(delay.ms);
    run.nextAt = now + delay.ms;
  }
  return runs.map((r) => ({
    polls: r.polls.length,
    longestGap: Math.max(...r.polls.slice(1).map((at, i) => at - r.polls[i]!)),
    lag: r.polls.at(-1)! - r.doneAt,
    pollsBetween: (from: number, to: number) => r.polls.filter((at) => at >= from && at < to).length,
    delays: r.delays
  }));
}

const spread = (counts: number[]) => Math.max(...counts) / Math.min(...counts);

describe('three rollbacks waiting on 30-minute deployments on one token', () => {
  it('started together: each polls about as often as the others, never more than a minute apart, within 1,000 an hour, no 429', () => {
    const token = new Token();
    const runs = share(
      token,
      [0, 1, 2].map(() => ({ startAt: T0, doneAt: T0 + 30 * 60_000, resolution: 8 }))
    );
    expect(spread(runs.map((r) => r.polls))).toBeLessThan(1.1);
    for (const run of runs) expect(run.longestGap).toBeLessThanOrEqual(MAX_GAP_MS);
    const waiting = runs.reduce((n, r) => n + r.polls, 0);
    expect(waiting * 2).toBeLessThan(1000); // per hour: the wait lasted half an hour
    expect(token.throttled).toBe(0);
    // Sharing does not mean starving: each still polls every few seconds at first, then every ~12 s.
    for (const run of runs) expect(run.polls).toBeGreaterThan(120);
  });

  it('started minutes apart: the late ones catch up to an even split within minutes', () => {
    const token = new Token();
    const runs = share(
      token,
      [0, 2, 5].map((m) => ({ startAt: T0 + m * 60_000, doneAt: T0 + (m + 30) * 60_000, resolution: 8 }))
    );
    const lastTenMinutes = runs.map((r) => r.pollsBetween(T0 + 20 * 60_000, T0 + 30 * 60_000));
    expect(spread(lastTenMinutes)).toBeLessThan(1.1);
    for (const run of runs) expect(run.longestGap).toBeLessThanOrEqual(MAX_GAP_MS);
    expect(token.throttled).toBe(0);
  });

  it('a rollback that joins a token already drained by others still polls at least once a minute', () => {
    const token = new Token();
    for (let i = 0; i < 700; i++) token.take(T0); // a busy pipeline used most of the hour at once
    const [run] = share(token, [{ startAt: T0 + 60_000, doneAt: T0 + 40 * 60_000, resolution: 8 }]);
    expect(run!.longestGap).toBeLessThanOrEqual(MAX_GAP_MS);
    expect(run!.lag).toBeLessThanOrEqual(MAX_GAP_MS);
    // 300 left for 59 minutes: no faster than the even spread of what is left.
    expect(run!.polls).toBeLessThan((300 * 40) / 59);
    expect(token.throttled).toBe(0);
  });

  it('ten rollbacks keep the minute bound and stay within the hour window, without a 429', () => {
    const token = new Token();
    const runs = share(
      token,
      Array.from({ length: 10 }, (_, i) => ({ startAt: T0 + i * 30_000, doneAt: T0 + 40 * 60_000, resolution: 8 }))
    );
    for (const run of runs) expect(run.longestGap).toBeLessThanOrEqual(MAX_GAP_MS);
    expect(spread(runs.map((r) => r.pollsBetween(T0 + 30 * 60_000, T0 + 40 * 60_000)))).toBeLessThan(1.2);
    expect(token.used).toBeLessThan(1000);
    expect(token.throttled).toBe(0);
  });
});

describe('one rollback reading its own answers', () => {
  const at = (remaining: number, now: number, resetAt = T0 + HOUR): RateBudget => ({ limit: 1000, remaining, resetAt });

  it('keeps the quick start of a deployment while the budget is healthy', () => {
    const pace = new TokenPace();
    pace.observe(at(990, T0), T0);
    expect(pace.delay(0, 1000, T0).ms).toBe(FIRST_POLL_MS);
    expect(pace.delay(1, 1000, T0).ms).toBe(baseDelayMs(1));
  });

  it('alone on a fresh token, settles at 10 s', () => {
    const pace = new TokenPace();
    for (let i = 0; i < 10; i++) pace.observe(at(990 - i, T0 + i * 10_000), T0 + i * 10_000);
    expect(pace.consumers()).toBe(1);
    expect(pace.delay(20, 1000, T0 + 100_000)).toEqual({ ms: SETTLED_POLL_MS, consumers: 1 });
  });

  it('counts the others from remaining falling faster than its own requests, and spaces its polls for them', () => {
    const pace = new TokenPace();
    // Four requests of the token for each of its own: three others poll alongside it.
    for (let i = 0; i < 10; i++) pace.observe(at(900 - 4 * i, T0 + i * 10_000), T0 + i * 10_000);
    expect(pace.consumers()).toBe(4);
    const delay = pace.delay(20, 1000, T0 + 100_000);
    expect(delay.reason).toBe('sharing');
    // 864 left for ~58 minutes, 0.7 of it for four: one poll every ~14 s
    expect(delay.ms).toBeGreaterThan(12_000);
    expect(delay.ms).toBeLessThan(20_000);
  });

  it('near the end of a window with most of it left, polls no faster than the documented hourly rate allows', () => {
    const pace = new TokenPace();
    // Four consumers, 800 left for 5 minutes: an even spread would allow a look every 1.9 s each.
    for (let i = 0; i < 10; i++) pace.observe(at(840 - 4 * i, T0 + i * 10_000, T0 + 400_000), T0 + i * 10_000);
    const delay = pace.delay(20, 1000, T0 + 100_000);
    // 0.7 × 1000 an hour, shared by four (with the common bump): one look every ~16 s each.
    expect(delay.ms).toBeGreaterThan(15_000);
    expect((4 * HOUR) / delay.ms).toBeLessThan(1000);
  });

  it('never waits more than a minute while more than its reserve is left, however many share it', () => {
    const pace = new TokenPace();
    for (let i = 0; i < 10; i++) pace.observe(at(200 - 15 * i, T0 + i * 10_000), T0 + i * 10_000);
    expect(pace.delay(20, 1000, T0 + 100_000)).toMatchObject({ ms: MAX_GAP_MS, reason: 'sharing' });
  });

  it('with only its reserve left, waits for the documented reset (and says why)', () => {
    const pace = new TokenPace();
    pace.observe(at(3, T0, T0 + 600_000), T0);
    expect(pace.delay(20, 1000, T0)).toEqual({ ms: 601_000, reason: 'reset', consumers: 1 });
  });

  it('forgets the last window once the reset has come', () => {
    const pace = new TokenPace();
    for (let i = 0; i < 5; i++) pace.observe(at(100 - 20 * i, T0 + i * 10_000), T0 + i * 10_000);
    expect(pace.consumers()).toBe(20);
    pace.observe(at(999, T0 + HOUR, T0 + 2 * HOUR), T0 + HOUR);
    expect(pace.consumers()).toBe(1);
  });

  it('without rate-limit headers, follows the quick-start schedule', () => {
    expect(new TokenPace().delay(0, undefined, T0)).toEqual({ ms: FIRST_POLL_MS, consumers: 1 });
    expect(new TokenPace().delay(50, undefined, T0)).toEqual({ ms: SETTLED_POLL_MS, consumers: 1 });
  });
});

describe('what the log says about the pace', () => {
  function context(budget: RateBudget, now: number) {
    const lines: string[] = [];
    const api = { pace: new TokenPace(), budget, paceNote: '' } as unknown as QoveryApi;
    api.pace.observe(budget, now);
    const clock = { now: () => now, sleep: async () => {}, random: () => 0.5 };
    const ctx: QoveryContext = {
      api,
      deadline: new Deadline(clock, 3 * HOUR),
      log: { info: (l: string) => lines.push(l), warning: () => {}, debug: () => {} },
      timeoutSeconds: 3 * 3600
    };
    return { ctx, lines };
  }

  it('names the reset time when the next look waits for it, once', () => {
    const { ctx, lines } = context({ limit: 1000, remaining: 2, resetAt: T0 + 600_000 }, T0);
    expect(pollDelay(ctx, 30)).toBe(601_000);
    expect(pollDelay(ctx, 31)).toBe(601_000);
    expect(lines).toEqual([
      "Qovery's rate limit for this token is nearly used up (2 of 1000 requests left): the next look at the deployment waits for the reset at 2026-12-07T10:10:00.000Z, in 601s."
    ]);
  });

  it('says nothing while the quick start or the settled pace applies', () => {
    const { ctx, lines } = context({ limit: 1000, remaining: 990, resetAt: T0 + HOUR }, T0);
    expect(pollDelay(ctx, 0)).toBe(FIRST_POLL_MS);
    expect(pollDelay(ctx, 30)).toBe(SETTLED_POLL_MS);
    expect(lines).toEqual([]);
  });
});
