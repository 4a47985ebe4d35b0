import { describe, expect, it } from '@jest/globals';
import { annotations, H, requestsTo, rollback, sandboxWith, withOwnSandbox } from './helpers.js';

/*
 * The answer to the redeploy itself goes wrong. Apart from the read faults in faults.test.ts
 * because each case that waits out the 15 s watch of a lost answer takes that long: in a file of
 * their own they run beside the rest of the suite instead of after it.
 */

const HASHES = [H('v1'), H('v2'), H('v3')];

describe('the redeploy is never sent twice', () => {
  it.each([502, 500, 504])('a %i after the platform acted: no second request, exactly one redeploy', async (status) => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status, afterProcessing: true }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(requestsTo(sandbox, 'POST', /redeploy$/)).toHaveLength(1);
    expect(sandbox.redeploys).toHaveLength(1);
  });

  it('a dropped connection after the platform acted: exactly one redeploy', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'drop', afterProcessing: true }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(sandbox.redeploys).toHaveLength(1);
    expect(requestsTo(sandbox, 'POST', /redeploy$/)).toHaveLength(1);
  });

  // Side by side (each with a sandbox of its own): each waits out the whole 15 s watch.
  it.concurrent.each([
    ['a 502', { kind: 'status' as const, status: 502 }],
    ['a 500', { kind: 'status' as const, status: 500 }],
    ['a 303', { kind: 'status' as const, status: 303 }],
    ['a dropped connection', { kind: 'drop' as const }]
  ])('%s before the platform acted: watched 15 s, never sent again, reported as not acted on', (_, fault) =>
    withOwnSandbox({ hashes: HASHES, faults: [{ endpoint: 'redeploy', ...fault }] }, async (sandbox) => {
      const started = Date.now();
      const run = await rollback(sandbox);
      expect(run.exitCode).toBe(1);
      expect(requestsTo(sandbox, 'POST', /redeploy$/)).toHaveLength(1);
      expect(sandbox.redeploys).toHaveLength(0);
      // Not acting is proven only by watching for 15 s: a lost request may still be processed.
      expect(Date.now() - started).toBeGreaterThanOrEqual(15_000);
      const error = annotations(run)[0]!;
      expect(error.title).toBe('Redeploy not acted on');
      expect(error.message).toContain('shows no trace of it');
      expect(error.message).toContain('Nothing was redeployed');
    })
  );

  it('a deadline inside the watch ends undecided: may still take effect, never "nothing was redeployed"', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status: 503, times: Infinity }] });
    const run = await rollback(sandbox, { timeout: '8' }, { killAfterMs: 30_000 });
    expect(run.exitCode).toBe(1);
    expect(requestsTo(sandbox, 'POST', /redeploy$/)).toHaveLength(1);
    const error = annotations(run)[0]!;
    expect(error.title).toBe('Rollback timed out');
    expect(error.message).toContain('may still take effect');
    expect(error.message).not.toContain('Nothing was redeployed');
  }, 40_000);
});
