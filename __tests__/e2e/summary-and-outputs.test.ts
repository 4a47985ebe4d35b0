import { describe, expect, it } from '@jest/globals';
import { annotations, H, rollback, sandboxWith } from './helpers.js';

const HASHES = [H('v1'), H('v2'), H('v3')];

/** The summary's table rows (not the failure text below it). */
const tableOf = (summary: string) => summary.split('\n').filter((line) => line.startsWith('| '));

describe('what the job summary and the outputs say, through the bundle', () => {
  it('names the sandbox dashboard page as console_url, a page the sandbox serves, linked whole in the summary', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms: [{ name: 'payments-api' }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const vmUuid = sandbox.cvms()[0]!.vm_uuid;
    expect(run.outputs.console_url).toBe(`${sandbox.origin}/dashboard/cvms/${vmUuid}`);
    const page = await fetch(run.outputs.console_url!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('payments-api');
    expect(run.summary).toContain(`<a href="${run.outputs.console_url}">${run.outputs.console_url}</a>`);
  });

  it('shortens 64-hex hashes in the summary table and gives them whole in the outputs', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox);
    expect(run.outputs.compose_hash).toBe(H('v2'));
    expect(run.outputs.previous_compose_hash).toBe(H('v3'));
    const table = tableOf(run.summary).join('\n');
    expect(table).not.toMatch(/[0-9a-f]{64}/);
    expect(table).toContain(`<code>${H('v3').slice(0, 12)}…</code> → <code>${H('v2').slice(0, 12)}…</code>`);
  });

  it("sets health 'skipped' also when the run fails before the rollback completed", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listAppCvms', kind: 'status', status: 500 }] });
    const run = await rollback(sandbox, { health_url: `${sandbox.origin}/app/health` });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', health: 'skipped' });
  });

  it('says whether anything was redeployed once, also where the message itself said so', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms: [{}, {}] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('vm_uuids required for a multi-CVM app');
    expect(error!.message.match(/nothing was (re)?deployed/gi)).toHaveLength(1);
    expect(error!.message.trimEnd().endsWith('Nothing was redeployed: Phala Cloud was not changed by this run.')).toBe(true);
    expect(run.summary.match(/nothing was (re)?deployed/gi)).toHaveLength(1);
  });
});
