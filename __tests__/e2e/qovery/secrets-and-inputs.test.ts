import { describe, expect, it } from '@jest/globals';
import { commitOf } from '../../../sandbox/qovery/index.js';
import { expectNoEcho } from '../secret-echo.js';
import { annotations, qoveryWith, rollback } from './helpers.js';

const release = (v: string) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` }, withoutVersion: ['db'] });
const HISTORY = [release('v1'), release('v2'), { ...release('v3'), result: 'ERROR' as const }];
/** A token with characters that every encoding changes, so each echo form differs from the raw one. */
const TOKEN = 'qov_s3cr3t/T0ken+with=chars&"quotes"<9f8e7d6c>';

const FORMS: Record<string, string> = {
  raw: TOKEN,
  'header value': `Token ${TOKEN}`,
  'percent-encoded': encodeURIComponent(TOKEN),
  'form-encoded': new URLSearchParams({ t: TOKEN }).toString().slice(2),
  'JSON-escaped': JSON.stringify(TOKEN).slice(1, -1),
  base64: Buffer.from(TOKEN).toString('base64')
};

describe('Qovery: a token echoed back in any form never reaches the log, annotations, summary or outputs', () => {
  it.each(Object.entries(FORMS))('the deploy request refused with a body that echoes it %s', async (_, form) => {
    const body = `Forbidden: request with authorization ${form} may not deploy this environment`;
    const sandbox = await qoveryWith({
      token: TOKEN,
      executions: HISTORY,
      faults: [
        { endpoint: 'deploy', kind: 'status', status: 403, body },
        { endpoint: 'redeploy', kind: 'status', status: 403, body }
      ]
    });
    const run = await rollback(sandbox, {}, { env: { RUNNER_DEBUG: '1' } });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('No access to the environment');
    expect(annotations(run)[0]!.message).toContain('may not deploy this environment'); // the platform's words are kept
    expectNoEcho(run, { [form === TOKEN ? 'raw' : 'form']: form, raw: TOKEN });
  });

  it('a 401 on the first read whose JSON message names the token in several forms at once', async () => {
    const message = `Invalid token 'Token ${TOKEN}' (base64 ${FORMS.base64}, sent as ${FORMS['percent-encoded']})`;
    const body = JSON.stringify({ status: 401, error: 'Unauthorized', message });
    const sandbox = await qoveryWith({
      token: TOKEN,
      executions: HISTORY,
      faults: (['environment', 'status', 'statuses', 'history'] as const).map((endpoint) => ({ endpoint, kind: 'status' as const, status: 401, body }))
    });
    const run = await rollback(sandbox, {}, { env: { RUNNER_DEBUG: '1' } });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('Qovery rejected the API token');
    expectNoEcho(run, FORMS);
    expect(sandbox.deploys).toHaveLength(0);
  });
});

describe('Qovery: inputs that do not belong are refused before any request', () => {
  it.each([
    ['vm_uuids', '3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f', 'phala'],
    ['transaction_hash', `0x${'ab'.repeat(32)}`, 'phala'],
    ['resources', 'api', 'camunda'],
    ['tenant_id', 'tenantA', 'camunda'],
    ['username', 'ops', 'camunda'],
    ['password', 'ops-secret-value', 'camunda']
  ])('%s names the provider that takes it (%s)', async (input, value, owner) => {
    const sandbox = await qoveryWith({ executions: HISTORY });
    const run = await rollback(sandbox, { [input]: value });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe(`Invalid input '${input}'`);
    expect(error!.message).toContain(`provider ${owner}`);
    expect(error!.message).not.toContain(value);
    expect(run.outputs.status).toBe('failed');
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each([
    // (A line break at either end is trimmed by the runner's toolkit before the action reads it.)
    ['a line break', (url: string) => `${url}/\napi`],
    ['a carriage return', (url: string) => `${url}\r/api`],
    ['a tab', (url: string) => `${url}/\tapi`]
  ])('api_url with %s inside is refused, not silently repaired', async (_, broken) => {
    const sandbox = await qoveryWith({ executions: HISTORY });
    const run = await rollback(sandbox, { api_url: broken(sandbox.url) });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe("Invalid input 'api_url'");
    expect(sandbox.requests).toHaveLength(0);
  });
});
