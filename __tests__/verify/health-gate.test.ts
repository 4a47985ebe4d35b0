import { afterEach, describe, expect, it } from '@jest/globals';
import { Deadline, type Clock } from '../../src/clock.js';
import { TimeoutError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { unreachable } from '../../src/verify/health-check.js';
import { probeBeforeRollback, type HealthGateOptions } from '../../src/verify/health-gate.js';
import { parseHealthStatus } from '../../src/verify/health-status.js';
import { startHealthApp, type HealthApp } from '../../sandbox/shared/health-app.js';

/** Time moves only when the gate sleeps: the intervals cost nothing, the probes are real HTTP. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)), random: () => 0.5 };
}

const apps: HealthApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function app(): Promise<HealthApp> {
  const started = await startHealthApp();
  apps.push(started);
  return started;
}

function options(url: string, clock: Clock, over: Partial<HealthGateOptions> = {}): HealthGateOptions & { lines: string[] } {
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), debug: () => undefined };
  return {
    url,
    matcher: parseHealthStatus(''),
    failures: 3,
    intervalMs: 10_000,
    deadline: new Deadline(clock, 600_000),
    log,
    userAgent: 'test',
    platform: 'Qovery',
    lines,
    ...over
  };
}

describe('probeBeforeRollback', () => {
  it('one expected answer is a healthy verdict', async () => {
    const health = await app();
    const clock = fakeClock();
    const o = options(`${health.url}/h`, clock);
    const verdict = await probeBeforeRollback(o);
    expect(verdict).toMatchObject({ state: 'healthy', probes: [{ n: 1, ok: true, status: 200 }] });
    expect(clock.slept).toEqual([]);
    expect(o.lines.at(-1)).toMatch(/^The app answered healthy at \S+ \(status 200 in \d+ ms\): nothing was rolled back, and nothing was read from or sent to Qovery\.$/);
  });

  it('failures in a row make it unhealthy, health_interval apart; a good answer in between would end it', async () => {
    const health = await app();
    health.setSteady({ status: 500, body: '\n  first line <b>\nsecond line' });
    const clock = fakeClock();
    const verdict = await probeBeforeRollback(options(`${health.url}/h`, clock));
    expect(verdict.state).toBe('unhealthy');
    expect(verdict.probes.map((probe) => [probe.status, probe.body])).toEqual([
      [500, 'first line <b>'],
      [500, 'first line <b>'],
      [500, 'first line <b>']
    ]);
    expect(clock.slept).toHaveLength(2);
    for (const ms of clock.slept) expect(ms).toBeGreaterThan(9000);
  });

  it('3xx is judged by health_status, as after the rollback (a redirect elsewhere is not followed)', async () => {
    const health = await app();
    health.setSteady({ status: 302, body: '' });
    expect((await probeBeforeRollback(options(`${health.url}/h`, fakeClock()))).state).toBe('healthy');
    expect((await probeBeforeRollback(options(`${health.url}/h`, fakeClock(), { matcher: parseHealthStatus('200') }))).state).toBe('unhealthy');
  });

  it('throws a timeout (nothing changed) when the next probe could only start after the deadline', async () => {
    const health = await app();
    health.setSteady({ status: 503 });
    const clock = fakeClock();
    const error = await probeBeforeRollback(options(`${health.url}/h`, clock, { deadline: new Deadline(clock, 15_000) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).changed).toBe('nothing');
    expect((error as TimeoutError).message).toContain('2 failed probes so far, 3 in a row needed, so no verdict');
    expect(health.requests).toHaveLength(2);
  });

  it('never sends a credential', async () => {
    const health = await app();
    await probeBeforeRollback(options(`${health.url}/h?token=abcdefgh`, fakeClock()));
    expect(health.requests[0]).toMatchObject({ path: '/h?token=abcdefgh', hadCredential: false });
  });
});

describe('unreachable', () => {
  it.each([
    ['ENOTFOUND', 'DNS lookup failed (ENOTFOUND)'],
    ['EAI_AGAIN', 'DNS lookup failed (EAI_AGAIN)'],
    ['ECONNREFUSED', 'connection refused (ECONNREFUSED)'],
    ['CERT_HAS_EXPIRED', 'TLS failed (CERT_HAS_EXPIRED)'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS failed (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS failed (ERR_TLS_CERT_ALTNAME_INVALID)'],
    ['ECONNRESET', 'connection reset (ECONNRESET)']
  ])('%s: %s', (code, said) => {
    expect(unreachable(code)).toBe(said);
  });
});
