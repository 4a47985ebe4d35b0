/**
 * The official SDK (`@phala/cloud` 0.2.9) against the sandbox: the SDK validates every answer
 * with zod, so a shape the sandbox serves differently from the real API fails here as a parse
 * error. Only reads the rollback action also uses are covered; the SDK's other endpoints (CVM
 * list of the workspace, compose files, revision detail) are not served by the sandbox.
 */
import { describe, expect, it } from '@jest/globals';
import { createClient, getAppCvms, getAppRevisions, getCvmInfo } from '@phala/cloud';
import { sandbox } from './helpers.js';
import type { Sandbox } from '../../sandbox/phala/index.js';

function sdkClient(sb: Sandbox) {
  return createClient({ apiKey: sb.scenario.apiKey, baseURL: sb.url });
}

describe('@phala/cloud SDK against the sandbox', () => {
  it('getAppRevisions parses every page and sees the history the sandbox serves', async () => {
    const sb = await sandbox({ historySize: 30, cvms: [{}, {}] });
    const client = sdkClient(sb);
    const first = await getAppRevisions(client, { appId: sb.scenario.appId });
    // No page_size sent: the server's default of 50.
    expect(first).toMatchObject({ page: 1, page_size: 50, total: sb.revisions().length });
    const seen = [...first.revisions];
    for (let page = 2; page <= first.total_pages; page++) seen.push(...(await getAppRevisions(client, { appId: sb.scenario.appId, page })).revisions);
    expect(seen.map((r) => r.revision_id)).toEqual(sb.revisions().map((r) => r.revision_id));
    expect(sb.requests[0]).toMatchObject({ query: {}, hadApiKey: true, phalaVersion: '2026-01-21' });
  });

  it('getAppRevisions parses the largest page, with 0x and upper-case hashes as served', async () => {
    const sb = await sandbox({ historySize: 1200, restartsBetweenDeploys: false });
    const res = await getAppRevisions(sdkClient(sb), { appId: sb.scenario.appId, page: 2, page_size: 1000 });
    expect(res).toMatchObject({ page: 2, page_size: 1000, total: 1200, total_pages: 2 });
    expect(res.revisions).toHaveLength(200);
    expect(res.revisions.some((r) => r.compose_hash.startsWith('0x'))).toBe(true);
  });

  it("getAppCvms parses the app's CVMs, progress included while an update runs", async () => {
    const sb = await sandbox({ cvms: [{}, {}, {}], busy: { vmIndex: 1, forMs: 10_000 } });
    const cvms = await getAppCvms(sdkClient(sb), { appId: sb.scenario.appId });
    expect(cvms.map((c) => c.vm_uuid)).toEqual(sb.cvms().map((c) => c.vm_uuid));
    expect(cvms[1]).toMatchObject({ status: 'restarting', progress: { target: 'running' } });
    expect(cvms[0]!.progress).toBeNull();
  });

  it("getCvmInfo parses one CVM addressed by the list's id", async () => {
    const sb = await sandbox();
    const client = sdkClient(sb);
    const [listed] = await getAppCvms(client, { appId: sb.scenario.appId });
    const cvm = await getCvmInfo(client, { id: listed!.id });
    expect(cvm).toMatchObject({ id: listed!.id, vm_uuid: sb.cvms()[0]!.vm_uuid, compose_hash: sb.cvms()[0]!.compose_hash, status: 'running' });
  });

  // The SDK strips the dashes from a UUID (GET /cvms/<32 hex>), as the platform expects.
  it('getCvmInfo by vm_uuid (sent without dashes)', async () => {
    const sb = await sandbox();
    const cvm = await getCvmInfo(sdkClient(sb), { uuid: sb.cvms()[0]!.vm_uuid });
    expect(cvm.vm_uuid).toBe(sb.cvms()[0]!.vm_uuid);
  });

  // The SDK sends an app id as GET /cvms/app_<id>.
  it('getCvmInfo by app id (sent as app_<id>)', async () => {
    const sb = await sandbox();
    const cvm = await getCvmInfo(sdkClient(sb), { app_id: sb.scenario.appId });
    expect(cvm.app_id).toBe(sb.scenario.appId);
  });
});
