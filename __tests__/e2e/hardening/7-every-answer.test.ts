import { describe, expect, it } from '@jest/globals';
import { annotations, H, logLines, requestsTo, rollback, sandboxWith } from '../helpers.js';
import type { Sandbox } from '../../../sandbox/phala/index.js';
import { expectFailed, expectRedeployedSaid } from './checks.js';

/**
 * Issue 13 §1 on Phala, answer by answer: whatever a platform, a proxy or an attacker answers to
 * the one POST that changes the platform, it is sent exactly once, never followed, and the run
 * ends saying whether the platform was changed.
 */
const HASHES = [H('v1'), H('v2'), H('v3')];
const posts = (sandbox: Sandbox) => requestsTo(sandbox, 'POST', /\/redeploy$/);
const redeployPath = (sandbox: Sandbox) => {
  const revision = sandbox.revisions().find((row) => row.compose_hash.toLowerCase().replace(/^0x/, '') === H('v2'))!;
  return `/apps/${sandbox.scenario.appId}/revisions/${revision.revision_id}/redeploy`;
};
const EVIL = 'https://evil.example';

describe('a 3xx of any kind to the POST, after the platform acted: never followed, read back, completed', () => {
  it.each([
    [301, 'same'],
    [302, 'same'],
    [303, 'same'],
    [307, 'same'],
    [308, 'same'],
    [301, 'other'],
    [302, 'other'],
    [303, 'other'],
    [307, 'other'],
    [308, 'other']
  ])(
    '%i to the %s origin',
    async (status, origin) => {
      const sandbox = await sandboxWith({ hashes: HASHES });
      const location = origin === 'same' ? `${sandbox.url}${redeployPath(sandbox)}` : `${EVIL}${redeployPath(sandbox)}`;
      sandbox.addFault({ endpoint: 'redeploy', kind: 'redirect', status, location, afterProcessing: true });
      const run = await rollback(sandbox, { timeout: '60' });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.status).toBe('completed');
      expect(posts(sandbox).map((request) => request.status)).toEqual([status]);
      expect(sandbox.redeploys).toHaveLength(1);
      expect(logLines(run).join('\n')).toContain(`answered ${status}`);
      expect(run.stdout).not.toContain('evil.example');
    },
    60_000
  );

  it('304 (a cache answering a POST)', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status: 304, afterProcessing: true }] });
    const run = await rollback(sandbox, { timeout: '60' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
  }, 60_000);
});

describe('a 3xx or an odd status when the platform did not act: watched 15 s, "not acted on", nothing redeployed, one POST', () => {
  it.each([
    ['a 303 to another origin', { kind: 'redirect' as const, status: 303, location: `${EVIL}/x` }],
    ['a 308 to the same origin', { kind: 'redirect' as const, status: 308 }],
    ['a 304', { kind: 'status' as const, status: 304 }],
    ['a 520', { kind: 'status' as const, status: 520 }]
  ])(
    '%s',
    async (_, fault) => {
      const sandbox = await sandboxWith({ hashes: HASHES });
      sandbox.addFault({ endpoint: 'redeploy', ...fault, ...(fault.kind === 'redirect' && !('location' in fault) ? { location: `${sandbox.url}${redeployPath(sandbox)}` } : {}) });
      const started = Date.now();
      const run = await rollback(sandbox, { timeout: '60' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(15_000);
      expectFailed(run, 'Redeploy not acted on');
      expectRedeployedSaid(run, 'nothing');
      expect(posts(sandbox)).toHaveLength(1);
      expect(sandbox.redeploys).toHaveLength(0);
    },
    60_000
  );
});

describe('odd statuses and 5xx after the platform acted: read back, completed with one POST', () => {
  it.each([418, 499, 500, 502, 503, 504, 520, 599])(
    '%i',
    async (status) => {
      const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status, afterProcessing: true }] });
      const run = await rollback(sandbox, { timeout: '60' });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.status).toBe('completed');
      expect(posts(sandbox)).toHaveLength(1);
      expect(sandbox.redeploys).toHaveLength(1);
    },
    60_000
  );
});

describe('a 2xx is accepted whatever its body', () => {
  it.each([
    ['empty', ''],
    ['plain text', 'OK'],
    ['JSON that is not an object', '"queued"'],
    ['an HTML page', '<html><body>Accepted</body></html>']
  ])(
    '202 with a body that is %s: completed, one POST',
    async (_, body) => {
      const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status: 202, body, afterProcessing: true }] });
      const run = await rollback(sandbox, { timeout: '60' });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.status).toBe('completed');
      expect(posts(sandbox)).toHaveLength(1);
      expect(sandbox.redeploys).toHaveLength(1);
    },
    60_000
  );
});

describe('a reset or a timeout of the POST', () => {
  it('a reset after the platform acted: one POST, completed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'drop', afterProcessing: true }] });
    const run = await rollback(sandbox, { timeout: '60' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
  }, 60_000);

  it('a 200 whose body is larger than the cap, after the platform acted: read back, one POST, completed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'huge-body', sizeBytes: 20 * 1024 * 1024, afterProcessing: true }] });
    const run = await rollback(sandbox, { timeout: '60' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(posts(sandbox)).toHaveLength(1);
    expect(sandbox.redeploys).toHaveLength(1);
  }, 60_000);

  it('a POST that never answers until the deadline: undecided, saying the redeploy may have reached Phala Cloud', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'latency', delayMs: 120_000 }] });
    const run = await rollback(sandbox, { timeout: '12' });
    expect(run.durationMs).toBeLessThan(25_000);
    expectFailed(run, 'Rollback timed out');
    expectRedeployedSaid(run, 'unknown');
    expect(annotations(run)[0]!.message).toContain('Phala Cloud dashboard');
    expect(posts(sandbox)).toHaveLength(1);
  }, 60_000);
});

describe('a watch that cannot see the targets proves nothing', () => {
  it('a CVM list that stops showing the targeted CVM after a lost answer: never "not acted on"; undecided at the deadline', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status: 502 }] });
    const hide = setInterval(() => {
      if (posts(sandbox).length === 0) return;
      clearInterval(hide);
      sandbox.addFault({ endpoint: 'listAppCvms', kind: 'status', status: 200, body: '[]', times: Infinity });
    }, 5);
    const run = await rollback(sandbox, { timeout: '22' }).finally(() => clearInterval(hide));
    expectFailed(run, 'Rollback timed out');
    expectRedeployedSaid(run, 'unknown');
    expect(posts(sandbox)).toHaveLength(1);
  }, 60_000);
});
