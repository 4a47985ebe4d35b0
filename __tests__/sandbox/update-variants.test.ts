import { describe, it, expect } from '@jest/globals';
import { normaliseHash, type Sandbox } from '../../sandbox/phala/index.js';
import { call, pathId, sandbox, expectValid, obj, T, waitFor, type CvmBody, type OperationsBody } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

function previous(sb: Sandbox): { revisionId: string; hash: string } {
  const cvm = sb.cvms()[0];
  const row = sb.revisions().find((r) => normaliseHash(r.compose_hash) !== cvm?.compose_hash);
  if (!row) throw new Error('no previous revision');
  return { revisionId: row.revision_id, hash: normaliseHash(row.compose_hash) };
}

async function redeploy(sb: Sandbox, revisionId: string): Promise<Record<string, unknown>> {
  const r = await call(sb, 'POST', `/apps/${APP}/revisions/${revisionId}/redeploy`);
  expect(r.status).toBe(202);
  expectValid(T.redeploy, 'POST', r);
  return obj(r.json);
}

async function getCvm(sb: Sandbox): Promise<CvmBody> {
  const r = await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}`);
  expectValid(T.cvm, 'GET', r);
  return r.json as CvmBody;
}

async function ops(sb: Sandbox): Promise<OperationsBody> {
  const r = await call(sb, 'GET', `/cvms/${pathId(sb.cvms()[0]?.vm_uuid)}/operations`);
  expectValid(T.operations, 'GET', r);
  return r.json as OperationsBody;
}

const settled = (sb: Sandbox): Promise<true> => waitFor(() => (sb.updates()[0]?.settledAt !== undefined ? true : undefined));

describe('update variants', () => {
  it('failed-running: the operation fails but the CVM runs on, on the target hash', async () => {
    const sb = await sandbox({ update: { startLagMs: 10, durationMs: 30, outcome: 'failed-running', errorMessage: 'health check failed; kept old container' } });
    const target = previous(sb);
    await redeploy(sb, target.revisionId);
    await settled(sb);
    expect(await getCvm(sb)).toMatchObject({ status: 'running', in_progress: false, progress: null, compose_hash: target.hash });
    expect((await ops(sb)).items[0]).toMatchObject({ status: 'failed', error_message: 'health check failed; kept old container', compose_hash: target.hash });
    expect(sb.updates()[0]?.outcome).toBe('failed');
  });

  it('omitInProgress: list and detail leave in_progress out; progress still tells', async () => {
    const sb = await sandbox({ omitInProgress: true, update: { startLagMs: 10, durationMs: 300 } });
    const idle = await getCvm(sb);
    expect('in_progress' in idle).toBe(false);
    expect(idle.progress).toBeNull();
    const { correlation_id } = await redeploy(sb, previous(sb).revisionId);
    const busy = await waitFor(async () => {
      const c = await getCvm(sb);
      return c.progress ? c : undefined;
    });
    expect('in_progress' in busy).toBe(false);
    expect(busy.progress).toMatchObject({ target: 'running', correlation_id });
    expect(Date.parse(busy.progress?.started_at ?? '')).not.toBeNaN();
    const list = await call(sb, 'GET', `/apps/${APP}/cvms`);
    expectValid(T.cvms, 'GET', list);
    for (const c of list.json as CvmBody[]) expect('in_progress' in c).toBe(false);
    await settled(sb);
    expect((await getCvm(sb)).progress).toBeNull();
  });

  it('operationType names the operation record; operationCarriesHash false serves a null hash', async () => {
    const sb = await sandbox({ update: { startLagMs: 10, durationMs: 20, operationType: 'activate_revision', operationCarriesHash: false } });
    await redeploy(sb, previous(sb).revisionId);
    await settled(sb);
    const op = (await ops(sb)).items[0];
    expect(op).toMatchObject({ operation_type: 'activate_revision', compose_hash: null, status: 'completed' });
    expect(op?.events.map((e) => e.event_type)).toEqual(['activate_revision_started', 'activate_revision_completed']);
  });

  it('writesRevisionRow false: an accepted redeploy adds no revision row', async () => {
    const sb = await sandbox({ update: { startLagMs: 10, durationMs: 20, writesRevisionRow: false } });
    const before = sb.revisions();
    const target = previous(sb);
    await redeploy(sb, target.revisionId);
    expect(sb.revisions()).toEqual(before);
    expect(sb.cvms()[0]?.compose_hash).toBe(target.hash);
    const withRow = await sandbox({ update: { startLagMs: 10, durationMs: 20 } });
    await redeploy(withRow, previous(withRow).revisionId);
    expect(withRow.revisions()).toHaveLength(before.length + 1);
  });
});

describe('update journal', () => {
  it('records accepted, started and settled times per CVM on the server clock', async () => {
    const sb = await sandbox({ cvms: [{}, {}], update: { startLagMs: 60, durationMs: 80 } });
    const target = previous(sb);
    const t0 = Date.now();
    const r = await call(sb, 'POST', `/apps/${APP}/revisions/${target.revisionId}/redeploy`, { body: JSON.stringify({ vm_uuids: sb.cvms().map((c) => c.vm_uuid) }) });
    const correlationId = obj(r.json)['correlation_id'];
    const early = sb.updates();
    expect(early.map((u) => [u.vmUuid, u.correlationId, u.startedAt, u.outcome])).toEqual(sb.cvms().map((c) => [c.vm_uuid, correlationId, undefined, undefined]));
    await waitFor(() => (sb.updates().every((u) => u.settledAt !== undefined) ? true : undefined));
    for (const u of sb.updates()) {
      expect(u.acceptedAt).toBeGreaterThanOrEqual(t0);
      expect((u.startedAt ?? 0) - u.acceptedAt).toBeGreaterThanOrEqual(55);
      expect((u.settledAt ?? 0) - (u.startedAt ?? 0)).toBeGreaterThanOrEqual(75);
      expect(u.outcome).toBe('completed');
    }
    // A copy: callers cannot rewrite the journal.
    const copy = sb.updates();
    copy[0]!.outcome = 'failed';
    expect(sb.updates()[0]?.outcome).toBe('completed');
  });

  it('a superseded update never starts; an endless one never settles', async () => {
    // The second redeploy must arrive within the lag, also on a loaded machine.
    const sb = await sandbox({ update: { startLagMs: 1000, durationMs: 20, outcome: 'endless' } });
    const target = previous(sb);
    await redeploy(sb, target.revisionId);
    await redeploy(sb, target.revisionId);
    await waitFor(() => (sb.updates()[1]?.startedAt !== undefined ? true : undefined));
    const [first, second] = sb.updates();
    expect(first?.startedAt).toBeUndefined();
    expect(second?.settledAt).toBeUndefined();
    expect(first?.correlationId).not.toBe(second?.correlationId);
  });
});
