import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../src/clock.js';
import type { Logger } from '../../src/log.js';
import { checkHealth, type HealthCheckOptions } from '../../src/verify/health-check.js';
import { parseHealthStatus } from '../../src/verify/health-status.js';

/** What the app under test answers to request n (0-based): a status, or 'hang' to never answer. */
type Behaviour = (n: number, res: ServerResponse) => number | 'hang' | 'handled';

interface App {
  url: string;
  hits: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function startApp(behaviour: Behaviour): Promise<App> {
  const hits: App['hits'] = [];
  const server = createServer((req, res) => {
    const n = hits.length;
    hits.push({ path: req.url ?? '/', headers: req.headers });
    req.resume();
    const outcome = behaviour(n, res);
    if (outcome === 'hang' || outcome === 'handled') return;
    res.writeHead(outcome, { 'Content-Type': 'text/plain' }).end(`answer ${n}: ${outcome}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const app: App = {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
  apps.push(app);
  return app;
}

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), debug: () => undefined };
}

function options(url: string, overrides: Partial<HealthCheckOptions> = {}): HealthCheckOptions {
  return {
    url,
    matcher: parseHealthStatus(''),
    timeoutSeconds: 10,
    clock: systemClock,
    log: recordingLog(),
    intervalMs: 20,
    userAgent: 'rollback-action/test',
    ...overrides
  };
}

describe('checkHealth', () => {
  it('becomes healthy after failures once three answers in a row are as expected', async () => {
    const app = await startApp((n) => (n < 4 ? 503 : 200));
    const log = recordingLog();
    const result = await checkHealth(options(`${app.url}/health`, { log }));
    expect(result).toMatchObject({ health: 'healthy', attempts: 7, consecutive: 3, lastStatus: 200 });
    expect(result.lastError).toBeUndefined();
    expect(app.hits.every((hit) => hit.path === '/health')).toBe(true);
    // One line per change of state, not per poll: start, 503, 200, healthy.
    expect(log.lines).toEqual([
      expect.stringMatching(/^Checking http:\/\/127\.0\.0\.1:\d+\/health: expecting status 200-399 3 times in a row within 10s\.$/),
      expect.stringMatching(/\/health answers 503, expected 200-399: "answer 0: 503" \(poll 1, after \d+\.\ds\)\.$/),
      expect.stringMatching(/\/health answers 200, as expected \(poll 5, after/),
      expect.stringMatching(/\/health is healthy: 3 expected answers in a row after 7 polls/)
    ]);
  });

  it('resets the streak on a miss: a flapping app needs a clean run', async () => {
    const script = [200, 200, 500, 200, 200, 503, 200, 200, 200];
    const app = await startApp((n) => script[n] ?? 500);
    const result = await checkHealth(options(app.url));
    expect(result).toMatchObject({ health: 'healthy', attempts: 9, consecutive: 3 });
  });

  it('honours requiredSuccesses and a custom matcher', async () => {
    const app = await startApp((n) => (n % 2 === 0 ? 204 : 200));
    const result = await checkHealth(options(app.url, { matcher: parseHealthStatus('204'), requiredSuccesses: 1 }));
    expect(result).toMatchObject({ health: 'healthy', attempts: 1, consecutive: 1, lastStatus: 204 });

    const strict = await checkHealth(options(app.url, { matcher: parseHealthStatus('204'), requiredSuccesses: 2, timeoutSeconds: 1 }));
    expect(strict.health).toBe('unhealthy');
    expect(strict.consecutive).toBeLessThanOrEqual(1);
  });

  it('reports unhealthy within the timeout when the app never answers as expected', async () => {
    const app = await startApp(() => 500);
    const log = recordingLog();
    const started = Date.now();
    const result = await checkHealth(options(app.url, { timeoutSeconds: 2, intervalMs: 100, log }));
    const took = Date.now() - started;
    expect(result).toMatchObject({ health: 'unhealthy', consecutive: 0, lastStatus: 500, lastBody: expect.stringMatching(/^answer \d+: 500$/) });
    expect(result.attempts).toBeGreaterThan(5);
    expect(took).toBeGreaterThanOrEqual(1900);
    expect(took).toBeLessThan(2000 + 5000);
    expect(result.elapsedMs).toBeLessThan(2000 + 5000);
    // Polls are not logged one by one.
    expect(log.lines).toHaveLength(3);
    expect(log.lines[2]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ is unhealthy: no 3 answers with status 200-399 in a row within 2s \(\d+ polls, last status 500\)\.$/);
  });

  it('gives up on a server that never answers within timeout + 5 s, even with a long request timeout', async () => {
    const app = await startApp(() => 'hang');
    const started = Date.now();
    const result = await checkHealth(options(app.url, { timeoutSeconds: 2, requestTimeoutMs: 60_000 }));
    const took = Date.now() - started;
    expect(result.health).toBe('unhealthy');
    expect(result.lastStatus).toBeUndefined();
    expect(result.lastError).toMatch(/^request timed out after \d+ ms$/);
    expect(took).toBeLessThan(2000 + 5000);
  });

  it('abandons one hung poll after requestTimeoutMs and keeps polling', async () => {
    const app = await startApp((n) => (n === 0 ? 'hang' : 200));
    const log = recordingLog();
    const result = await checkHealth(options(app.url, { requestTimeoutMs: 300, log }));
    expect(result).toMatchObject({ health: 'healthy', attempts: 4, consecutive: 3 });
    expect(log.lines[1]).toMatch(/gives no answer \(request timed out after 300 ms\) \(poll 1,/);
  });

  it('counts a refused connection as a miss and names the error', async () => {
    const app = await startApp(() => 200);
    const url = app.url;
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    const result = await checkHealth(options(url, { timeoutSeconds: 1, intervalMs: 100 }));
    expect(result).toMatchObject({ health: 'unhealthy', consecutive: 0, lastError: 'ECONNREFUSED' });
    expect(result.attempts).toBeGreaterThan(1);
  });

  it('does not follow a redirect to another origin: the answer counts by its own 3xx status', async () => {
    const elsewhere = await startApp(() => 200);
    const app = await startApp((_n, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}/health` }).end();
      return 'handled';
    });
    // 3xx is inside the default 200-399: a redirect counts as a sign of life.
    const lenient = await checkHealth(options(`${app.url}/health`));
    expect(lenient).toMatchObject({ health: 'healthy', lastStatus: 302 });
    // With 200 required, the 302 is a miss: the other origin is never asked.
    const strict = await checkHealth(options(`${app.url}/health`, { matcher: parseHealthStatus('200'), timeoutSeconds: 1 }));
    expect(strict).toMatchObject({ health: 'unhealthy', lastStatus: 302 });
    expect(elsewhere.hits).toHaveLength(0);
  });

  it('follows a redirect within the same origin', async () => {
    const app = await startApp((_n, res) => {
      if (res.req.url === '/old') {
        res.writeHead(301, { Location: '/health' }).end();
        return 'handled';
      }
      return 200;
    });
    const result = await checkHealth(options(`${app.url}/old`, { matcher: parseHealthStatus('200'), requiredSuccesses: 2 }));
    expect(result).toMatchObject({ health: 'healthy', attempts: 2, lastStatus: 200 });
    expect(app.hits.map((hit) => hit.path)).toEqual(['/old', '/health', '/old', '/health']);
  });

  it('sends no credentials: only User-Agent and Accept', async () => {
    const app = await startApp(() => 200);
    await checkHealth(options(`${app.url}/health`, { requiredSuccesses: 1 }));
    const headers = app.hits[0]!.headers;
    expect(headers['user-agent']).toBe('rollback-action/test');
    expect(headers.accept).toBe('*/*');
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-api-key']).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(Object.keys(headers).sort()).toEqual(['accept', 'connection', 'host', 'user-agent']);
  });

  it('keeps only the start of a large body and does not wait for an endless one', async () => {
    const app = await startApp((_n, res) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      // Streams forever; the check must cut it off after 64 KiB instead of timing out.
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(timer));
      return 'handled';
    });
    const result = await checkHealth(options(app.url, { timeoutSeconds: 1, requestTimeoutMs: 5000, intervalMs: 50 }));
    expect(result.health).toBe('unhealthy');
    expect(result.lastStatus).toBe(500);
    expect(result.lastBody).toBe(`${'x'.repeat(200)}…`);
    expect(result.attempts).toBeGreaterThan(2);
  });

  it('stops when cancelled', async () => {
    const app = await startApp(() => 503);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const result = await checkHealth(options(app.url, { signal: controller.signal, timeoutSeconds: 30, intervalMs: 10_000 }));
    expect(result).toMatchObject({ health: 'unhealthy', lastError: 'cancelled', attempts: 1 });
    // Cut short in the middle of a 7.5–12.5 s pause.
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('hides the query string values in log lines', async () => {
    const app = await startApp(() => 200);
    const log = recordingLog();
    await checkHealth(options(`${app.url}/health?token=s3cret`, { log, requiredSuccesses: 1 }));
    expect(app.hits[0]!.path).toBe('/health?token=s3cret');
    expect(log.lines.join('\n')).not.toContain('s3cret');
    expect(log.lines[0]).toContain('/health?token=***');
  });
});
