import { describe, expect, it } from '@jest/globals';
import { InputError } from '../src/errors.js';
import { DEFAULT_API_URL, getSettings } from '../src/input-helper.js';

const KEY = 'phak_test_key_123';

function settingsFrom(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const masked: string[] = [];
  const read = (name: string) => inputs[name] ?? '';
  const settings = getSettings(read, env, (secret) => masked.push(secret));
  if (settings.provider !== 'phala') throw new Error('expected Phala settings');
  return { settings, masked };
}

function inputErrorFor(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): InputError {
  try {
    settingsFrom(inputs, env);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const base = { api_key: KEY, app_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' };

describe('getSettings', () => {
  it('applies the documented defaults', () => {
    const { settings } = settingsFrom(base);
    expect(settings).toEqual({
      provider: 'phala',
      apiKey: KEY,
      apiUrl: DEFAULT_API_URL,
      appId: base.app_id,
      revision: { kind: 'previous', steps: 1, text: 'previous' },
      vmUuids: [],
      transactionHash: undefined,
      wait: true,
      timeoutSeconds: 600,
      dryRun: false
    });
  });

  it('masks the key the moment it is read, also when it comes from PHALA_CLOUD_API_KEY', () => {
    expect(settingsFrom(base).masked).toEqual([KEY]);
    const fromEnv = settingsFrom({ app_id: base.app_id }, { PHALA_CLOUD_API_KEY: 'phak_env' });
    expect(fromEnv.settings.apiKey).toBe('phak_env');
    expect(fromEnv.masked).toEqual(['phak_env']);
  });

  it('prefers the api_key input over the environment', () => {
    expect(settingsFrom(base, { PHALA_CLOUD_API_KEY: 'phak_env' }).settings.apiKey).toBe(KEY);
  });

  it('refuses a missing key and names api_key', () => {
    const error = inputErrorFor({ app_id: base.app_id });
    expect(error.input).toBe('api_key');
    expect(error.message).toContain('PHALA_CLOUD_API_KEY');
  });

  it('takes api_url from PHALA_CLOUD_API_PREFIX when the input is empty, dropping a trailing slash', () => {
    expect(settingsFrom(base, { PHALA_CLOUD_API_PREFIX: 'https://eu.example.com/api/v1/' }).settings.apiUrl).toBe('https://eu.example.com/api/v1');
  });

  it.each([
    ['http://cloud-api.phala.com/api/v1', 'plain http'],
    ['ftp://example.com', 'https'],
    ['not a url', 'not a URL'],
    ['https://user:pw@example.com/api', 'credentials']
  ])('refuses api_url %s', (url, fragment) => {
    const error = inputErrorFor({ ...base, api_url: url });
    expect(error.input).toBe('api_url');
    expect(error.message).toContain(fragment);
  });

  it.each(['http://127.0.0.1:8080/api/v1', 'http://localhost:3000/api/v1', 'http://[::1]:3000/api/v1'])('allows plain http to loopback %s', (url) => {
    expect(settingsFrom({ ...base, api_url: url }).settings.apiUrl).toBe(url);
  });

  it('strips the app_ prefix and lower-cases the app id', () => {
    expect(settingsFrom({ ...base, app_id: 'app_A1B2C3D4E5F60718293A4B5C6D7E8F9012345678' }).settings.appId).toBe(base.app_id);
  });

  it.each(['', 'my-app', 'app_xyz', '12345'])('refuses app_id %j', (appId) => {
    expect(inputErrorFor({ ...base, app_id: appId }).input).toBe('app_id');
  });

  it('splits vm_uuids on commas, spaces and new lines, lower-cases and de-duplicates them', () => {
    const a = '3F2B9C1E-5D4A-4C2B-9E8F-0A1B2C3D4E5F';
    const b = '11111111-2222-4333-8444-555555555555';
    expect(settingsFrom({ ...base, vm_uuids: `${a}, ${b}\n${a.toLowerCase()}` }).settings.vmUuids).toEqual([a.toLowerCase(), b]);
  });

  it("accepts 'all' alone but not mixed with uuids", () => {
    expect(settingsFrom({ ...base, vm_uuids: ' ALL ' }).settings.vmUuids).toBe('all');
    expect(inputErrorFor({ ...base, vm_uuids: 'all, 11111111-2222-4333-8444-555555555555' }).input).toBe('vm_uuids');
  });

  it('refuses a vm_uuid that is not a UUID', () => {
    const error = inputErrorFor({ ...base, vm_uuids: 'web-1' });
    expect(error.input).toBe('vm_uuids');
    expect(error.message).toContain("'web-1'");
  });

  it('validates transaction_hash as 0x + 64 hex', () => {
    const hash = `0x${'Ab'.repeat(32)}`;
    expect(settingsFrom({ ...base, transaction_hash: hash }).settings.transactionHash).toBe(hash.toLowerCase());
    expect(inputErrorFor({ ...base, transaction_hash: 'ab'.repeat(32) }).input).toBe('transaction_hash');
    expect(inputErrorFor({ ...base, transaction_hash: '0x1234' }).input).toBe('transaction_hash');
  });

  it.each([
    ['wait', 'yes'],
    ['dry_run', '1'],
    ['timeout', '10m'],
    ['timeout', '0'],
    ['timeout', '-5'],
    ['timeout', '99999'],
    ['revision', 'previous~0'],
    ['revision', 'latest!'],
    ['provider', 'heroku']
  ])('names %s when it is %j', (input, value) => {
    expect(inputErrorFor({ ...base, [input]: value }).input).toBe(input);
  });

  it('accepts a dashless vm_uuid and writes it the way the API lists it', () => {
    expect(settingsFrom({ ...base, vm_uuids: '3F2B9C1E5D4A4C2B9E8F0A1B2C3D4E5F' }).settings.vmUuids).toEqual(['3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f']);
  });

  it.each(['https://cloud-api.phala.com/api/v1?x=1', 'https://cloud-api.phala.com/api/v1#frag', 'https://cloud-api.phala.com/api/v1?'])(
    'refuses api_url with a query or fragment: %s',
    (url) => {
      const error = inputErrorFor({ ...base, api_url: url });
      expect(error.input).toBe('api_url');
      expect(error.message).toMatch(/query string or fragment/);
    }
  );

  it('refuses a key with non-ASCII characters, masking it first', () => {
    const { masked, error } = (() => {
      const masks: string[] = [];
      try {
        getSettings(
          (name) => ({ ...base, api_key: 'phak_clé_123' })[name] ?? '',
          {},
          (secret) => masks.push(secret)
        );
      } catch (e) {
        return { masked: masks, error: e as InputError };
      }
      throw new Error('expected an InputError');
    })();
    expect(error.input).toBe('api_key');
    expect(error.message).toMatch(/not printable ASCII/);
    expect(masked).toEqual(['phak_clé_123']);
  });

  it('refuses an enormous value without echoing it whole', () => {
    const error = inputErrorFor({ ...base, revision: 'x'.repeat(100_000) });
    expect(error.input).toBe('revision');
    expect(error.message.length).toBeLessThan(300);
  });

  it('cuts an echoed value short and shows its line breaks as escapes', () => {
    const error = inputErrorFor({ ...base, app_id: `nothex\n::error::forged${'y'.repeat(200)}` });
    expect(error.message).not.toContain('\n::error');
    expect(error.message.length).toBeLessThan(300);
  });

  it('reads booleans the way YAML 1.2 core schema spells them', () => {
    expect(settingsFrom({ ...base, wait: 'False', dry_run: 'TRUE' }).settings).toMatchObject({ wait: false, dryRun: true });
  });
});
