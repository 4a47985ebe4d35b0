import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Deadline, systemClock } from '../../src/clock.js';
import { ApiClient, BodyTooLargeError, notJsonError } from '../../src/http/api-client.js';
import { TransportError } from '../../src/http/transport-error.js';
import type { Logger } from '../../src/log.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)))));
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(baseUrl: string, options: { timeoutMs?: number; requestTimeoutMs?: number } = {}) {
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warning: (m) => lines.push(m), debug: (m) => lines.push(`debug: ${m}`) };
  const api = new ApiClient({
    baseUrl: `${baseUrl}/api/v1`,
    authHeaders: { 'X-API-Key': 'phak_secret' },
    userAgent: 'rollback-action/test',
    deadline: new Deadline(systemClock, options.timeoutMs ?? 20_000),
    log,
    requestTimeoutMs: options.requestTimeoutMs
  });
  return { api, lines };
}

describe('ApiClient', () => {
  it('sends the auth headers, the User-Agent and the query, and parses JSON', async () => {
    let seen: IncomingMessage | undefined;
    const base = await serve((req, res) => {
      seen = req;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const { api, lines } = client(base);
    const response = await api.read({ method: 'GET', path: '/apps/x/revisions', query: { page: 2, page_size: 1000, skip: undefined } });
    expect(response.body).toEqual({ ok: true });
    expect(seen!.url).toBe('/api/v1/apps/x/revisions?page=2&page_size=1000');
    expect(seen!.headers['x-api-key']).toBe('phak_secret');
    expect(seen!.headers['user-agent']).toBe('rollback-action/test');
    expect(lines.join('\n')).not.toContain('phak_secret');
    api.dispose();
  });

  it('gives up on a silent server after the per-request timeout, as a lost answer', async () => {
    const base = await serve(() => undefined); // never answers
    const { api } = client(base, { requestTimeoutMs: 300 });
    const started = Date.now();
    const error = await api.send({ method: 'POST', path: '/redeploy', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
    api.dispose();
  });

  it('never retries a POST by itself', async () => {
    let posts = 0;
    const base = await serve((_, res) => {
      posts++;
      res.writeHead(502).end();
    });
    const { api } = client(base);
    expect((await api.send({ method: 'POST', path: '/redeploy', body: {} })).status).toBe(502);
    expect(posts).toBe(1);
    api.dispose();
  });

  it('returns the last answer when a retryable status outlasts the deadline', async () => {
    let reads = 0;
    const base = await serve((_, res) => {
      reads++;
      res.writeHead(503, { 'retry-after': '60' }).end('{"detail":"maintenance"}');
    });
    const { api } = client(base, { timeoutMs: 3000 });
    const response = await api.read({ method: 'GET', path: '/apps/x/cvms' });
    expect(response.status).toBe(503);
    expect(reads).toBe(1); // Retry-After beyond the deadline: no pointless wait
    api.dispose();
  });

  it('waits as long as X-RateLimit-Reset says when a 429 read has no Retry-After', async () => {
    const arrivals: number[] = [];
    const base = await serve((_, res) => {
      arrivals.push(Date.now());
      if (arrivals.length === 1) res.writeHead(429, { 'x-ratelimit-reset': '2' }).end('{"detail":"slow down"}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    const { api, lines } = client(base);
    expect((await api.read({ method: 'GET', path: '/apps/x/cvms' })).status).toBe(200);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(1900);
    expect(lines.join('\n')).toContain('answered 429; retrying in 2.0s');
    api.dispose();
  });

  it('leaves a 2xx body as text when asked (textOnSuccess), but still parses an error body', async () => {
    let status = 200;
    const base = await serve((_, res) => res.writeHead(status, { 'content-type': 'application/json' }).end('{"detail":"x"}'));
    const { api } = client(base);
    expect(await api.read({ method: 'GET', path: '/a', textOnSuccess: true })).toMatchObject({ status: 200, body: undefined, text: '{"detail":"x"}' });
    status = 404;
    expect(await api.read({ method: 'GET', path: '/a', textOnSuccess: true })).toMatchObject({ status: 404, body: { detail: 'x' } });
    api.dispose();
  });

  it('hands a 2xx body that is not JSON to the caller as such, rather than guessing', async () => {
    const base = await serve((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
    const { api } = client(base);
    const response = await api.read({ method: 'GET', path: '/apps/x/cvms' });
    expect(response).toMatchObject({ status: 200, notJson: true, body: undefined });
    expect(notJsonError(response, 'Phala Cloud').message).toBe(
      'GET /api/v1/apps/x/cvms answered 200 with a body that is not JSON (text/html): "<html>login</html>". A proxy or gateway may be in the way; check api_url.'
    );
    api.dispose();
  });

  it('refuses a body over the cap without buffering it, and closes the connection', async () => {
    const base = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const small = new ApiClient({
      baseUrl: `${base}/api/v1`,
      authHeaders: {},
      userAgent: 't',
      deadline: new Deadline(systemClock, 20_000),
      log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
      maxBodyBytes: 1024 * 1024
    });
    await expect(small.read({ method: 'GET', path: '/big' })).rejects.toBeInstanceOf(BodyTooLargeError);
    small.dispose();
  });

  it('aborts a body that trickles past the per-request timeout', async () => {
    const base = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    const { api } = client(base, { requestTimeoutMs: 400 });
    const started = Date.now();
    const error = await api.send({ method: 'GET', path: '/slow' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(Date.now() - started).toBeLessThan(2000);
    api.dispose();
  });

  it('never follows a redirect on send (a POST would be re-sent)', async () => {
    let hits = 0;
    const base = await serve((req, res) => {
      hits++;
      res.writeHead(307, { location: '/api/v1/elsewhere' }).end();
    });
    const { api } = client(base);
    const response = await api.send({ method: 'POST', path: '/redeploy', body: {} });
    expect(response.status).toBe(307);
    expect(hits).toBe(1);
    api.dispose();
  });
});
