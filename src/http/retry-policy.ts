import type { Clock } from '../clock.js';

/** Statuses a read may safely repeat: throttling and gateway trouble, never a client error. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export const BASE_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 20_000;
export const MAX_READ_ATTEMPTS = 8;

/** Exponential backoff with full jitter (AWS style): a random wait in [0, min(cap, base·2^attempt)). */
export function backoffMs(attempt: number, clock: Clock): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
  return Math.round(clock.random() * ceiling);
}

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns milliseconds to wait, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * X-RateLimit-Reset: seconds until the budget resets, or the Unix time it resets at.
 * Returns milliseconds to wait, or undefined when absent or unreadable.
 */
export function parseRateLimitReset(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  const seconds = Number(text);
  // Anything after 2001 is a point in time, not a count of seconds.
  return seconds >= 1e9 ? Math.max(0, seconds * 1000 - now) : seconds * 1000;
}

/** The wait a 429 or 503 asks for: Retry-After, else (429 only) X-RateLimit-Reset; undefined when neither says. */
export function askedWaitMs(status: number, headers: Record<string, string | string[] | undefined>, now: number): number | undefined {
  return parseRetryAfter(headers['retry-after'], now) ?? (status === 429 ? parseRateLimitReset(headers['x-ratelimit-reset'], now) : undefined);
}

/** A 429 or 409 on a state-changing request is retried at least this far apart, whatever Retry-After says… */
export const MIN_RESEND_PAUSE_MS = 1000;
/** …and at most this far apart: a huge Retry-After must not park an incident for an hour. */
export const MAX_RESEND_PAUSE_MS = 60_000;

/** The pause before re-sending a request the platform refused for now (409, 429). */
export function resendPauseMs(retryAfter: string | string[] | undefined, now: number, fallbackMs: number): number {
  const asked = parseRetryAfter(retryAfter, now);
  return Math.min(MAX_RESEND_PAUSE_MS, Math.max(MIN_RESEND_PAUSE_MS, asked ?? fallbackMs));
}
