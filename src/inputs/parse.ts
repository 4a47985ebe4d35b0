import { InputError } from '../errors.js';
import { INPUT_DEFAULTS } from './defaults.js';

/** Reads one raw input as the runner passes it (INPUT_* variable); '' when unset. */
export type InputReader = (name: string) => string;
/** Registers a secret with the runner's masker (core.setSecret) and the action's own redaction. */
export type Masker = (secret: string) => void;

/** Longest input value the action accepts; anything longer is a paste accident, not a value. */
export const MAX_INPUT_LENGTH = 8192;
const MAX_TIMEOUT_SECONDS = 6 * 60 * 60; // a GitHub-hosted job cannot run longer

/**
 * A value echoed back in an error message: cut short and with control characters shown as
 * escapes, so an enormous or multi-line input cannot flood the log or forge a line.
 */
export function quoteInput(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return `'${JSON.stringify(cut).slice(1, -1).replace(/\\"/g, '"')}'`;
}

/** Reads an input, refusing absurd lengths before anything else looks at it. */
export function readInput(read: InputReader, name: string): string {
  const raw = read(name);
  if (raw.length > MAX_INPUT_LENGTH) {
    throw new InputError(name, `The value is ${raw.length} characters long; at most ${MAX_INPUT_LENGTH} are accepted. Check what is passed as ${name}.`);
  }
  return raw;
}

/** Control characters: never part of a name, an id or a credential, often a paste accident. */
export function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  return /[\u0000-\u001f\u007f]/.test(text);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * C0 and C1 controls and Unicode line breaks. A URL parser silently drops a tab or a line break
 * inside a URL (WHATWG URL), so a pasted break would send the requests to another path.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const URL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Refuses a URL input holding any control character, at either end too. Never echoes the value (it may carry a secret). */
export function checkUrlCharacters(input: string, raw: string): void {
  const at = raw.search(URL_CONTROLS);
  if (at === -1) return;
  const code = raw.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  throw new InputError(
    input,
    `The URL holds a line break or another control character (U+${code}, character ${at + 1} of ${raw.length}). A URL cannot carry one, and dropping it would send the requests to another address. Give the URL on one line, without a trailing line break.`
  );
}

/**
 * An API base URL: https (plain http only to loopback, since the credential would travel in
 * clear), no credentials, no query or fragment (paths are appended to it). Returned without a
 * trailing slash.
 */
export function parseApiUrl(raw: string, example: string, input = 'api_url'): string {
  checkUrlCharacters(input, raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(input, `${quoteInput(raw)} is not a URL. Expected e.g. ${example}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(input, `${quoteInput(raw)} must be an https:// URL, e.g. ${example}.`);
  }
  if (url.username || url.password) {
    throw new InputError(input, 'The URL must not contain credentials; pass them in their own inputs, from secrets.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(input, `'${url.origin}' uses plain http, which would send the credentials unencrypted. Use https (plain http is allowed only for loopback addresses).`);
  }
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
    throw new InputError(input, `${quoteInput(raw)} has a query string or fragment ('?' or '#'); give the base URL only, e.g. ${example}.`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * A credential: trimmed, then refused if it holds whitespace, control or non-ASCII characters,
 * which an HTTP header cannot carry (usually a paste with a line break or a smart quote).
 * Masked before it is checked, so even a refused value never shows in the log; the masker
 * registers every form a server could echo it in (see report/redact's echoForms).
 */
export function parseSecret(name: string, raw: string, mask: Masker): string {
  const value = raw.trim();
  if (value) mask(value);
  return checkHeaderText(name, value);
}

/**
 * A user name for HTTP Basic: checked like a credential, but not masked. It is not a secret, and
 * a message that names the user (e.g. who lacks a permission) must stay readable.
 */
export function parseUserName(name: string, raw: string): string {
  return checkHeaderText(name, raw.trim());
}

function checkHeaderText(name: string, value: string): string {
  if (/\s/.test(value) || hasControlCharacters(value)) {
    throw new InputError(name, `The value contains whitespace or control characters; copy it again without line breaks.`);
  }
  if (/[^\u0020-\u007e]/.test(value)) {
    throw new InputError(
      name,
      `The value contains characters that are not printable ASCII (e.g. a smart quote or an accent); HTTP headers cannot carry them. Copy it again from its source.`
    );
  }
  return value;
}

export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const text = raw.trim();
  if (text === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new InputError(name, `${quoteInput(text)} is not a boolean: use true or false.`);
}

export function parseTimeout(raw: string): number {
  const text = raw.trim() || INPUT_DEFAULTS.timeout;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_TIMEOUT_SECONDS) {
    throw new InputError('timeout', `${quoteInput(text)} is not a timeout: expected a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS} (e.g. 600).`);
  }
  return Number(text);
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** A UUID in canonical form (lower case, dashed), or undefined. Dashless input is accepted. */
export function canonicalUuid(text: string): string | undefined {
  if (!UUID.test(text)) return undefined;
  const hex = text.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Items separated by commas, spaces or new lines (how people paste lists into a YAML input). */
export function splitList(raw: string, separators: RegExp = /[\s,]+/): string[] {
  return raw
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
