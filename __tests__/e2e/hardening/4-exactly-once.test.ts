import { describe, expect, it } from '@jest/globals';
import { annotations, H, logLines, requestsTo, rollback, sandboxWith } from '../helpers.js';
import { expectFailed, expectRedeployedSaid } from './checks.js';

/** Class 4: exactly one redeploy, whatever the answer to the POST looks like. */
const HASHES = [H('v1'), H('v2'), H('v3')];
const posts = (sandbox: Parameters<typeof requestsTo>[0]) => requestsTo(sandbox, 'POST', /\/redeploy$/);

describe('an unclear answer to the POST is never followed or re-sent blindly', () => {
  it('a redirect is not followed nor re-sent: after a 15 s watch with no trace, it is reported as not acted on', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const revision = sandbox.revisions().find((row) => row.compose_hash.toLowerCase().replace(/^0x/, '') === H('v2'))!;
    sandbox.addFault({ endpoint: 'redeploy', kind: 'redirect', location: `${sandbox.url}/apps/${sandbox.scenario.appId}/revisions/${revision.revision_id}/redeploy` });
    const started = Date.now();
    const run = await rollback(sandbox, { timeout: '60' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(posts(sandbox).map((request) => request.status)).toEqual([307]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15_000);
    expect(sandbox.redeploys).toHaveLength(0);
    expect(annotations(run)[0]).toMatchObject({ title: 'Redeploy not acted on', message: expect.stringContaining('Nothing was redeployed') });
  }, 60_000);

  it.each([
    ['a 1xx then a closed socket', 'HTTP/1.1 100 Continue\r\n\r\n'],
    ['bytes that are not HTTP', 'garbage\r\n\r\n'],
    ['a truncated status line', 'HTTP/1.1 20']
  ])('%s after the platform acted: one POST, completed', async (_, raw) => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'raw', raw, afterProcessing: true }] });
    const run = await rollback(sandbox, { timeout: '60' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
    expect(sandbox.redeploys).toHaveLength(1);
  });

  it("this run's own POST took effect before the answer was lost: completed, never skipped", async () => {
    // The update is over before the action looks: the CVM already runs the target, idle.
    const sandbox = await sandboxWith({
      hashes: HASHES,
      update: { startLagMs: 20, durationMs: 20 },
      faults: [{ endpoint: 'redeploy', kind: 'status', status: 502, afterProcessing: true }]
    });
    const run = await rollback(sandbox, { timeout: '60' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
  });

  it('a 2xx whose body is not JSON is accepted: completed with one POST', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'malformed', status: 202, afterProcessing: true }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
    expect(logLines(run).join('\n')).toContain('not JSON');
  });

  it('the watch never runs past the deadline: timeout 10 ends within 20 s, saying the outcome is unknown', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'drop', times: Infinity }] });
    const run = await rollback(sandbox, { timeout: '10' });
    expect(run.durationMs).toBeLessThan(20_000);
    expectFailed(run, 'Rollback timed out');
    expect(annotations(run)[0]!.message).toMatch(/answer was lost/);
    expectRedeployedSaid(run, 'unknown');
    expect(posts(sandbox)).toHaveLength(1);
  });
});

describe('429 and 409 on the POST are retried 1 to 60 s apart, whatever Retry-After says', () => {
  it.each([
    [429, '0'],
    [429, 'Wed, 21 Oct 2015 07:28:00 GMT'],
    [409, '0']
  ])('%i with Retry-After %s: at least 1 s before the next POST', async (status, retryAfter) => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status, retryAfter }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const sent = posts(sandbox);
    expect(sent.map((request) => request.status)).toEqual([status, 202]);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(950);
    expect(sent[1]!.at - sent[0]!.at).toBeLessThanOrEqual(61_000);
    expect(sandbox.redeploys).toHaveLength(1);
  });

  it('429 with Retry-After 999999 does not wait 999999 s: ends well within the timeout, nothing redeployed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status: 429, retryAfter: '999999', times: Infinity }] });
    const run = await rollback(sandbox, { timeout: '20' });
    expect(run.durationMs).toBeLessThan(30_000);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expectRedeployedSaid(run, 'nothing');
    expect(sandbox.redeploys).toHaveLength(0);
  });
});

describe('a clear no on the POST says nothing was redeployed and keeps its guidance', () => {
  it('465: register the compose hash on-chain', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, onchainKms: true });
    const run = await rollback(sandbox);
    expectFailed(run, 'Compose hash must be registered on-chain (transaction_hash)');
    expect(annotations(run)[0]!.message).toContain(`addComposeHash(0x${H('v2')})`);
    expect(run.summary).toContain('addComposeHash');
    expectRedeployedSaid(run, 'nothing');
    expect(posts(sandbox)).toHaveLength(1);
  });

  it("another 4xx: the platform's reason, sent once", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status: 400, body: '{"detail":"Revision is archived"}' }] });
    const run = await rollback(sandbox);
    expectFailed(run, 'Unexpected answer from Phala Cloud');
    expect(annotations(run)[0]!.message).toContain('Revision is archived');
    expectRedeployedSaid(run, 'nothing');
    expect(posts(sandbox)).toHaveLength(1);
  });
});
