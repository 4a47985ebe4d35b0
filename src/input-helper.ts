import { InputError } from './errors.js';
import { parseRevisionSelector } from './revision-selector.js';
import type { Settings } from './settings.js';

/** Reads one raw input as the runner passes it (INPUT_* variable); '' when unset. */
export type InputReader = (name: string) => string;

export const DEFAULT_API_URL = 'https://cloud-api.phala.com/api/v1';
export const PROVIDERS = ['phala'] as const;
const MAX_TIMEOUT_SECONDS = 6 * 60 * 60; // a GitHub-hosted job cannot run longer

/**
 * Turns raw inputs into one validated Settings object. Every check runs before the first
 * request, so a typo fails in milliseconds with the input's name instead of half-way through
 * an incident. `mask` is called with the key the moment it is read.
 */
export function getSettings(read: InputReader, env: NodeJS.ProcessEnv, mask: (secret: string) => void): Settings {
  const provider = (read('provider').trim() || 'phala').toLowerCase();
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new InputError('provider', `'${provider}' is not supported. Supported: ${PROVIDERS.join(', ')}.`);
  }

  const apiKey = read('api_key').trim() || (env.PHALA_CLOUD_API_KEY ?? '').trim();
  if (apiKey) mask(apiKey);
  if (!apiKey) {
    throw new InputError(
      'api_key',
      'No Phala Cloud API key. Set the api_key input (e.g. api_key: ${{ secrets.PHALA_CLOUD_API_KEY }}) or the PHALA_CLOUD_API_KEY environment variable.'
    );
  }
  if (/[\s\u0000-\u001f\u007f]/.test(apiKey)) {
    throw new InputError('api_key', 'The API key contains whitespace or control characters; copy the key again without line breaks.');
  }

  const apiUrl = parseApiUrl(read('api_url').trim() || (env.PHALA_CLOUD_API_PREFIX ?? '').trim() || DEFAULT_API_URL);
  const appId = parseAppId(read('app_id'));
  const revision = parseRevisionSelector(read('revision') || 'previous');
  const vmUuids = parseVmUuids(read('vm_uuids'));

  const txRaw = read('transaction_hash').trim();
  if (txRaw && !/^0x[0-9a-fA-F]{64}$/.test(txRaw)) {
    throw new InputError('transaction_hash', `'${txRaw}' is not a transaction hash: expected 0x followed by 64 hex characters.`);
  }

  return {
    provider: 'phala',
    apiKey,
    apiUrl,
    appId,
    revision,
    vmUuids,
    transactionHash: txRaw ? txRaw.toLowerCase() : undefined,
    wait: parseBoolean('wait', read('wait'), true),
    timeoutSeconds: parseTimeout(read('timeout')),
    dryRun: parseBoolean('dry_run', read('dry_run'), false)
  };
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function parseApiUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('api_url', `'${raw}' is not a URL. Expected e.g. ${DEFAULT_API_URL}.`);
  }
  if (url.username || url.password) {
    throw new InputError('api_url', 'The URL must not contain credentials; pass the key as api_key.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError('api_url', `'${url.origin}' uses plain http, which would send the API key unencrypted. Use https (plain http is allowed only for loopback addresses).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('api_url', `'${raw}' must be an https:// URL.`);
  }
  if (url.search || url.hash) {
    throw new InputError('api_url', 'The URL must not have a query string or fragment.');
  }
  return url.href.replace(/\/+$/, '');
}

function parseAppId(raw: string): string {
  const text = raw.trim();
  if (!text) {
    throw new InputError('app_id', 'app_id is required: the hex app id shown in the Phala Cloud dashboard (with or without the app_ prefix).');
  }
  const hex = text.replace(/^app_/i, '');
  if (!/^[0-9a-fA-F]{8,64}$/.test(hex)) {
    throw new InputError('app_id', `'${text}' is not an app id: expected hex characters (e.g. a1b2c3…), optionally prefixed with app_.`);
  }
  return hex.toLowerCase();
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/;

function parseVmUuids(raw: string): string[] | 'all' {
  const items = raw.split(/[\s,]+/).filter((item) => item !== '');
  if (items.length === 1 && items[0]!.toLowerCase() === 'all') return 'all';
  const uuids: string[] = [];
  for (const item of items) {
    const uuid = item.toLowerCase();
    if (uuid === 'all') {
      throw new InputError('vm_uuids', "'all' cannot be combined with other CVMs; give either 'all' or a list of vm_uuids.");
    }
    if (!UUID.test(uuid)) {
      throw new InputError('vm_uuids', `'${item}' is not a CVM vm_uuid (expected a UUID such as 3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f); separate several with commas, spaces or new lines.`);
    }
    if (!uuids.includes(uuid)) uuids.push(uuid);
  }
  return uuids;
}

function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const text = raw.trim();
  if (text === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new InputError(name, `'${text}' is not a boolean: use true or false.`);
}

function parseTimeout(raw: string): number {
  const text = raw.trim() || '600';
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_TIMEOUT_SECONDS) {
    throw new InputError('timeout', `'${text}' is not a timeout: expected a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS} (e.g. 600).`);
  }
  return Number(text);
}
