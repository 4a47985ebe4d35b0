import { describe, expect, it } from '@jest/globals';
import { annotations, H, rollback, sandboxWith } from './helpers.js';

/** Phala runs given another provider's inputs: refused by name before the first request. */
describe('Phala: inputs that do not belong are refused before any request', () => {
  it.each([
    ['username', 'camunda', 'ops'],
    ['password', 'camunda', 'ops-secret-value'],
    ['tenant_id', 'camunda', 'tenantA'],
    ['resources', 'camunda', 'invoice.bpmn']
  ])('%s (an input of %s) names the provider that takes it, never its value', async (input, owner, value) => {
    const sandbox = await sandboxWith({ hashes: [H('v1'), H('v2')] });
    const run = await rollback(sandbox, { [input]: value });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe(`Invalid input '${input}'`);
    expect(error!.message).toContain(`provider ${owner}`);
    expect(error!.message).toContain("this run's provider is phala");
    expect(run.stdout + run.summary).not.toContain(value);
    expect(run.outputs.status).toBe('failed');
    expect(sandbox.requests).toHaveLength(0);
  });

  it('an api_url with a line break inside is refused, not sent to another path', async () => {
    const sandbox = await sandboxWith({ hashes: [H('v1'), H('v2')] });
    const run = await rollback(sandbox, { api_url: `${sandbox.url}/\napi/v1` });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe("Invalid input 'api_url'");
    expect(annotations(run)[0]!.message).toContain('U+000A');
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each([
    ['api_url', 'a carriage return', (url: string) => `${url}\r/api`, 'U+000D'],
    ['api_url', 'a tab', (url: string) => `${url}/\tapi`, 'U+0009'],
    ['api_url', 'a line separator (U+2028)', (url: string) => `${url}/\u2028api`, 'U+2028'],
    ['api_url', 'a next line (U+0085)', (url: string) => `${url}/\u0085api`, 'U+0085'],
    ['api_url', 'a delete character', (url: string) => `${url}/\u007fapi`, 'U+007F'],
    ['health_url', 'a line break', (url: string) => `${url}/health\nz`, 'U+000A'],
    ['health_url', 'a tab', (url: string) => `${url}/he\talth`, 'U+0009']
  ])('%s with %s inside is refused before any request, not silently repaired', async (input, _, broken, code) => {
    const sandbox = await sandboxWith({ hashes: [H('v1'), H('v2')] });
    const run = await rollback(sandbox, { [input]: broken(sandbox.url) });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe(`Invalid input '${input}'`);
    expect(annotations(run)[0]!.message).toContain(code);
    expect(run.outputs.status).toBe('failed');
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a foreign input is refused before a bad URL would be looked at, and before the key is checked', async () => {
    const sandbox = await sandboxWith({ hashes: [H('v1'), H('v2')] });
    const run = await rollback(sandbox, { resources: 'invoice.bpmn', api_key: 'wrong-key' });

    expect(annotations(run)[0]!.title).toBe("Invalid input 'resources'");
    expect(sandbox.requests).toHaveLength(0);
  });
});
