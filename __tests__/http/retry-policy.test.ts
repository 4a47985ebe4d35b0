import { describe, expect, it } from '@jest/globals';
import { askedWaitMs, backoffMs, MAX_BACKOFF_MS, parseRateLimitReset, parseRetryAfter, resendPauseMs } from '../../src/http/retry-policy.js';

const clockWith = (random: number) => ({ now: () => 0, sleep: async () => undefined, random: () => random });

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('reads delta-seconds', () => expect(parseRetryAfter('3', now)).toBe(3000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:05 GMT', now)).toBe(5000));
  it('treats a past date as no wait', () => expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0));
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('parseRateLimitReset', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('reads seconds until the reset', () => expect(parseRateLimitReset('30', now)).toBe(30_000));
  it('reads a Unix time', () => expect(parseRateLimitReset(String(now / 1000 + 12), now)).toBe(12_000));
  it('treats a past Unix time as no wait', () => expect(parseRateLimitReset(String(now / 1000 - 5), now)).toBe(0));
  it('ignores absent or unreadable values', () => {
    expect(parseRateLimitReset(undefined, now)).toBeUndefined();
    expect(parseRateLimitReset('soon', now)).toBeUndefined();
  });
});

describe('askedWaitMs', () => {
  const now = 0;
  it('prefers Retry-After', () => expect(askedWaitMs(429, { 'retry-after': '3', 'x-ratelimit-reset': '30' }, now)).toBe(3000));
  it('falls back to X-RateLimit-Reset on a 429', () => expect(askedWaitMs(429, { 'x-ratelimit-reset': '30' }, now)).toBe(30_000));
  it('reads no rate-limit reset into a 503, which is not about the budget', () => expect(askedWaitMs(503, { 'x-ratelimit-reset': '30' }, now)).toBeUndefined());
});

describe('backoffMs', () => {
  it('uses full jitter below an exponentially growing ceiling', () => {
    expect(backoffMs(0, clockWith(0.999))).toBeLessThan(1000);
    expect(backoffMs(3, clockWith(0.5))).toBe(4000);
    expect(backoffMs(0, clockWith(0))).toBe(0);
  });
  it('is capped', () => expect(backoffMs(30, clockWith(0.999999))).toBeLessThanOrEqual(MAX_BACKOFF_MS));
});

describe('resendPauseMs (409/429 on a redeploy)', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it.each([
    ['0', 1000],
    ['Tue, 25 Nov 2026 11:00:00 GMT', 1000],
    ['999999', 60_000],
    ['7', 7000]
  ])('keeps Retry-After %j between 1 s and 60 s', (header, expected) => {
    expect(resendPauseMs(header, now, 0)).toBe(expected);
  });
  it('uses the fallback within the same bounds when there is no Retry-After', () => {
    expect(resendPauseMs(undefined, now, 10)).toBe(1000);
    expect(resendPauseMs(undefined, now, 5000)).toBe(5000);
  });
});
