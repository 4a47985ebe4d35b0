import { describe, expect, it } from '@jest/globals';
import { annotations, H, logLines, requestsTo, rollback, sandboxWith } from './helpers.js';

const HASHES = [H('v1'), H('v2'), H('v3')];

describe('completion needs proof that the update ran', () => {
  it('does not take the flipped-but-not-started window for completion', async () => {
    // The hash flips at once; the update only starts 2.5 s later and runs 4 s.
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 2500, durationMs: 4000 } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    const acceptedAt = sandbox.redeploys[0]!.at;
    const lastRead = requestsTo(sandbox, 'GET', /\/cvms$/).at(-1)!;
    expect(lastRead.at - acceptedAt).toBeGreaterThanOrEqual(6500);
    const log = logLines(run).join('\n');
    expect(log).toContain('update not started yet');
    expect(log).toContain('update in progress');
    expect(sandbox.cvms()[0]).toMatchObject({ status: 'running', in_progress: false, compose_hash: H('v2') });
  });

  it('accepts an operation record as proof when the update ran entirely between two polls', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 30, durationMs: 30 } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(requestsTo(sandbox, 'GET', /\/operations$/).length).toBeGreaterThan(0);
  });

  it('logs one line per state change, not one per poll', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 200, durationMs: 6000 } });
    const run = await rollback(sandbox);
    const progress = logLines(run).filter((line) => line.includes('update in progress'));
    expect(progress).toHaveLength(1);
    expect(requestsTo(sandbox, 'GET', /\/cvms$/).length).toBeGreaterThan(3);
  });
});

describe('a failed update fails the step at once', () => {
  it("with the platform's own message and the CVM it concerns", async () => {
    const sandbox = await sandboxWith({
      hashes: HASHES,
      cvms: [{ name: 'payments-api' }],
      update: { outcome: 'failed', errorMessage: 'container app exited with code 137: OOMKilled' }
    });
    const run = await rollback(sandbox, { timeout: '120' });
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Rollback failed on the platform');
    expect(error!.message).toContain('container app exited with code 137: OOMKilled');
    expect(error!.message).toContain('payments-api');
    expect(run.durationMs).toBeLessThan(10_000);
    expect(run.outputs.status).toBe('failed');
    expect(run.summary).toContain('Failed: Rollback failed on the platform');
  });

  it("when the CVM settles 'stopped'", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { outcome: 'failed', settleStatus: 'stopped' } });
    const run = await rollback(sandbox, { timeout: '120' });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toMatch(/stopped|failed/);
    expect(run.durationMs).toBeLessThan(10_000);
  });
});

describe('timeout', () => {
  it('bounds the whole run and names what is still pending', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms: [{ name: 'web-1' }, { name: 'web-2' }], update: { outcome: 'endless' } });
    const run = await rollback(sandbox, { timeout: '4', vm_uuids: 'all' });
    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(4000 + 3000);
    expect(run.durationMs).toBeGreaterThanOrEqual(3500);
    const [error] = annotations(run);
    expect(error!.title).toBe('Rollback timed out');
    expect(error!.message).toContain('web-1');
    expect(error!.message).toContain('web-2');
    expect(error!.message).toContain('update in progress');
    expect(error!.message).toContain('may still finish');
    expect(sandbox.redeploys).toHaveLength(1);
  });
});

describe('409: another operation in progress', () => {
  it('waits for it to finish, naming it, then triggers exactly once', async () => {
    // Busy for longer than the action takes to start on a loaded machine, so the first POST meets it.
    const sandbox = await sandboxWith({ hashes: HASHES, busy: { forMs: 5000, operationType: 'restart' } });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(sandbox.redeploys).toHaveLength(1);
    expect(requestsTo(sandbox, 'POST', /redeploy$/).map((request) => request.status)).toEqual([409, 202]);
    expect(logLines(run).join('\n')).toMatch(/busy with operation restart/);
  });

  it('gives up at the timeout naming the operation that blocked, with nothing redeployed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, busy: { forMs: 60_000, operationType: 'restart' } });
    const run = await rollback(sandbox, { timeout: '4' });
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Rollback timed out');
    expect(error!.message).toContain('operation restart');
    expect(error!.message).toContain('Nothing was redeployed');
    expect(sandbox.redeploys).toHaveLength(0);
    // timeout plus start-up and shutdown, with room for a loaded machine.
    expect(run.durationMs).toBeLessThan(4000 + 5000);
  });
});

describe('cancellation', () => {
  it('ends promptly on SIGTERM, saying what was triggered and is still running', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { outcome: 'endless' } });
    let cancelledAt = 0;
    const run = await rollback(
      sandbox,
      { timeout: '120' },
      {
        onStart: (child) => {
          child.stdout!.on('data', (chunk: Buffer) => {
            if (!cancelledAt && chunk.toString().includes('accepted the redeploy')) {
              cancelledAt = Date.now();
              setTimeout(() => child.kill('SIGTERM'), 300);
            }
          });
        }
      }
    );
    expect(cancelledAt).toBeGreaterThan(0);
    expect(Date.now() - cancelledAt).toBeLessThan(2500);
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Rollback cancelled');
    expect(error!.message).toContain('was triggered');
    expect(error!.message).toContain('still running');
    expect(error!.message).toContain(sandbox.cvms()[0]!.vm_uuid);
    expect(run.outputs.status).toBe('cancelled');
    expect(run.summary).toContain('Cancelled: Rollback cancelled');
    expect(run.summary).toContain('was accepted');
  });

  it('says nothing was changed when cancelled before the redeploy', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listRevisions', kind: 'latency', delayMs: 5000 }] });
    // Signalled once the action has started (its first line), not after a fixed time a loaded machine may not meet.
    const run = await rollback(sandbox, {}, { onStart: (child) => child.stdout!.once('data', () => setTimeout(() => child.kill('SIGINT'), 300)) });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toContain('Cancelled before any redeploy was sent');
    expect(annotations(run)[0]!.message).toContain('Nothing was redeployed: Phala Cloud was not changed by this run.');
    expect(run.outputs.status).toBe('cancelled');
    expect(run.outputs.health).toBe('skipped');
    expect(sandbox.redeploys).toHaveLength(0);
  });
});

describe('409 while the CVMs already read idle', () => {
  it('backs off between attempts instead of hammering the API, then sends once', async () => {
    const sandbox = await sandboxWith({
      hashes: HASHES,
      faults: [{ endpoint: 'redeploy', kind: 'status', status: 409, body: '{"detail":"Another operation is in progress"}', times: 3 }]
    });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const posts = requestsTo(sandbox, 'POST', /redeploy$/);
    expect(posts.map((request) => request.status)).toEqual([409, 409, 409, 202]);
    for (let i = 1; i < posts.length; i++) expect(posts[i]!.at - posts[i - 1]!.at).toBeGreaterThanOrEqual(450);
    expect(sandbox.redeploys).toHaveLength(1);
  });
});
