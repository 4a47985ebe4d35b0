import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/errors.js';
import { getSettings } from '../../../src/input-helper.js';
import { isRollbackSource, rollbackSource } from '../../../src/providers/camunda/rollback-source.js';
import type { CamundaSettings } from '../../../src/settings.js';

function settings(inputs: Record<string, string>, masked: string[] = []): CamundaSettings {
  const all: Record<string, string> = { provider: 'camunda', api_url: 'https://bpm.example.com/engine-rest', app_id: 'invoice', ...inputs };
  return getSettings(
    (name) => all[name] ?? '',
    {},
    (secret) => masked.push(secret)
  ) as CamundaSettings;
}

function refusal(inputs: Record<string, string>): InputError {
  try {
    settings(inputs);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('camunda inputs', () => {
  test("HTTP Basic from username and password: the password and the header's base64 of user:password are masked, the user name is not", () => {
    const masked: string[] = [];
    const result = settings({ username: 'ops', password: 's3cret-pass' }, masked);
    expect(result.auth).toEqual({ kind: 'basic', username: 'ops', password: 's3cret-pass' });
    expect(masked).toEqual(['s3cret-pass', Buffer.from('ops:s3cret-pass').toString('base64')]);
  });

  test('a bearer token from api_key; no credentials at all for an engine without authentication', () => {
    expect(settings({ api_key: 'eyJtoken' }).auth).toEqual({ kind: 'bearer', token: 'eyJtoken' });
    expect(settings({}).auth).toEqual({ kind: 'none' });
  });

  test('credentials come together or not at all, and never both kinds', () => {
    expect(refusal({ username: 'ops' }).input).toBe('password');
    expect(refusal({ password: 'x' }).input).toBe('username');
    expect(refusal({ username: 'ops', password: 'x', api_key: 't' }).input).toBe('api_key');
  });

  test('api_url is required (no default, no environment fallback) and https unless loopback', () => {
    expect(refusal({ api_url: '' }).message).toContain('required');
    expect(refusal({ api_url: 'http://bpm.example.com/engine-rest' }).input).toBe('api_url');
    expect(settings({ api_url: 'http://127.0.0.1:8080/engine-rest/engine/other/' }).apiUrl).toBe('http://127.0.0.1:8080/engine-rest/engine/other');
  });

  test('app_id may be empty only with a deployment id as revision', () => {
    expect(refusal({ app_id: '' }).input).toBe('app_id');
    expect(settings({ app_id: '', revision: 'a1b2c3d4-e905-11f1-9ce3-02fc00000001' }).revision).toMatchObject({ kind: 'ref' });
    expect(settings({ revision: 'previous~3' }).revision).toMatchObject({ kind: 'previous', steps: 3 });
  });

  test('resources split on commas and new lines (names may hold spaces); tenant_id as given', () => {
    const result = settings({ resources: 'invoice.bpmn, my approval.dmn\nforms/a.form,invoice.bpmn', tenant_id: 'tenantA' });
    expect(result.resources).toEqual(['invoice.bpmn', 'my approval.dmn', 'forms/a.form']);
    expect(result.tenantId).toBe('tenantA');
    expect(settings({}).resources).toBeUndefined();
  });
});

describe('rollback source', () => {
  test('names the workflow run, or a random suffix outside one; recognised later', () => {
    const inRun = rollbackSource({ GITHUB_REPOSITORY: 'acme/bpm', GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2' });
    expect(inRun).toBe('rollback acme/bpm run 123.2');
    const outside = rollbackSource({});
    expect(outside).toMatch(/^rollback [0-9a-f]{12}$/);
    expect(rollbackSource({})).not.toBe(outside);
    expect(isRollbackSource(inRun)).toBe(true);
    expect(isRollbackSource(outside)).toBe(true);
    expect(isRollbackSource('process application')).toBe(false);
    expect(isRollbackSource(null)).toBe(false);
    expect(rollbackSource({ GITHUB_REPOSITORY: `a/${'x'.repeat(300)}`, GITHUB_RUN_ID: '1' }).length).toBeLessThanOrEqual(255);
  });
});

describe('credentials on the wire', () => {
  test('Basic for username/password, Bearer for api_key, nothing without credentials', async () => {
    const { authHeaders } = await import('../../../src/providers/camunda/camunda-provider.js');
    expect(authHeaders({ kind: 'basic', username: 'ops', password: 'pw' })).toEqual({ Authorization: `Basic ${Buffer.from('ops:pw').toString('base64')}` });
    expect(authHeaders({ kind: 'bearer', token: 'eyJ' })).toEqual({ Authorization: 'Bearer eyJ' });
    expect(authHeaders({ kind: 'none' })).toEqual({});
  });

  test('the credential the Basic header carries is the one registered for redaction', async () => {
    const { authHeaders } = await import('../../../src/providers/camunda/camunda-provider.js');
    const masked: string[] = [];
    const { auth } = settings({ username: 'ops-deployer', password: 'S3cr3t:p@ss/w0rd' }, masked);
    const header = authHeaders(auth).Authorization!;
    expect(masked).toContain(header.replace(/^Basic /, ''));
    expect(masked).not.toContain('ops-deployer');
  });
});
