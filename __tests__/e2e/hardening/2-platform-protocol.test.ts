import { describe, expect, it } from '@jest/globals';
import { annotations, deployOf, H, requestsTo, rollback, sandboxWith } from '../helpers.js';
import { expectFailed, expectRedeployedSaid } from './checks.js';

/** Class 2: talk to the platform the way it expects. */
const HASHES = [H('v1'), H('v2'), H('v3')];

describe('/cvms/{id} paths', () => {
  it.each(['int', 'none'] as const)("use the dashless vm_uuid when the CVM's id is %s", async (cvmIdStyle) => {
    // The update runs between two polls, so the operation records must be read to complete.
    const sandbox = await sandboxWith({ hashes: HASHES, cvmIdStyle, update: { startLagMs: 20, durationMs: 20 } });
    const run = await rollback(sandbox, { timeout: '30' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    const dashless = sandbox.cvms()[0]!.vm_uuid.replace(/-/g, '');
    const cvmPaths = sandbox.requests.filter((request) => request.path.includes('/cvms/'));
    expect(cvmPaths.length).toBeGreaterThan(0);
    for (const request of cvmPaths) {
      expect(request.path).toContain(`/cvms/${dashless}/`);
      expect(request.status).toBe(200);
    }
  });

  it('use the hashed id when the API gives one', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 20, durationMs: 20 } });
    const run = await rollback(sandbox, { timeout: '30' });
    expect(run.exitCode).toBe(0);
    const id = sandbox.cvms()[0]!.id;
    expect(typeof id).toBe('string');
    for (const request of requestsTo(sandbox, 'GET', /\/cvms\/[^/]+\/operations$/)) expect(request.path).toContain(`/cvms/${String(id)}/`);
  });

  it("a 404 from a /cvms/ path is not 'App not found', and says the redeploy was accepted", async () => {
    const sandbox = await sandboxWith({
      hashes: HASHES,
      update: { startLagMs: 20, durationMs: 20 },
      faults: [{ endpoint: 'listOperations', kind: 'status', status: 404, body: '{"detail":"CVM not found"}' }]
    });
    const run = await rollback(sandbox, { timeout: '30' });
    expectFailed(run, 'CVM not found');
    expect(annotations(run)[0]!.title).not.toBe('App not found');
    expectRedeployedSaid(run, 'accepted');
    expect(sandbox.redeploys).toHaveLength(1);
  });
});

describe('after the redeploy was accepted, every error says so', () => {
  it.each([
    ['a 500 while reading operation records', { endpoint: 'listOperations' as const, kind: 'status' as const, status: 500 }],
    ['a record list that is not JSON', { endpoint: 'listOperations' as const, kind: 'malformed' as const }]
  ])('%s', async (_, fault) => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 20, durationMs: 20 }, faults: [fault] });
    const run = await rollback(sandbox, { timeout: '30' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expectRedeployedSaid(run, 'accepted');
    expect(sandbox.redeploys).toHaveLength(1);
  });
});

describe("'previous' is relative to what the CVMs run now", () => {
  it('not to the newest history row', async () => {
    // The CVM runs a hash the history never recorded: previous is the newest other hash, v3.
    const sandbox = await sandboxWith({ hashes: HASHES, cvms: [{ compose_hash: H('hotfix') }] });
    const run = await rollback(sandbox, { dry_run: 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'dry_run', compose_hash: H('v3'), previous_compose_hash: H('hotfix') });
  });

  it('also after a redeploy that wrote no history row: previous then refuses to undo it', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { writesRevisionRow: false } });
    const first = await rollback(sandbox);
    expect(first.outputs.status).toBe('completed');
    expect(sandbox.revisions()[0]!.compose_hash.toLowerCase().replace(/^0x/, '')).toBe(H('v3')); // no row for v2
    // The old reading (newest row v3 → previous v2) would call this 'skipped'.
    const again = await rollback(sandbox, { dry_run: 'true' });
    expectFailed(again, "'previous' would undo an earlier rollback");
    expect(again.outputs.status).not.toBe('skipped');
  });
});

describe('CVMs on different hashes', () => {
  it("'previous' refuses, listing each CVM and its hash, and sends nothing", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms: [{ name: 'web-1' }, { name: 'web-2', compose_hash: H('v2') }] });
    const run = await rollback(sandbox, { vm_uuids: 'all' });
    expectFailed(run, 'Targeted CVMs run different compose hashes');
    const message = annotations(run)[0]!.message;
    for (const cvm of sandbox.cvms()) {
      expect(message).toContain(cvm.name);
      expect(message).toContain(cvm.vm_uuid);
      expect(message).toContain(cvm.compose_hash);
    }
    expectRedeployedSaid(run, 'nothing');
    expect(requestsTo(sandbox, 'POST', /redeploy$/)).toHaveLength(0);
  });
});

describe("'previous' never undoes an earlier rollback", () => {
  it('refuses naming the revision, and passing that revision id works', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const undone = deployOf(sandbox, H('v3'));
    expect((await rollback(sandbox)).outputs.status).toBe('completed'); // v3 → v2

    const again = await rollback(sandbox);
    expectFailed(again, "'previous' would undo an earlier rollback");
    expect(annotations(again)[0]!.message).toContain(`revision: ${undone.revision_id}`);
    expectRedeployedSaid(again, 'nothing');
    expect(sandbox.redeploys).toHaveLength(1);

    const explicit = await rollback(sandbox, { revision: undone.revision_id });
    expect(explicit.outputs.status).toBe('completed');
    expect(sandbox.redeploys.at(-1)).toMatchObject({ revisionId: undone.revision_id, composeHash: H('v3') });
  });
});
