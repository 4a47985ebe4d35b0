import { describe, expect, it } from '@jest/globals';
import { annotations, H, logLines, requestsTo, rollback, sandboxWith } from '../helpers.js';
import { expectFailed, expectRedeployedSaid } from './checks.js';

/**
 * Class 1: never report success for a failed update. The CVM's state alone proves nothing; only
 * this rollback's operation record, completed, does.
 */
const HASHES = [H('v1'), H('v2'), H('v3')];

describe('a failed update is a failure even when the CVM settles running on the target hash', () => {
  it("fails with the platform's message although the CVM shows running on the new hash", async () => {
    const sandbox = await sandboxWith({
      hashes: HASHES,
      cvms: [{ name: 'payments-api' }],
      update: { outcome: 'failed-running', errorMessage: 'image pull failed: manifest unknown' }
    });
    const run = await rollback(sandbox, { timeout: '60' });
    expectFailed(run, 'Rollback failed on the platform');
    expect(annotations(run)[0]!.message).toContain('image pull failed: manifest unknown');
    expect(annotations(run)[0]!.message).toContain('payments-api');
    expectRedeployedSaid(run, 'accepted');
    // A definite failure is said to have failed, not to be possibly still running.
    expect(annotations(run)[0]!.message).toContain('was accepted by Phala Cloud and failed there');
    expect(annotations(run)[0]!.message).not.toContain('may still be running');
    // What the old code saw as success: running, idle, on the target.
    expect(sandbox.cvms()[0]).toMatchObject({ status: 'running', in_progress: false, compose_hash: H('v2') });
    expect(sandbox.updates()[0]!.outcome).toBe('failed');
  });

  it('also when the whole update ran between two polls, so only the record tells', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 20, durationMs: 20, outcome: 'failed-running', errorMessage: 'exit 1' } });
    const run = await rollback(sandbox, { timeout: '60' });
    expectFailed(run, 'Rollback failed on the platform');
    expect(run.outputs.status).not.toBe('completed');
  });
});

describe("'completed' needs this rollback's completed operation record", () => {
  it('reports completed only after the update has settled, and reads the record', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 1500, durationMs: 1500 } });
    const run = await rollback(sandbox);
    expect(run.outputs.status).toBe('completed');
    const settledAt = sandbox.updates()[0]!.settledAt!;
    expect(requestsTo(sandbox, 'GET', /\/operations$/).some((request) => request.at >= settledAt)).toBe(true);
  });

  it('progress.target means busy even when in_progress is left out', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, omitInProgress: true, update: { startLagMs: 300, durationMs: 4000 } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    const { startedAt, settledAt } = sandbox.updates()[0]!;
    // Seen busy while the task ran, and not done before it settled.
    expect(logLines(run).join('\n')).toContain('update in progress');
    const cvmReads = requestsTo(sandbox, 'GET', /\/apps\/\w+\/cvms$/);
    expect(cvmReads.at(-1)!.at).toBeGreaterThanOrEqual(settledAt!);
    expect(cvmReads.some((request) => request.at > startedAt! && request.at < settledAt!)).toBe(true);
  });

  it.each([
    ['activate_revision', false],
    ['update', false],
    ['activate_revision', true]
  ])('matches a record named %s (carries the hash: %s) by correlation and time', async (operationType, operationCarriesHash) => {
    // The update runs entirely between two polls: without the record nothing proves it ran.
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 20, durationMs: 20, operationType, operationCarriesHash } });
    const run = await rollback(sandbox, { timeout: '30' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(requestsTo(sandbox, 'GET', /\/operations$/).length).toBeGreaterThan(0);
  });

  it('with no matchable record it keeps waiting and times out, never completed', async () => {
    // A 'restart' never activates a compose file: it cannot be this rollback's record.
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 20, durationMs: 20, operationType: 'restart' } });
    const run = await rollback(sandbox, { timeout: '6' });
    expectFailed(run, 'Rollback timed out');
    expect(run.durationMs).toBeGreaterThanOrEqual(5500);
    expect(annotations(run)[0]!.message).toContain('Still pending');
    expect(logLines(run).join('\n')).not.toContain('rollback complete');
    expectRedeployedSaid(run, 'accepted');
    expect(sandbox.cvms()[0]).toMatchObject({ status: 'running', in_progress: false, compose_hash: H('v2') });
  });
});
