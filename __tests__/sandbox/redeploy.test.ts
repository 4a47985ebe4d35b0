import { describe, it, expect } from '@jest/globals';
import { normaliseHash, type Sandbox } from '../../sandbox/phala/index.js';
import { call, pathId, sandbox, expectValid, obj, sleep, T, waitFor, type CvmBody, type OperationsBody, type RevisionsPage } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
/** Newest revision whose hash differs from what the CVM runs: the rollback target. */
function previous(sb: Sandbox, vmIndex = 0): { revisionId: string; hash: string } {
  const cvm = sb.cvms()[vmIndex];
  const row = sb.revisions().find((r) => r.vm_uuid === cvm?.vm_uuid && normaliseHash(r.compose_hash) !== cvm?.compose_hash);
  if (!row || !cvm) throw new Error('no previous revision');
  return { revisionId: row.revision_id, hash: normaliseHash(row.compose_hash) };
}

async function redeploy(sb: Sandbox, revisionId: string, body?: string, qs = ''): Promise<ReturnType<typeof call>> {
  const opts = body === undefined ? {} : { body };
  const r = await call(sb, 'POST', `/apps/${APP}/revisions/${revisionId}/redeploy${qs}`, opts);
  // 467 is documented only for PATCH /cvms/{id}; the sandbox borrows it for this route.
  if (r.status !== 467) expectValid(T.redeploy, 'POST', r);
  return r;
}

async function getCvm(sb: Sandbox, vmIndex = 0): Promise<CvmBody> {
  const r = await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[vmIndex]?.vm_uuid)}`);
  expectValid(T.cvm, 'GET', r);
  return r.json as CvmBody;
}

async function ops(sb: Sandbox, vmIndex = 0): Promise<OperationsBody> {
  const r = await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[vmIndex]?.vm_uuid)}/operations`);
  expectValid(T.operations, 'GET', r);
  return r.json as OperationsBody;
}

describe('redeploy: update lifecycle', () => {
  it('flips the hash at once, starts after the lag, then completes', async () => {
    // Long enough that polling over HTTP sees each phase also on a loaded machine.
    const lag = 400;
    const duration = 800;
    const sb = await sandbox({ update: { startLagMs: lag, durationMs: duration } });
    const target = previous(sb);
    const opsBefore = (await ops(sb)).total;
    const t0 = Date.now();
    const r = await redeploy(sb, target.revisionId, 'null');
    expect(r.status).toBe(202);
    const accepted = obj(r.json);
    expect(accepted['status']).toBe('accepted');
    expect(accepted['vm_uuids']).toEqual([sb.cvms()[0]?.vm_uuid]);
    const correlationId = accepted['correlation_id'];
    expect(typeof correlationId).toBe('string');

    // Flipped but not started: the trap for clients that only compare hash + status.
    const early = await getCvm(sb);
    const earlyOps = await ops(sb);
    if (Date.now() - t0 < lag - 50) {
      expect(early).toMatchObject({ compose_hash: target.hash, status: 'running', in_progress: false, progress: null });
      expect(earlyOps.total).toBe(opsBefore);
      expect(earlyOps.items[0]?.status).toBe('completed');
    }
    const newest = ((await call(sb, 'GET', `/apps/${APP}/revisions?page_size=2`)).json as RevisionsPage).revisions[0];
    expect(newest).toMatchObject({ operation_type: 'update', vm_uuid: sb.cvms()[0]?.vm_uuid });
    expect(normaliseHash(newest?.compose_hash ?? '')).toBe(target.hash);
    expect(sb.redeploys).toEqual([{ revisionId: target.revisionId, composeHash: target.hash, vmUuids: [sb.cvms()[0]?.vm_uuid], at: expect.any(Number) }]);

    const running = await waitFor(async () => {
      const c = await getCvm(sb);
      return c.in_progress ? c : undefined;
    });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(lag - 5);
    expect(running.status).toBe('updating');
    expect(running.progress).toMatchObject({ target: 'running', correlation_id: correlationId });
    const during = await ops(sb);
    expect(during.total).toBe(opsBefore + 1);
    expect(during.items[0]).toMatchObject({
      status: 'in_progress',
      operation_type: 'compose_update',
      correlation_id: correlationId,
      compose_hash: target.hash,
      completed_at: null
    });
    expect(Date.parse(during.items[0]?.started_at ?? '')).toBeGreaterThanOrEqual(t0 - 5);

    const done = await waitFor(async () => {
      const c = await getCvm(sb);
      return c.in_progress ? undefined : c;
    });
    expect(done).toMatchObject({ status: 'running', in_progress: false, progress: null, compose_hash: target.hash });
    const after = await ops(sb);
    expect(after.items[0]).toMatchObject({ status: 'completed', correlation_id: correlationId, error_message: null });
    expect(after.items[0]?.duration_ms).toBeGreaterThanOrEqual(duration - 5);
    expect(after.items[0]?.events.map((e) => e.event_type)).toEqual(['compose_update_started', 'compose_update_completed']);
  });

  it('settles failed updates in settleStatus with an error message', async () => {
    const sb = await sandbox({ update: { startLagMs: 20, durationMs: 40, outcome: 'failed', settleStatus: 'stopped' } });
    const target = previous(sb);
    expect((await redeploy(sb, target.revisionId)).status).toBe(202);
    await waitFor(async () => ((await getCvm(sb)).in_progress ? true : undefined));
    const settled = await waitFor(async () => {
      const c = await getCvm(sb);
      return c.in_progress ? undefined : c;
    });
    expect(settled).toMatchObject({ status: 'stopped', compose_hash: target.hash, progress: null });
    expect((await ops(sb)).items[0]).toMatchObject({ status: 'failed', error_message: 'container app exited with code 1: image pull failed' });
    expect(sb.cvms()[0]?.status).toBe('stopped');
  });

  it('defaults a failed CVM to status error', async () => {
    const sb = await sandbox({ update: { startLagMs: 10, durationMs: 10, outcome: 'failed', errorMessage: 'boom' } });
    await redeploy(sb, previous(sb).revisionId);
    await waitFor(() => (sb.cvms()[0]?.status === 'error' ? true : undefined));
    expect((await ops(sb)).items[0]?.error_message).toBe('boom');
  });

  it('keeps endless updates in progress and 409s further redeploys', async () => {
    const sb = await sandbox({ update: { startLagMs: 10, durationMs: 20, outcome: 'endless' } });
    const target = previous(sb);
    await redeploy(sb, target.revisionId);
    await sleep(150);
    const c = await getCvm(sb);
    expect(c).toMatchObject({ in_progress: true, status: 'updating' });
    expect((await ops(sb)).items[0]?.status).toBe('in_progress');
    const again = await redeploy(sb, target.revisionId);
    expect([again.status, again.json]).toEqual([409, { detail: 'Another operation is in progress' }]);
    expect(sb.redeploys).toHaveLength(1);
  });

  it('supersedes a not-yet-started update when redeployed again inside the lag', async () => {
    const sb = await sandbox({ update: { startLagMs: 150, durationMs: 30 } });
    const target = previous(sb);
    const before = (await ops(sb)).total;
    expect((await redeploy(sb, target.revisionId)).status).toBe(202);
    expect((await redeploy(sb, target.revisionId)).status).toBe(202);
    await waitFor(async () => ((await ops(sb)).items[0]?.status === 'completed' && (await ops(sb)).total > before ? true : undefined));
    await sleep(50);
    expect((await ops(sb)).total).toBe(before + 1);
    expect(sb.redeploys).toHaveLength(2);
  });
});

describe('redeploy: validation and errors', () => {
  it('404s an unknown revision and app', async () => {
    const sb = await sandbox();
    const r = await redeploy(sb, 'rev_doesnotexist');
    expect([r.status, r.json]).toEqual([404, { detail: 'Revision not found' }]);
    const a = await call(sb, 'POST', `/apps/${'c'.repeat(40)}/revisions/${previous(sb).revisionId}/redeploy`);
    expect([a.status, a.json]).toEqual([404, { detail: 'App not found' }]);
    const noKey = await call(sb, 'POST', `/apps/${APP}/revisions/${previous(sb).revisionId}/redeploy`, { key: null });
    expect(noKey.status).toBe(401);
    expect(sb.redeploys).toHaveLength(0);
  });

  it('requires vm_uuids for multi-CVM apps and accepts cross-CVM revisions', async () => {
    const sb = await sandbox({ cvms: [{}, {}], update: { startLagMs: 20, durationMs: 20 } });
    const target = previous(sb, 0);
    for (const body of [undefined, 'null', '{}', '{"vm_uuids":null}']) {
      const r = await redeploy(sb, target.revisionId, body);
      expect(r.status).toBe(422);
      expect(r.json).toEqual({ detail: [{ loc: ['body', 'vm_uuids'], msg: 'vm_uuids is required for apps with multiple CVMs', type: 'value_error' }] });
    }
    const stranger = '99999999-9999-4999-8999-999999999999';
    const bad = await redeploy(sb, target.revisionId, JSON.stringify({ vm_uuids: [stranger] }));
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain(stranger);
    const second = sb.cvms()[1]?.vm_uuid ?? '';
    // The row belongs to CVM 0; the platform allows applying it to CVM 1.
    const ok = await redeploy(sb, target.revisionId, JSON.stringify({ vm_uuids: [second] }));
    expect(ok.status).toBe(202);
    expect(sb.cvms().map((c) => c.compose_hash === target.hash)).toEqual([false, true]);
    expect(sb.redeploys[0]?.vmUuids).toEqual([second]);
    expect(sb.revisions()[0]).toMatchObject({ vm_uuid: second, operation_type: 'update' });
  });

  it('422s malformed or mistyped bodies', async () => {
    const sb = await sandbox();
    const id = previous(sb).revisionId;
    for (const body of ['{"vm_uuids": [', '[1,2]', '{"vm_uuids": "abc"}', '{"vm_uuids": [1]}', '{"vm_uuids": []}']) {
      const r = await redeploy(sb, id, body);
      expect([body, r.status]).toEqual([body, 422]);
    }
    expect(sb.redeploys).toHaveLength(0);
    expect(sb.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual(['{"vm_uuids": [', [1, 2], { vm_uuids: 'abc' }, { vm_uuids: [1] }, { vm_uuids: [] }]);
  });

  it('409s while a busy CVM runs its operation, then accepts', async () => {
    const sb = await sandbox({ busy: { forMs: 200 } });
    const c = await getCvm(sb);
    expect(c).toMatchObject({ in_progress: true, status: 'restarting' });
    expect(c.progress?.target).toBe('running');
    const o = await ops(sb);
    expect(o.items[0]).toMatchObject({ status: 'in_progress', operation_type: 'restart', correlation_id: c.progress?.correlation_id });
    const target = previous(sb);
    const busy = await redeploy(sb, target.revisionId);
    expect([busy.status, busy.json]).toEqual([409, { detail: 'Another operation is in progress' }]);
    await waitFor(() => (sb.cvms()[0]?.in_progress === false ? true : undefined));
    expect(sb.cvms()[0]?.status).toBe('running');
    expect((await ops(sb)).items[0]?.status).toBe('completed');
    expect((await redeploy(sb, target.revisionId)).status).toBe(202);
  });

  it('shows compose_update busy operations as updating, on the chosen CVM', async () => {
    const sb = await sandbox({ cvms: [{}, {}], busy: { vmIndex: 1, operationType: 'compose_update', forMs: 5000 } });
    expect(sb.cvms().map((c) => [c.status, c.in_progress])).toEqual([
      ['running', false],
      ['updating', true]
    ]);
    const target = previous(sb, 0);
    const both = await redeploy(sb, target.revisionId, JSON.stringify({ vm_uuids: sb.cvms().map((c) => c.vm_uuid) }));
    expect(both.status).toBe(409);
    const one = await redeploy(sb, target.revisionId, JSON.stringify({ vm_uuids: [sb.cvms()[0]?.vm_uuid] }));
    expect(one.status).toBe(202);
  });

  it('465s without a transaction hash under on-chain KMS, then accepts one', async () => {
    const sb = await sandbox({ onchainKms: true });
    const target = previous(sb);
    const r = await redeploy(sb, target.revisionId);
    expect(r.status).toBe(465);
    const body = obj(r.json);
    expect(body).toMatchObject({ error_code: 'ERR-01-005', links: [] });
    expect(String(body['message'])).toMatch(/^Compose hash registration required/);
    expect(body['request_id']).toBe(r.headers.get('x-request-id'));
    const details = body['details'] as Array<{ field: string; value: unknown }>;
    expect(details.map((d) => d.field)).toEqual(['compose_hash', 'app_id', 'device_id', 'kms_info']);
    expect(details[0]?.value).toBe(`0x${target.hash}`);
    expect(details[1]?.value).toBe(`0x${APP}`);
    expect(details[2]?.value).toMatch(/^[0-9a-f]+$/);
    expect(details[3]?.value).toMatchObject({ chain_id: 8453, kms_contract_address: expect.stringMatching(/^0x[0-9a-f]{40}$/) });
    expect(String((body['suggestions'] as string[])[0])).toContain('addComposeHash(bytes32)');
    expect(sb.redeploys).toHaveLength(0);
    expect(sb.cvms()[0]?.compose_hash).not.toBe(target.hash);
    const tx = `0x${'ab'.repeat(32)}`;
    const ok = await redeploy(sb, target.revisionId, undefined, `?transaction_hash=${tx}`);
    expect(ok.status).toBe(202);
    expect(sb.redeploys[0]?.transactionHash).toBe(tx);
    const cvm = obj((await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}`)).json);
    expect(cvm['kms_type']).toBe('base');
  });

  it('467s a transaction hash that is not registered', async () => {
    const good = `0x${'12'.repeat(32)}`;
    const sb = await sandbox({ onchainKms: true, registeredTxHashes: [good] });
    const target = previous(sb);
    const bad = await redeploy(sb, target.revisionId, undefined, `?transaction_hash=0x${'34'.repeat(32)}`);
    expect(bad.status).toBe(467);
    expect(obj(bad.json)).toMatchObject({ error_code: 'ERR-01-007', links: [], request_id: expect.stringMatching(/^req_/) });
    expect((await redeploy(sb, target.revisionId)).status).toBe(465);
    const ok = await redeploy(sb, target.revisionId, undefined, `?transaction_hash=${good.toUpperCase().replace('0X', '0x')}`);
    expect(ok.status).toBe(202);
    expect(sb.redeploys).toHaveLength(1);
  });
});
