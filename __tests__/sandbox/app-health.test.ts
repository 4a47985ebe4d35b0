import { describe, it, expect } from '@jest/globals';
import { normaliseHash } from '../../sandbox/phala/index.js';
import { sandbox, waitFor } from './helpers.js';

const APP = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

// GET /app/health is the demo app's own endpoint, not part of the Phala Cloud API, so the
// OpenAPI document does not describe it.
describe('GET /app/health (demo app)', () => {
  it('answers 200 ok with the running compose hashes, without any API key', async () => {
    const sb = await sandbox({ cvms: [{}, {}] });
    const r = await fetch(`${sb.origin}/app/health`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(await r.json()).toEqual({ status: 'ok', compose_hashes: [sb.cvms()[0]?.compose_hash] });
    expect(sb.requests[0]).toMatchObject({ endpoint: 'appHealth', method: 'GET', path: '/app/health', status: 200, hadApiKey: false });
  });

  it('ignores an X-API-Key, right or wrong, and records only that one was sent', async () => {
    const sb = await sandbox();
    for (const key of ['wrong', sb.scenario.apiKey]) expect((await fetch(`${sb.origin}/app/health`, { headers: { 'X-API-Key': key } })).status).toBe(200);
    expect(sb.requests.map((x) => x.hadApiKey)).toEqual([true, true]);
    expect(JSON.stringify(sb.requests)).not.toContain(sb.scenario.apiKey);
    expect((await fetch(`${sb.url}/app/health`)).status).toBe(404);
  });

  it('503s while a CVM runs an unhealthy hash; setUnhealthy changes the verdict', async () => {
    const running = (await sandbox()).cvms()[0]?.compose_hash ?? '';
    const sb = await sandbox({ unhealthyHashes: [`0x${running.toUpperCase()}`], update: { startLagMs: 10, durationMs: 20 } });
    const bad = await fetch(`${sb.origin}/app/health`);
    expect([bad.status, await bad.json()]).toEqual([503, { status: 'unhealthy', compose_hashes: [running] }]);
    // Rolling back to another revision makes the app healthy again.
    const row = sb.revisions().find((r) => normaliseHash(r.compose_hash) !== running);
    const r = await fetch(`${sb.url}/apps/${APP}/revisions/${row?.revision_id ?? ''}/redeploy`, { method: 'POST', headers: { 'X-API-Key': sb.scenario.apiKey } });
    expect(r.status).toBe(202);
    await waitFor(() => (sb.updates()[0]?.settledAt !== undefined ? true : undefined));
    expect((await fetch(`${sb.origin}/app/health`)).status).toBe(200);
    sb.setUnhealthy([normaliseHash(row?.compose_hash ?? '')]);
    expect((await fetch(`${sb.origin}/app/health`)).status).toBe(503);
    sb.setUnhealthy([]);
    expect((await fetch(`${sb.origin}/app/health`)).status).toBe(200);
    expect((await fetch(`${sb.origin}/app/health`, { method: 'POST' })).status).toBe(405);
  });
});
