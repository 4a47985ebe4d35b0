import { describe, expect, it } from '@jest/globals';
import { annotations, H, requestsTo, rollback, sandboxWith } from '../helpers.js';
import { expectFailed, expectRedeployedSaid } from './checks.js';

/** Class 5: bounded in memory, time and requests, whatever the platform sends or the inputs say. */
const HASHES = [H('v1'), H('v2'), H('v3')];
const MAX_RSS_KB = 256 * 1024;

describe('hostile bodies', () => {
  it('a 20 MiB body is refused with a clear error, and memory stays under 256 MB', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listRevisions', kind: 'huge-body', sizeBytes: 20 * 1024 * 1024 }] });
    const run = await rollback(sandbox, {}, { measureMemory: true });
    expectFailed(run, 'Response from Phala Cloud too large');
    expect(annotations(run)[0]!.message).toContain('GET /api/v1/apps/');
    expectRedeployedSaid(run, 'nothing');
    expect(run.maxRssKb).toBeGreaterThan(0);
    expect(run.maxRssKb!).toBeLessThan(MAX_RSS_KB);
  });

  it('a body that trickles for ever is cut off at the run timeout', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listAppCvms', kind: 'slow-body', chunkBytes: 1, intervalMs: 200, times: Infinity }] });
    const run = await rollback(sandbox, { timeout: '8' });
    expect(run.durationMs).toBeLessThan(18_000);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.summary).toContain('Failed');
    expectRedeployedSaid(run, 'nothing');
  });

  it('a slow answer to a read during the wait is cut off too, saying the redeploy was accepted', async () => {
    const sandbox = await sandboxWith({
      hashes: HASHES,
      update: { outcome: 'endless' },
      faults: [{ endpoint: 'listOperations', kind: 'slow-body', chunkBytes: 1, intervalMs: 500, times: Infinity }]
    });
    const run = await rollback(sandbox, { timeout: '8' });
    expect(run.durationMs).toBeLessThan(18_000);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expectRedeployedSaid(run, 'accepted');
  });
});

describe('paging', () => {
  it('stops when the server repeats pages, saying so', async () => {
    const sandbox = await sandboxWith({ historySize: 2500, restartsBetweenDeploys: false, ignorePage: true });
    const run = await rollback(sandbox, { revision: `0x${H('nowhere')}` });
    expectFailed(run, 'Revision history paging failed');
    expect(annotations(run)[0]!.message).toMatch(/repeated page 1/);
    expect(requestsTo(sandbox, 'GET', /\/revisions$/).length).toBeLessThanOrEqual(10);
    expectRedeployedSaid(run, 'nothing');
  });

  it('a hostile total_pages (1e12) does not make it loop', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, totalPagesOverride: 1e12 });
    const run = await rollback(sandbox, { revision: `0x${H('nowhere')}` });
    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(15_000);
    expect(requestsTo(sandbox, 'GET', /\/revisions$/).length).toBeLessThanOrEqual(100);
    expect(annotations(run)[0]!.title).toMatch(/Revision not found|paging failed/);
  });

  it('a hostile total_pages with rows on every page is capped at 100 requests', async () => {
    const sandbox = await sandboxWith({ historySize: 2500, restartsBetweenDeploys: false, totalPagesOverride: 1e12, ignorePage: true });
    const run = await rollback(sandbox, { revision: `0x${H('nowhere')}` });
    expect(run.exitCode).toBe(1);
    expect(requestsTo(sandbox, 'GET', /\/revisions$/).length).toBeLessThanOrEqual(100);
  });
});

describe('input edge cases are refused or normalised before any request', () => {
  it.each([
    ['api_url', 'with a query string', (url: string) => ({ api_url: `${url}?x=1` })],
    ['api_url', 'with a fragment', (url: string) => ({ api_url: `${url}#frag` })],
    ['api_key', 'with non-ASCII characters', () => ({ api_key: 'phak_sändbox_0123456789abcdef' })],
    ['app_id', 'of 100,000 characters', () => ({ app_id: 'a'.repeat(100_000) })],
    ['vm_uuids', 'of 100,000 characters', () => ({ vm_uuids: 'x'.repeat(100_000) })],
    ['revision', 'of 100,000 characters', () => ({ revision: 'f'.repeat(100_000) })]
  ])('%s %s', async (input, _, inputs) => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, inputs(sandbox.url));
    expectFailed(run, `Invalid input '${input}'`);
    expect(sandbox.requests).toHaveLength(0);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThan(16 * 1024);
    expectRedeployedSaid(run, 'nothing');
  });

  it('dashless vm_uuids are the same CVMs', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms: [{ name: 'web-1' }, { name: 'web-2' }] });
    const [a] = sandbox.cvms();
    const run = await rollback(sandbox, { vm_uuids: a!.vm_uuid.replace(/-/g, '').toUpperCase() });
    expect(run.exitCode).toBe(0);
    expect(sandbox.redeploys[0]!.vmUuids).toEqual([a!.vm_uuid]);
    expect(JSON.parse(run.outputs.vm_uuids!)).toEqual([a!.vm_uuid]);
  });
});
