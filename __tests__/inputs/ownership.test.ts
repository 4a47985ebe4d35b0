import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { InputError } from '../../src/errors.js';
import { getSettings } from '../../src/input-helper.js';
import { INPUT_DEFAULTS } from '../../src/inputs/defaults.js';
import { PROVIDER_ONLY_INPUTS, URL_INPUTS } from '../../src/inputs/ownership.js';
import { PROVIDERS, type ProviderName } from '../../src/settings.js';

interface ActionInput {
  description: string;
  default?: string;
}
const ACTION = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, ActionInput> };

/** A valid run of each provider, as the runner passes it: every action.yml default set. */
const VALID: Record<ProviderName, Record<string, string>> = {
  phala: { provider: 'phala', api_key: 'phak_test_key_123', app_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
  camunda: { provider: 'camunda', api_url: 'https://bpm.example.com/engine-rest', app_id: 'invoice', username: 'ops', password: 'ops-secret' },
  qovery: { provider: 'qovery', api_key: 'qov_token_123456', app_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a' }
};

/** Foreign values that would otherwise be valid for their own provider. */
const SAMPLE: Record<string, string> = {
  vm_uuids: '3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f',
  transaction_hash: `0x${'ab'.repeat(32)}`,
  username: 'ops',
  password: 'ops-secret-value',
  tenant_id: 'tenantA',
  resources: 'invoice.bpmn'
};

function refusal(inputs: Record<string, string>): InputError {
  const all: Record<string, string> = { ...INPUT_DEFAULTS, ...inputs };
  try {
    getSettings(
      (name) => all[name] ?? '',
      {},
      () => undefined
    );
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected an InputError for ${JSON.stringify(inputs)}`);
}

function accepted(inputs: Record<string, string>): void {
  const all: Record<string, string> = { ...INPUT_DEFAULTS, ...inputs };
  getSettings(
    (name) => all[name] ?? '',
    {},
    () => undefined
  );
}

describe('the tables agree with action.yml', () => {
  it('the defaults are those action.yml declares (the runner passes them for every input left out)', () => {
    const declared = Object.fromEntries(Object.entries(ACTION.inputs).flatMap(([name, input]) => (input.default === undefined ? [] : [[name, String(input.default)]])));
    expect(INPUT_DEFAULTS).toEqual(declared);
  });

  it('each provider-only input is one action.yml describes as "<provider> only"', () => {
    const described = Object.fromEntries(PROVIDERS.map((provider) => [provider, [] as string[]]));
    for (const [name, input] of Object.entries(ACTION.inputs)) {
      const owner = /^(\w+) only\b/.exec(input.description)?.[1];
      if (owner) described[owner]!.push(name);
    }
    expect(PROVIDER_ONLY_INPUTS).toEqual(described);
  });

  it('every *_url input is checked as a URL', () => {
    expect([...URL_INPUTS].sort()).toEqual(
      Object.keys(ACTION.inputs)
        .filter((name) => name.endsWith('_url'))
        .sort()
    );
  });
});

describe('an input of another provider is refused before any request, naming the provider that takes it', () => {
  const cases = PROVIDERS.flatMap((provider) =>
    PROVIDERS.filter((owner) => owner !== provider).flatMap((owner) => PROVIDER_ONLY_INPUTS[owner].map((name) => [provider, name, owner] as const))
  );

  it.each(cases)('on %s: %s (an input of %s)', (provider, name, owner) => {
    const error = refusal({ ...VALID[provider], [name]: SAMPLE[name]! });
    expect(error.input).toBe(name);
    expect(error.message).toContain(`provider ${owner}`);
    expect(error.message).toContain(`provider is ${provider}`);
    // The value is never echoed: it may be a password.
    expect(error.message).not.toContain(SAMPLE[name]!);
  });

  it('the same inputs are accepted by the provider that takes them', () => {
    expect(() => accepted({ ...VALID.phala, vm_uuids: SAMPLE.vm_uuids!, transaction_hash: SAMPLE.transaction_hash! })).not.toThrow();
    expect(() => accepted({ ...VALID.camunda, tenant_id: SAMPLE.tenant_id!, resources: SAMPLE.resources! })).not.toThrow();
  });

  it('an input left at its default, empty or only blanks is not "given"', () => {
    expect(() => accepted({ ...VALID.qovery, vm_uuids: '  ', resources: '\n' })).not.toThrow();
  });
});

describe('a URL input with a control character is refused, never silently repaired', () => {
  const breaks: Array<[string, string]> = [
    ['a line break inside', 'https://api.example.com/api\n/v1'],
    ['a carriage return', 'https://api.example.com/api\r/v1'],
    ['a tab', 'https://api.example.com/\tapi/v1'],
    ['a trailing line break', 'https://api.example.com/api/v1\n'],
    ['a NUL', 'https://api.example.com/api/v1\u0000'],
    ['a C1 next-line', 'https://api.example.com/api\u0085/v1'],
    ['a Unicode line separator', 'https://api.example.com/api\u2028/v1']
  ];
  const providers = PROVIDERS.flatMap((provider) => breaks.map(([what, url]) => [provider, what, url] as const));

  it.each(providers)('api_url on %s with %s', (provider, _what, url) => {
    const error = refusal({ ...VALID[provider], api_url: url });
    expect(error.input).toBe('api_url');
    expect(error.message).toMatch(/control character \(U\+[0-9A-F]{4}/);
    expect(error.message).not.toContain('api.example.com');
  });

  it.each(PROVIDERS)('health_url on %s', (provider) => {
    const error = refusal({ ...VALID[provider], health_url: 'https://app.example.com/\nhealthz?token=s3cret' });
    expect(error.input).toBe('health_url');
    expect(error.message).not.toContain('s3cret');
  });

  it('PHALA_CLOUD_API_PREFIX, the fallback of api_url, is checked too', () => {
    expect(() =>
      getSettings(
        (name) => ({ ...INPUT_DEFAULTS, ...VALID.phala })[name] ?? '',
        { PHALA_CLOUD_API_PREFIX: 'https://api.example.com/a\tb' },
        () => undefined
      )
    ).toThrow(InputError);
  });
});
