import { describe, expect, it } from '@jest/globals';
import { commitOf } from '../../../sandbox/qovery/index.js';
import type { QoverySandbox } from '../../../sandbox/qovery/index.js';
import { Q, validateResponse } from '../../sandbox/qovery/openapi-validator.js';
import { qoveryWith, rollback } from './helpers.js';

const TEMPLATES: Array<[RegExp, string]> = [
  [/^\/environment\/deploymentStatus$/, Q.requestStatus],
  [/^\/environment\/[^/]+$/, Q.environment],
  [/^\/environment\/[^/]+\/deploymentQueue$/, Q.queue],
  [/^\/environment\/[^/]+\/status$/, Q.status],
  [/^\/environment\/[^/]+\/statuses$/, Q.statuses],
  [/^\/environment\/[^/]+\/deploymentHistoryV2$/, Q.history],
  [/^\/environment\/[^/]+\/redeploy$/, Q.redeploy],
  [/^\/environment\/[^/]+\/service\/deploy$/, Q.deploy]
];

/** Every answer the sandbox gave, checked against the document's schema for its endpoint and status. */
function offSpec(sandbox: QoverySandbox): string[] {
  return sandbox.requests.flatMap((request) => {
    const template = TEMPLATES.find(([pattern]) => pattern.test(request.path))?.[1];
    if (!template) return [`${request.method} ${request.path}: not a documented path`];
    return validateResponse(template, request.method, request.status, request.response).map((problem) => `${request.method} ${request.path} → ${request.status}: ${problem}`);
  });
}

const release = (v: string) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` }, withoutVersion: ['db'] });

describe('Qovery: what the action reads is what the document describes', () => {
  it('a rollback that meets a 409 and ends in error: every sandbox answer matches the OpenAPI document', async () => {
    const sandbox = await qoveryWith({
      executions: [release('v1'), release('v2'), release('v3')],
      // Busy for longer than the action takes to start and read on a loaded machine, so its POST meets the 409.
      busyForMs: 5000,
      conflictWhileBusy: true,
      deployment: { outcome: 'error', errorServices: ['api'] }
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(sandbox.requests.map((r) => r.status)).toContain(409);
    expect(sandbox.requests.length).toBeGreaterThan(8);
    expect(offSpec(sandbox)).toEqual([]);
  });

  it('current, and a refused token: every answer matches too', async () => {
    const sandbox = await qoveryWith();
    expect((await rollback(sandbox, { revision: 'current' })).exitCode).toBe(0);
    expect((await rollback(sandbox, { api_key: 'qov_wrong' })).exitCode).toBe(1);
    expect(sandbox.requests.map((r) => r.status)).toContain(401);
    expect(offSpec(sandbox)).toEqual([]);
  });

  it('a rollback queued behind another deployment: the queue and the request status match too', async () => {
    const sandbox = await qoveryWith({ executions: [release('v1'), release('v2'), release('v3')], busyForMs: 2500 });
    expect((await rollback(sandbox)).exitCode).toBe(0);
    expect(sandbox.requests.some((r) => r.path.endsWith('/deploymentQueue') && (r.response as { results: unknown[] }).results.length > 0)).toBe(true);
    expect(offSpec(sandbox)).toEqual([]);
  });
});
