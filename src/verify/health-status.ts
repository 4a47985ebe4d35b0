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
 * the public internet should not be trusted over an unauthenticated channel. A query string may
 * carry a token: its values (and any user info) are masked before anything can echo them.
 */
export function parseHealthUrl(raw: string, mask: (secret: string) => void = () => undefined): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  for (const secret of urlSecrets(text)) mask(secret);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('health_url', `'${safeHealthUrl(text)}' is not an absolute URL. Expected e.g. https://app.example.com/health.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('health_url', `'${safeHealthUrl(text)}' must be an https:// URL.`);
  }
  if (url.username || url.password) {
    // Refused, not stripped: the endpoint evidently wants credentials, and without them every
    // probe would fail, which with rollback_when: unhealthy would roll back a healthy app.
    throw new InputError('health_url', 'The URL must not contain credentials (user:password@): the health check sends none, so the endpoint must answer without them.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError('health_url', `'${url.origin}' uses plain http. Use https (plain http is allowed only for loopback addresses).`);
  }
  url.hash = '';
  return url.href;
}

/** Every piece of a URL that may be a credential: user info and the values of the query string, raw and decoded. */
function urlSecrets(text: string): string[] {
  const found: string[] = [];
  const add = (value: string): void => {
    // Masking a flag like 'true' or '1' would blank it out of every log line, while no credential is that short.
    if (value.length < 4 || /^(?:true|false|json|yaml|text|html|full|none|\d{1,5})$/i.test(value)) return;
    found.push(value);
    try {
      const decoded = decodeURIComponent(value.replace(/\+/g, ' '));
      if (decoded !== value) found.push(decoded);
    } catch {
      // not valid percent-encoding: the raw form is masked
    }
  };
  const userInfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(text)?.[1];
  if (userInfo) {
    const colon = userInfo.indexOf(':');
    // The user name alone is not a credential; the password is.
    add(colon === -1 ? userInfo : userInfo.slice(colon + 1));
  }
  const query = text.split('#')[0]!.split('?').slice(1).join('?');
  for (const pair of query.split(/[&;]/)) {
    const at = pair.indexOf('=');
    add(at === -1 ? pair : pair.slice(at + 1));
  }
  return found;
}

/**
 * The health URL as it may be shown or sent anywhere (log, annotations, summary, the GitHub
 * record's environment_url): user info dropped, every query value replaced by ***. The one place
 * that decides what of the URL is public.
 */
export function safeHealthUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    const cut = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').split(/[?#]/)[0]!;
    return `${cut.slice(0, 80)}${raw.includes('?') ? '?***' : ''}`;
  }
  const query = url.search
    ? `?${url.search
        .slice(1)
        // The separators kept as written (& or ;), so the shown URL is the probed one, values hidden.
        .split(/([&;])/)
        .map((pair, i) => {
          if (i % 2 === 1) return pair;
          const at = pair.indexOf('=');
          return at === -1 ? '***' : `${pair.slice(0, at)}=***`;
        })
        .join('')}`
    : '';
  return `${url.protocol}//${url.host}${url.pathname}${query}`;
}

export const ROLLBACK_WHEN = ['always', 'unhealthy'] as const;
export type RollbackWhen = (typeof ROLLBACK_WHEN)[number];
export const DEFAULT_HEALTH_FAILURES = 3;
export const DEFAULT_HEALTH_INTERVAL_SECONDS = 10;

/** `rollback_when`: always (default) or unhealthy (probe health_url first, roll back only if it fails). */
export function parseRollbackWhen(raw: string): RollbackWhen {
  const text = raw.trim().toLowerCase() || 'always';
  if (!(ROLLBACK_WHEN as readonly string[]).includes(text)) {
    throw new InputError(
      'rollback_when',
      `'${raw.trim().slice(0, 40)}' is not supported: expected 'always' (roll back whatever the app answers) or 'unhealthy' (roll back only when health_url fails).`
    );
  }
  return text as RollbackWhen;
}

/** `health_failures`: failed probes in a row that make the app unhealthy, 1 to 100, default 3. */
export function parseHealthFailures(raw: string): number {
  return wholeNumber('health_failures', raw, DEFAULT_HEALTH_FAILURES, 1, 100, 'failed probes in a row');
}

/** `health_interval`: seconds between the starts of two probes, 1 to 600, default 10. */
export function parseHealthInterval(raw: string): number {
  return wholeNumber('health_interval', raw, DEFAULT_HEALTH_INTERVAL_SECONDS, 1, 600, 'seconds between probes');
}

function wholeNumber(input: string, raw: string, fallback: number, min: number, max: number, what: string): number {
  const text = raw.trim() || String(fallback);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new InputError(input, `'${text.slice(0, 40)}' is not a number of ${what}: expected a whole number from ${min} to ${max} (e.g. ${fallback}).`);
  }
  return Number(text);
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
