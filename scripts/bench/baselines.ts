/**
 * The loops a user would write instead of using the action, run in-process against the same
 * sandbox: the official SDK at its default page size, a plain fetch loop at page_size 1000,
 * and a Terraform-style fixed 3 s poll of each CVM while an update runs.
 */
import { createClient, getAppRevisions } from '@phala/cloud';
import type { Sandbox } from '../../sandbox/phala/index.js';
import { RevisionFinder, normaliseHash, type Wanted } from './finder.js';

/** `getAppRevisions` page after page, as the SDK's README shows it: no page_size, so the server's 50. */
export async function sdkLoop(sandbox: Sandbox, wanted: Wanted): Promise<string | undefined> {
  const client = createClient({ apiKey: sandbox.scenario.apiKey, baseURL: sandbox.url });
  const finder = new RevisionFinder(wanted);
  for (let page = 1; ; page++) {
    const res = await getAppRevisions(client, { appId: sandbox.scenario.appId, page });
    if (finder.feed(res.revisions, page >= res.total_pages)) return finder.result();
  }
}

/** A plain sequential fetch loop at the largest page the API allows. */
export async function sequentialLoop(sandbox: Sandbox, wanted: Wanted, pageSize = 1000): Promise<string | undefined> {
  const finder = new RevisionFinder(wanted);
  for (let page = 1; ; page++) {
    const url = `${sandbox.url}/apps/${sandbox.scenario.appId}/revisions?page=${page}&page_size=${pageSize}`;
    const res = await fetch(url, { headers: { 'X-API-Key': sandbox.scenario.apiKey } });
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    const body = (await res.json()) as { revisions: Array<{ compose_hash: string }>; total_pages: number };
    if (finder.feed(body.revisions, page >= body.total_pages)) return finder.result();
  }
}

const FIXED_POLL_MS = 3000;

/**
 * Redeploys `revisionId` to the CVMs, then every 3 s reads each CVM (GET /cvms/{id}, all at
 * once) until every one is settled `running` on the target hash. Resolves when it would exit.
 */
export async function fixedPollRollback(sandbox: Sandbox, revisionId: string, targetHash: string, vmUuids: readonly string[]): Promise<void> {
  const headers = { 'X-API-Key': sandbox.scenario.apiKey, 'Content-Type': 'application/json' };
  const res = await fetch(`${sandbox.url}/apps/${sandbox.scenario.appId}/revisions/${revisionId}/redeploy`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ vm_uuids: vmUuids })
  });
  if (res.status !== 202) throw new Error(`baseline redeploy: HTTP ${res.status} ${await res.text()}`);
  const pending = new Set(vmUuids);
  const deadline = Date.now() + 120_000;
  while (pending.size > 0) {
    if (Date.now() > deadline) throw new Error(`baseline poll: ${pending.size} CVM(s) never settled`);
    await new Promise((r) => setTimeout(r, FIXED_POLL_MS));
    await Promise.all(
      [...pending].map(async (vm) => {
        const r = await fetch(`${sandbox.url}/cvms/${vm.replace(/-/g, '')}`, { headers });
        const cvm = (await r.json()) as { status: string; in_progress?: boolean; compose_hash?: string | null };
        if (cvm.status === 'running' && !cvm.in_progress && normaliseHash(cvm.compose_hash ?? '') === targetHash) pending.delete(vm);
      })
    );
  }
}
