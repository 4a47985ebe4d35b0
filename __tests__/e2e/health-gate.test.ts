import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { startGitHubStandIn, type GitHubStandIn } from '../../sandbox/github/server.js';
import { startHealthApp, type HealthApp } from '../../sandbox/shared/health-app.js';
import type { Sandbox } from '../../sandbox/phala/index.js';
import { annotations, H, logLines, rollback, sandboxWith } from './helpers.js';

/** rollback_when: unhealthy on Phala Cloud, through dist/ against the sandbox (issue 18). */

const HASHES = [H('v1'), H('v2'), H('v3')];
const apps: HealthApp[] = [];
const standIns: GitHubStandIn[] = [];
afterEach(async () => {
  await Promise.all([...apps.splice(0), ...standIns.splice(0)].map((server) => server.close()));
});

async function healthApp(): Promise<HealthApp> {
  const app = await startHealthApp();
  apps.push(app);
  return app;
}

const platformRequests = (sandbox: Sandbox) => sandbox.requests.filter((request) => request.path.startsWith('/api/'));
const probesOf = (sandbox: Sandbox) => sandbox.requests.filter((request) => request.path === '/app/health');
const gate = (url: string, more: Record<string, string> = {}) => ({ rollback_when: 'unhealthy', health_url: url, health_interval: '1', ...more });

/** The summary as a reader sees it: the HTML entities that keep Markdown inert turned back into characters. */
const shown = (summary: string) =>
  summary
    .replace(/&quot;/g, '"')
    .replace(/&#91;/g, '[')
    .replace(/&#93;/g, ']')
    .replace(/&#8203;|\u200b/g, '')
    .replace(/&amp;/g, '&');

/** A loopback port nobody listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('rollback_when: unhealthy, a healthy app', () => {
  it('reads and sends nothing to the platform, ends skipped with health_before healthy, and opens no GitHub record', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const github = await startGitHubStandIn();
    standIns.push(github);
    const run = await rollback(
      sandbox,
      { ...gate(`${sandbox.origin}/app/health`), github_token: github.token },
      { env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'a'.repeat(40) } }
    );

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy', health: 'skipped' });
    expect(platformRequests(sandbox)).toEqual([]);
    expect(probesOf(sandbox)).toHaveLength(1);
    expect(probesOf(sandbox)[0]!.hadApiKey).toBe(false);
    expect(github.requests).toEqual([]);
    expect(logLines(run).some((line) => /answered healthy at \S+ \(status 200 in \d+ ms\): nothing was rolled back/.test(line))).toBe(true);
    expect(run.summary).toContain('the app answered healthy, so nothing was rolled back');
    expect(run.summary).toMatch(/answered 200 in \d+ ms, as expected/);
    expect(shown(run.summary)).toContain(`${sandbox.origin}/app/health`);
    expect(annotations(run)).toEqual([]);
  });

  it('a flapping app (fail, fail, ok) is healthy: one good answer ends the probing', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.script([{ status: 503 }, { status: 500, body: 'upstream timeout\nstack line 2' }]);
    const run = await rollback(sandbox, gate(`${app.url}/healthz`));

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy' });
    expect(app.requests).toHaveLength(3);
    // health_interval apart, start to start
    expect(app.requests[2]!.at - app.requests[1]!.at).toBeGreaterThanOrEqual(900);
    expect(platformRequests(sandbox)).toEqual([]);
    expect(run.summary).toContain('answered 500');
    expect(run.summary).toContain('upstream timeout');
    expect(run.summary).not.toContain('stack line 2');
  });
});

describe('rollback_when: unhealthy, an unhealthy app', () => {
  it('rolls back after health_failures failed probes in a row, then proves recovery on the same URL', async () => {
    // The running revision (v3) is the broken one; the previous one (v2) answers 200 again.
    const sandbox = await sandboxWith({ hashes: HASHES, unhealthyHashes: [H('v3')] });
    const run = await rollback(sandbox, gate(`${sandbox.origin}/app/health`, { health_failures: '2', health_timeout: '20' }));

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'completed', health_before: 'unhealthy', health: 'healthy' });
    expect(sandbox.redeploys).toHaveLength(1);
    expect(sandbox.cvms()[0]!.compose_hash).toBe(H('v2'));
    const firstPlatformRequest = platformRequests(sandbox)[0]!;
    const probesBefore = probesOf(sandbox).filter((probe) => probe.at <= firstPlatformRequest.at);
    expect(probesBefore.map((probe) => probe.status)).toEqual([503, 503]);
    expect(run.summary).toMatch(/unhealthy: 2 failed probes in a row/);
    expect(shown(run.summary)).toMatch(/answered 503 in \d+ ms, expected 200-399: "\{"status":"unhealthy"/);
    expect(logLines(run).filter((line) => /^Probe \d of /.test(line))).toHaveLength(2);
  });

  it('an unreachable app (connection refused) counts as failed, and the summary says which', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const port = await closedPort();
    const run = await rollback(sandbox, gate(`http://127.0.0.1:${port}/health`, { health_timeout: '2' }));

    expect(run.outputs.health_before).toBe('unhealthy');
    expect(sandbox.redeploys).toHaveLength(1);
    expect(run.summary).toContain('connection refused (ECONNREFUSED)');
    // The same URL is checked after the rollback: still refused, so the run says so.
    expect(run.exitCode).toBe(1);
    expect(run.outputs.health).toBe('unhealthy');
  });

  it.each([
    ['DNS', async () => 'https://health.invalid/healthz', /DNS lookup failed \((ENOTFOUND|EAI_AGAIN)\)/],
    ['TLS', async () => `https://127.0.0.1:${new URL((await healthApp()).url).port}/healthz`, /TLS failed \(\w+\)/]
  ])('an unreachable app (%s) counts as failed, and the summary says which', async (_kind, url, said) => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, gate(await url(), { health_failures: '1', dry_run: 'true' }));
    expect(run.outputs).toMatchObject({ status: 'dry_run', health_before: 'unhealthy' });
    expect(run.summary).toMatch(said);
  });

  it('dry_run probes, then resolves and reports as today, sending nothing', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, unhealthyHashes: [H('v3')] });
    const run = await rollback(sandbox, gate(`${sandbox.origin}/app/health`, { health_failures: '1', dry_run: 'true' }));

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'dry_run', health_before: 'unhealthy', compose_hash: H('v2') });
    expect(sandbox.redeploys).toHaveLength(0);
    expect(platformRequests(sandbox).every((request) => request.method === 'GET')).toBe(true);
  });
});

describe('rollback_when: inputs', () => {
  it.each([
    [{ rollback_when: 'unhealthy' }, 'health_url'],
    [{ rollback_when: 'sometimes' }, 'rollback_when'],
    [{ rollback_when: 'unhealthy', health_url: 'https://app.example.com/h', health_interval: '0' }, 'health_interval'],
    [{ rollback_when: 'unhealthy', health_url: 'https://app.example.com/h', health_failures: 'three' }, 'health_failures']
  ])('%j is refused naming %s, before any request', async (inputs, input) => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, inputs);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe(`Invalid input '${input}'`);
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  });

  it("rollback_when: always (the default) does not probe, and says health_before 'not_checked'", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { health_url: `${sandbox.origin}/app/health` });
    expect(run.outputs).toMatchObject({ status: 'completed', health_before: 'not_checked' });
    expect(probesOf(sandbox)[0]!.at).toBeGreaterThan(platformRequests(sandbox)[0]!.at);
  });
});

describe('rollback_when: unhealthy, bounded by timeout', () => {
  it('fails as a timeout when no verdict is possible in time, saying nothing was read from or sent to the platform', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady('hang');
    const run = await rollback(sandbox, gate(`${app.url}/health`, { timeout: '2' }));

    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(2000 + 2500);
    const [error] = annotations(run);
    expect(error!.title).toBe('Rollback timed out');
    expect(error!.message).toContain('Nothing was read from or sent to Phala Cloud');
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  });

  it('does not wait for a probe that could only start after the deadline', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady({ status: 503 });
    const run = await rollback(sandbox, gate(`${app.url}/health`, { timeout: '3', health_interval: '5' }));
    expect(annotations(run)[0]!.title).toBe('Rollback timed out');
    expect(app.requests).toHaveLength(1);
    expect(run.durationMs).toBeLessThan(2500);
    expect(sandbox.requests).toEqual([]);
  });

  it('a run cancelled while probing says nothing was read from or sent to the platform', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady('hang');
    let probing = false;
    const run = await rollback(sandbox, gate(`${app.url}/health`), {
      // Cancelled once the probing has begun (the handler is installed by then), however loaded the machine.
      onStart: (child) =>
        child.stdout!.on('data', (chunk: Buffer) => {
          if (!probing && chunk.toString().includes('rollback_when is unhealthy: probing')) {
            probing = true;
            setTimeout(() => child.kill('SIGINT'), 200);
          }
        })
    });
    expect(probing).toBe(true);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toContain('Cancelled while probing the app');
    expect(run.outputs).toMatchObject({ status: 'cancelled', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  });
});
