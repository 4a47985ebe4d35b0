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
});
