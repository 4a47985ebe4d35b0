import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { annotations, H, rollback, sandboxWith } from '../helpers.js';
import { expectFailed, expectRedeployedSaid } from './checks.js';

/** Class 6: every run leaves a complete incident record: summary, titled annotation, status output. */
const HASHES = [H('v1'), H('v2'), H('v3')];
const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/payments', GITHUB_RUN_ID: '987654321', GITHUB_ACTOR: 'oncall-alice' };

/** A port on loopback with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the summary', () => {
  it('is written for an input error, with the redeployed-or-not sentence', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { app_id: 'not-hex!' }, { env: GITHUB });
    expectFailed(run, "Invalid input 'app_id'");
    expectRedeployedSaid(run, 'nothing');
  });

  it('has Duration, Started by and a Run link, on success and failure', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    for (const run of [await rollback(sandbox, { dry_run: 'true' }, { env: GITHUB }), await rollback(sandbox, { timeout: 'x' }, { env: GITHUB })]) {
      expect(run.summary).toMatch(/\| Duration \| \d+\.\d s \|/);
      expect(run.summary).toContain('| Started by | oncall-alice |');
      expect(run.summary).toContain('<a href="https://github.com/acme/payments/actions/runs/987654321">');
    }
  });

  it("a network failure is titled 'Platform unreachable', not 'Unexpected error'", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { api_url: `http://127.0.0.1:${await closedPort()}/api/v1`, timeout: '6' });
    expectFailed(run, 'Platform unreachable');
    expect(annotations(run)[0]!.message).toContain('Nothing listens');
    expectRedeployedSaid(run, 'nothing');
  });

  it('api_url without /api/v1 has its own hint', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { api_url: sandbox.origin });
    expectFailed(run, 'api_url looks incomplete');
    expect(annotations(run)[0]!.message).toContain('/api/v1');
    expectRedeployedSaid(run, 'nothing');
  });

  it('https to a plain-http port says so', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { api_url: sandbox.url.replace('http://', 'https://'), timeout: '6' });
    expectFailed(run, 'Platform unreachable');
    expect(annotations(run)[0]!.message).toMatch(/TLS.*plain http/);
    expect(run.summary).toMatch(/TLS/);
  });
});

describe('a line at least every 30 s while waiting', () => {
  it('during a long update', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { outcome: 'endless' } });
    const stamps: number[] = [];
    const run = await rollback(
      sandbox,
      { timeout: '40' },
      {
        killAfterMs: 70_000,
        onStart: (child) => {
          let partial = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            const lines = (partial + chunk.toString()).split('\n');
            partial = lines.pop()!;
            for (const line of lines) if (line !== '' && !line.startsWith('::')) stamps.push(Date.now());
          });
        }
      }
    );
    expectFailed(run, 'Rollback timed out');
    expect(run.durationMs).toBeGreaterThanOrEqual(39_000);
    const gaps = stamps.slice(1).map((at, i) => at - stamps[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30_000);
    expect(run.stdout).toMatch(/still waiting/);
  }, 80_000);
});

describe('cancellation', () => {
  it('during a 409 wait: nothing was redeployed, status cancelled', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, busy: { forMs: 60_000, operationType: 'restart' } });
    const run = await rollback(
      sandbox,
      { timeout: '60' },
      {
        onStart: (child) => {
          let sent = false;
          child.stdout!.on('data', (chunk: Buffer) => {
            if (!sent && chunk.toString().includes('busy with')) {
              sent = true;
              setTimeout(() => child.kill('SIGTERM'), 200);
            }
          });
        }
      }
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('cancelled');
    expect(annotations(run)[0]!.title).toBe('Rollback cancelled');
    expect(annotations(run)[0]!.message).toMatch(/waiting for another operation to finish before sending \(.*restart/);
    expectRedeployedSaid(run, 'nothing');
    expect(run.summary).toContain('Cancelled: Rollback cancelled');
    expect(sandbox.redeploys).toHaveLength(0);
  });

  it('after wait: false the status stays triggered (the run has ended; a late signal changes nothing)', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 5000 } });
    const run = await rollback(
      sandbox,
      { wait: 'false' },
      {
        onStart: (child) => {
          child.stdout!.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('applies it on its own')) child.kill('SIGTERM');
          });
        }
      }
    );
    expect(run.outputs.status).toBe('triggered');
    expect(run.outputs.status).not.toBe('cancelled');
    expect(sandbox.redeploys).toHaveLength(1);
    // The run had ended triggered: a signal on the way out does not turn it into a failure (a
    // signal that lands while Node is already tearing down ends the process by default: no code).
    expect(run.exitCode === 0 || (run.exitCode === null && run.signal === 'SIGTERM')).toBe(true);
    expect(annotations(run)).toEqual([]);
    // …and if it was caught, it says the redeploy goes on, not that nothing happened.
    const late = annotations(run, 'warning').find((annotation) => annotation.title === 'Rollback cancelled');
    if (late) expect(late.message).toContain('Do not trigger it again');
    expect(run.summary).toContain('Triggered');
  });
});
