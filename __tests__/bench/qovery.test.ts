import { describe, expect, it } from '@jest/globals';
import type { Clock } from '../../src/clock.js';
import type { QoverySandbox } from '../../sandbox/qovery/index.js';
import { perHour, sandboxFor, scaledClock, TokenBudget } from '../../scripts/bench/qovery.js';

describe('the scaled clock of the Qovery benchmark', () => {
  it('runs `factor` times faster than real time, waits included', async () => {
    const clock = scaledClock(100);
    const realBefore = Date.now();
    const before = clock.now();
    await clock.sleep(2000); // 20 ms of real time
    const after = clock.now();
    const real = Date.now() - realBefore;
    expect(real).toBeLessThan(1000);
    expect(after - before).toBeGreaterThanOrEqual(2000 - 100);
    expect(after - before).toBeLessThanOrEqual(real * 100);
  });
});

describe('one token budget for the three rollbacks', () => {
  function manualClock(): Clock & { t: number } {
    const clock = { t: Date.parse('2026-12-07T10:00:00Z'), now: () => clock.t, sleep: async () => {}, random: () => 0.5 };
    return clock;
  }
  it('allows 1,000 an hour, says what is left and when it resets (Unix seconds), then 429', () => {
    const clock = manualClock();
    const budget = new TokenBudget(clock, 3);
    const first = budget.take();
    expect(first).toEqual({ allowed: true, headers: { 'X-RateLimit-Limit': '3', 'X-RateLimit-Remaining': '2', 'X-RateLimit-Reset': String(clock.t / 1000 + 3600) } });
    budget.take();
    budget.take();
    expect(budget.take().allowed).toBe(false);
    clock.t += 3_600_000;
    expect(budget.take()).toMatchObject({ allowed: true, headers: { 'X-RateLimit-Remaining': '2' } });
  });
});

describe('requests per hour', () => {
  it('scales a count over a span to an hour', () => {
    expect(perHour(500, 30 * 60_000)).toBe(1000);
    expect(perHour(5, 0)).toBe(0);
  });
});

describe('which rollback a request of the shared front counts for', () => {
  const sandbox = (environmentId: string, requestIds: string[]) =>
    ({ scenario: { environmentId }, deploys: requestIds.map((requestId) => ({ requestId })) }) as unknown as QoverySandbox;
  const sandboxes = new Map([
    ['env-1', sandbox('env-1', ['r-1'])],
    ['env-2', sandbox('env-2', ['r-2'])],
    ['env-3', sandbox('env-3', ['r-3'])]
  ]);
  it('the environment in the path', () => {
    expect(sandboxFor(sandboxes, '/environment/env-2/status').scenario.environmentId).toBe('env-2');
  });
  it("one deploy request's status, whose path names no environment: the environment that accepted the request", () => {
    expect(sandboxFor(sandboxes, '/environment/deploymentStatus?deploymentRequestId=r-3').scenario.environmentId).toBe('env-3');
    expect(sandboxFor(sandboxes, '/environment/deploymentStatus?deploymentRequestId=r-2').scenario.environmentId).toBe('env-2');
  });
});
