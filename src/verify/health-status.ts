import { InputError } from '../errors.js';
import { isLoopbackHost } from '../inputs/parse.js';
import type { HealthStatusMatcher } from '../settings.js';

// The matcher's shape is part of the settings (below this layer); re-exported for the check's callers.
export type { HealthStatusMatcher };

export const DEFAULT_HEALTH_STATUS = '200-399';
export const DEFAULT_HEALTH_TIMEOUT_SECONDS = 300;
export const MAX_HEALTH_TIMEOUT_SECONDS = 3600;

const EXPECTED_STATUS = 'expected a status code (200), a range (200-399 or 200..399) or a comma-separated list of them (200,204,300-302), with codes from 100 to 599';

/**
 * `health_status`: one code, a range (`a-b` or `a..b`), or a comma list mixing them.
 * Empty means 200-399: a redirect is a sign of life, and the check never follows one to
 * another origin, so it is judged by its own status.
 */
export function parseHealthStatus(raw: string): HealthStatusMatcher {
  const text = raw.trim() || DEFAULT_HEALTH_STATUS;
  const ranges: Array<readonly [number, number]> = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    const match = /^(\d{3})(?:\s*(?:-|\.\.)\s*(\d{3}))?$/.exec(item);
    if (!match) {
      const what = item === '' ? 'an empty entry' : `'${item}'`;
      throw new InputError('health_status', `'${text}' has ${what}: ${EXPECTED_STATUS}.`);
    }
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    for (const code of [low, high]) {
      if (code < 100 || code > 599) {
        throw new InputError('health_status', `${code} in '${text}' is not an HTTP status code: codes run from 100 to 599.`);
      }
    }
    if (low > high) {
      throw new InputError('health_status', `'${item}' in '${text}' is an empty range: write the lower code first (e.g. ${high}-${low}).`);
    }
    ranges.push([low, high]);
  }
  const description = ranges.map(([low, high]) => (low === high ? String(low) : `${low}-${high}`)).join(', ');
  return {
    ranges,
    description,
    matches: (status) => ranges.some(([low, high]) => status >= low && status <= high)
  };
}

/**
 * `health_url`: the app's own address, polled without any credentials. Returns undefined when
 * empty (no health check). Plain http only for loopback, matching api_url: a health endpoint on
 * the public internet should not be trusted over an unauthenticated channel.
 */
export function parseHealthUrl(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('health_url', `'${text}' is not an absolute URL. Expected e.g. https://app.example.com/health.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('health_url', `'${text}' must be an https:// URL.`);
  }
  if (url.username || url.password) {
    throw new InputError('health_url', 'The URL must not contain credentials: the health check sends none, so the endpoint must answer without them.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError('health_url', `'${url.origin}' uses plain http. Use https (plain http is allowed only for loopback addresses).`);
  }
  url.hash = '';
  return url.href;
}

/** `health_timeout`: whole seconds from 1 to 3600, default 300. */
export function parseHealthTimeout(raw: string): number {
  const text = raw.trim() || String(DEFAULT_HEALTH_TIMEOUT_SECONDS);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_HEALTH_TIMEOUT_SECONDS) {
    throw new InputError(
      'health_timeout',
      `'${text}' is not a health timeout: expected a whole number of seconds from 1 to ${MAX_HEALTH_TIMEOUT_SECONDS} (e.g. ${DEFAULT_HEALTH_TIMEOUT_SECONDS}).`
    );
  }
  return Number(text);
}
