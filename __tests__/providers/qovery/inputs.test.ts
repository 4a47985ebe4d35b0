import { describe, expect, it } from '@jest/globals';
import { getSettings } from '../../../src/input-helper.js';
import type { QoverySettings } from '../../../src/settings.js';

const ENV_ID = '3C90C3CC-0D44-4B50-8888-8DD25736052A';
function settings(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const masked: string[] = [];
  const all: Record<string, string> = { provider: 'qovery', app_id: ENV_ID, api_key: 'qov_token', ...inputs };
  const result = getSettings(
    (name) => all[name] ?? '',
    env,
    (secret) => masked.push(secret)
  ) as QoverySettings;
  return { result, masked };
}

describe('Qovery inputs', () => {
  it('defaults: api.qovery.com, previous, the environment id in canonical form, token masked', () => {
    const { result, masked } = settings({});
    expect(result).toMatchObject({
      provider: 'qovery',
      apiUrl: 'https://api.qovery.com',
      appId: ENV_ID.toLowerCase(),
      apiKey: 'qov_token',
      revision: { kind: 'previous', steps: 1 }
    });
    expect(masked).toEqual(['qov_token']);
  });

  it('accepts current and execution ids (lower-cased)', () => {
    expect(settings({ revision: 'current' }).result.revision.kind).toBe('current');
    expect(settings({ revision: `${ENV_ID}-3` }).result.revision).toMatchObject({ kind: 'ref', revisionId: `${ENV_ID.toLowerCase()}-3` });
  });

  it('falls back to QOVERY_CLI_ACCESS_TOKEN, never to Phala variables', () => {
    expect(settings({ api_key: '' }, { QOVERY_CLI_ACCESS_TOKEN: 'from_env' }).result.apiKey).toBe('from_env');
    expect(() => settings({ api_key: '' }, { PHALA_CLOUD_API_KEY: 'phak_x' })).toThrow(/QOVERY_CLI_ACCESS_TOKEN/);
    expect(settings({ api_url: '' }, { PHALA_CLOUD_API_PREFIX: 'https://example.com' }).result.apiUrl).toBe('https://api.qovery.com');
  });

  it.each([
    [{ app_id: '' }, /app_id is required/],
    [{ app_id: 'production' }, /not an environment id/],
    [{ revision: 'abc' }, /execution id/],
    [{ revision: 'previous~0' }, /previous~N/]
  ])('refuses %j', (inputs, message) => {
    expect(() => settings(inputs)).toThrow(message);
  });
});
