import { describe, expect, it } from '@jest/globals';
import { annotations, deployOf, H, logLines, requestsTo, revisionsOf, rollback, sandboxWith } from './helpers.js';

/** History oldest first: v1 → v2 → v3 (running). */
const HASHES = [H('v1'), H('v2'), H('v3')];

describe('rollback to previous (single CVM)', () => {
  it('redeploys the newest revision with a different compose hash and reports completed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const target = deployOf(sandbox, H('v2'));
    const run = await rollback(sandbox);

    expect(run.exitCode).toBe(0);
    expect(sandbox.redeploys).toEqual([expect.objectContaining({ revisionId: target.revision_id, composeHash: H('v2'), vmUuids: [sandbox.cvms()[0]!.vm_uuid] })]);
    expect(run.outputs).toEqual({
      status: 'completed',
      revision_id: target.revision_id,
      compose_hash: H('v2'),
      previous_compose_hash: H('v3'),
      vm_uuids: JSON.stringify([sandbox.cvms()[0]!.vm_uuid]),
      // The sandbox serves a stand-in for the dashboard page of the CVM.
      console_url: `${sandbox.origin}/dashboard/cvms/${sandbox.cvms()[0]!.vm_uuid}`,
      health: 'skipped',
      health_before: 'not_checked'
    });
    expect(sandbox.cvms()[0]).toMatchObject({ status: 'running', in_progress: false, compose_hash: H('v2') });
  });

  it('sends the key, the pinned API version and a User-Agent naming the action on every request', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    await rollback(sandbox);
    expect(sandbox.requests.length).toBeGreaterThan(2);
    for (const request of sandbox.requests) {
      expect(request.hadApiKey).toBe(true);
      expect(request.phalaVersion).toBe('2026-01-21');
      expect(request.userAgent).toMatch(/^rollback-action\/\d+\.\d+\.\d+/);
    }
  });

  it('writes a job summary with app, CVM, hashes from → to, revision, author and result', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms: [{ name: 'api|<img src=x>`prod`' }] });
    const target = deployOf(sandbox, H('v2'));
    const run = await rollback(sandbox);
    expect(run.summary).toContain(sandbox.scenario.appId);
    expect(run.summary).toContain(`<code>${H('v3').slice(0, 12)}…</code> → <code>${H('v2').slice(0, 12)}…</code>`);
    expect(run.summary).toContain(target.revision_id);
    expect(run.summary).toContain('sandbox-dev');
    expect(run.summary).toContain('Completed');
    expect(run.summary).toContain('api&#124;&lt;img src=x&gt;&#96;prod&#96;');
    expect(run.summary).not.toContain('<img');
  });

  it('accepts app_id with the app_ prefix and reads key and URL from the environment', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(
      sandbox,
      { app_id: `app_${sandbox.scenario.appId.toUpperCase()}`, api_key: '', api_url: '' },
      {
        env: { PHALA_CLOUD_API_KEY: sandbox.scenario.apiKey, PHALA_CLOUD_API_PREFIX: sandbox.url }
      }
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
  });
});

describe('choosing the revision', () => {
  it('skips restarts and repeated deploys of the running hash', async () => {
    // v2 deployed twice in a row, then restarted: previous must still be v1.
    const sandbox = await sandboxWith({ hashes: [H('v1'), H('v2'), H('v2')], restartsBetweenDeploys: true });
    const run = await rollback(sandbox, { dry_run: 'true' });
    expect(run.outputs.compose_hash).toBe(H('v1'));
  });

  it('steps back N distinct hashes with previous~N', async () => {
    const sandbox = await sandboxWith({ hashes: [H('v1'), H('v2'), H('v3'), H('v3'), H('v4')] });
    const run = await rollback(sandbox, { revision: 'previous~3', dry_run: 'true' });
    expect(run.outputs.compose_hash).toBe(H('v1'));
    expect(run.outputs.status).toBe('dry_run');
  });

  it('finds a revision by id', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const oldest = revisionsOf(sandbox, H('v1')).at(-1)!;
    const run = await rollback(sandbox, { revision: oldest.revision_id });
    expect(run.exitCode).toBe(0);
    expect(sandbox.redeploys[0]!.revisionId).toBe(oldest.revision_id);
  });

  it.each([
    ['a full hash with 0x in upper case', (h: string) => `0x${h.toUpperCase()}`],
    ['a unique 8-character prefix', (h: string) => h.slice(0, 8)]
  ])('finds a revision by %s', async (_, spell) => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { revision: spell(H('v1')) });
    expect(run.exitCode).toBe(0);
    expect(sandbox.redeploys[0]!.composeHash).toBe(H('v1'));
    expect(run.outputs.compose_hash).toBe(H('v1'));
  });

  it('refuses a prefix shared by two hashes, listing both, and sends no redeploy', async () => {
    const a = `deadbeef${H('a').slice(8)}`;
    const b = `deadbeef${H('b').slice(8)}`;
    const sandbox = await sandboxWith({ hashes: [a, b, H('v3')] });
    const run = await rollback(sandbox, { revision: 'DEADBEEF' });
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Ambiguous compose hash prefix');
    expect(error!.message).toContain(a);
    expect(error!.message).toContain(b);
    expect(sandbox.redeploys).toHaveLength(0);
  });

  it('says how many revisions it searched when nothing matches', async () => {
    const sandbox = await sandboxWith({ historySize: 1200, restartsBetweenDeploys: false });
    const run = await rollback(sandbox, { revision: `0x${H('nowhere')}` });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toMatch(/searched 1200 revisions: 2 pages, 1200 in total/);
  });

  it('pages with page_size 1000 and stops at the first page that settles the answer', async () => {
    const sandbox = await sandboxWith({ historySize: 2600 });
    const run = await rollback(sandbox, { dry_run: 'true' });
    expect(run.exitCode).toBe(0);
    const pages = requestsTo(sandbox, 'GET', /\/revisions$/);
    expect(pages.map((request) => request.query)).toEqual([{ page: '1', page_size: '1000' }]);
  });

  it('reads every page when a prefix must be proven unique', async () => {
    const sandbox = await sandboxWith({ historySize: 2600, restartsBetweenDeploys: false });
    const oldest = sandbox.revisions().at(-1)!;
    const run = await rollback(sandbox, { revision: oldest.compose_hash.toLowerCase().replace(/^0x/, '').slice(0, 10), dry_run: 'true' });
    expect(run.outputs.revision_id).toBe(oldest.revision_id);
    expect(requestsTo(sandbox, 'GET', /\/revisions$/).map((request) => request.query.page)).toEqual(['1', '2', '3']);
  });
});

describe('nothing to do', () => {
  it('reports skipped without a redeploy when the CVM already runs the target', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { revision: H('v3') });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('skipped');
    expect(sandbox.redeploys).toHaveLength(0);
    expect(run.summary).toContain('Skipped');
  });

  it('resolves and reports on a dry run without redeploying', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { dry_run: 'true' });
    expect(run.outputs).toMatchObject({ status: 'dry_run', compose_hash: H('v2'), previous_compose_hash: H('v3') });
    expect(requestsTo(sandbox, 'POST', /redeploy$/)).toHaveLength(0);
    expect(logLines(run).join('\n')).toContain('Dry run');
  });

  it('returns triggered right after the platform accepts when wait is false', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 5000 } });
    const run = await rollback(sandbox, { wait: 'false' });
    expect(run.outputs.status).toBe('triggered');
    expect(sandbox.redeploys).toHaveLength(1);
    expect(run.durationMs).toBeLessThan(5000);
  });
});

describe('multi-CVM apps', () => {
  const cvms = [{ name: 'web-1' }, { name: 'web-2' }, { name: 'worker' }];

  it('refuses without vm_uuids, listing the CVMs, before any redeploy', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.message).toContain('vm_uuids');
    for (const cvm of sandbox.cvms()) {
      expect(error!.message).toContain(cvm.vm_uuid);
      expect(error!.message).toContain(cvm.name);
    }
    expect(requestsTo(sandbox, 'POST', /redeploy$/)).toHaveLength(0);
  });

  it("rolls back every CVM with 'all', watching them with one request per round", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms, update: { durationMs: 1500 } });
    const run = await rollback(sandbox, { vm_uuids: 'all' });
    expect(run.exitCode).toBe(0);
    const uuids = sandbox.cvms().map((cvm) => cvm.vm_uuid);
    expect(sandbox.redeploys).toHaveLength(1);
    expect([...sandbox.redeploys[0]!.vmUuids].sort()).toEqual([...uuids].sort());
    expect(JSON.parse(run.outputs.vm_uuids!)).toEqual(uuids);
    expect(sandbox.cvms().every((cvm) => cvm.compose_hash === H('v2') && cvm.status === 'running')).toBe(true);
    expect(requestsTo(sandbox, 'GET', /\/cvms\/[^/]+$/)).toHaveLength(0); // never one GET per CVM
  });

  it('rolls back only the CVMs named, given with commas, spaces and new lines', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms });
    const [a, , c] = sandbox.cvms();
    const run = await rollback(sandbox, { vm_uuids: `${a!.vm_uuid.toUpperCase()},\n ${c!.vm_uuid}` });
    expect(run.exitCode).toBe(0);
    expect(sandbox.redeploys[0]!.vmUuids).toEqual([a!.vm_uuid, c!.vm_uuid]);
    expect(sandbox.cvms()[1]!.compose_hash).toBe(H('v3'));
  });

  it('refuses a vm_uuid that is not a CVM of the app', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms });
    const run = await rollback(sandbox, { vm_uuids: '00000000-0000-4000-8000-000000000000' });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toContain('not a CVM of app');
    expect(sandbox.redeploys).toHaveLength(0);
  });
});

describe('running a rollback again', () => {
  it("repeated with the first run's compose_hash output: skipped, nothing sent", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const first = await rollback(sandbox);
    const again = await rollback(sandbox, { revision: first.outputs.compose_hash! });
    expect(again.outputs.status).toBe('skipped');
    expect(sandbox.redeploys).toHaveLength(1);
  });

  it("repeated with 'previous': refused, because it would go back to the release just rolled back from", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    await rollback(sandbox);
    const again = await rollback(sandbox, { dry_run: 'true' });
    expect(again.exitCode).toBe(1);
    expect(again.outputs.status).toBe('failed');
    const [error] = annotations(again);
    expect(error!.title).toBe("'previous' would undo an earlier rollback");
    expect(error!.message).toContain(`revision: ${deployOf(sandbox, H('v3')).revision_id}`);
    expect(sandbox.redeploys).toHaveLength(1);
  });
});
