import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { annotations, H, logLines, requestsTo, rollback, sandboxWith } from './helpers.js';

const HASHES = [H('v1'), H('v2'), H('v3')];

describe('reads survive transient faults', () => {
  it('retries 503 honouring Retry-After in seconds', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listAppCvms', kind: 'status', status: 503, retryAfter: '1', times: 2 }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const cvmReads = requestsTo(sandbox, 'GET', /\/cvms$/);
    expect(cvmReads.slice(0, 3).map((request) => request.status)).toEqual([503, 503, 200]);
    expect(cvmReads[1]!.at - cvmReads[0]!.at).toBeGreaterThanOrEqual(950);
    expect(logLines(run).join('\n')).toContain('answered 503; retrying in 1.0s');
  });

  it('retries 429 honouring Retry-After as an HTTP date', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    sandbox.addFault({ endpoint: 'listRevisions', kind: 'status', status: 429, retryAfter: new Date(Date.now() + 2000).toUTCString() });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    const pages = requestsTo(sandbox, 'GET', /\/revisions$/);
    expect(pages.map((request) => request.status)).toEqual([429, 200]);
    expect(pages[1]!.at - pages[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it.each(['listAppCvms', 'listRevisions', 'listOperations'] as const)('retries a dropped connection on %s', async (endpoint) => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { startLagMs: 30, durationMs: 30 }, faults: [{ endpoint, kind: 'drop', times: 2 }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
    expect(sandbox.redeploys).toHaveLength(1);
  });

  it.each([502, 504])('retries %i on reads', async (status) => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listRevisions', kind: 'status', status }] });
    expect((await rollback(sandbox)).exitCode).toBe(0);
  });

  it('tolerates a slow answer', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listRevisions', kind: 'latency', delayMs: 1500 }] });
    expect((await rollback(sandbox)).exitCode).toBe(0);
  });

  it('does not retry a 500 or other 4xx, and says nothing was redeployed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listAppCvms', kind: 'status', status: 500 }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(requestsTo(sandbox, 'GET', /\/cvms$/)).toHaveLength(1);
    expect(annotations(run)[0]!.message).toContain('Nothing was redeployed');
  });

  it('gives up when the platform stays down, within the timeout', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listAppCvms', kind: 'status', status: 503, times: Infinity }] });
    const run = await rollback(sandbox, { timeout: '5' });
    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(8000);
    expect(annotations(run)[0]!.title).toBe('Phala Cloud is unavailable');
  });
});

describe('responses that are not what the API documents', () => {
  it.each([
    ['listAppCvms', 'not-json', /GET \/api\/v1\/apps\/\w+\/cvms answered 200 with a body that is not JSON/],
    ['listRevisions', 'wrong-shape', /GET \/api\/v1\/apps\/\w+\/revisions returned a response the action cannot read/],
    ['listAppCvms', 'wrong-shape', /GET \/api\/v1\/apps\/\w+\/cvms returned a response the action cannot read/]
  ] as const)('%s answering %s fails with a clear error naming the endpoint', async (endpoint, malformed, message) => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint, kind: 'malformed', malformed }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toMatch(message);
    expect(run.stdout + run.stderr).not.toContain('Cannot read properties');
    expect(sandbox.redeploys).toHaveLength(0);
  });
});

describe('redirects', () => {
  it('never follows one to another origin with the key', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listAppCvms', kind: 'redirect', location: `http://127.0.0.1:${port}/steal` }] });
      const run = await rollback(sandbox);
      expect(run.exitCode).toBe(1);
      expect(annotations(run)[0]!.title).toBe('Redirect to another origin refused');
      expect(seen).toHaveLength(0);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('follows one within the API origin', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    sandbox.addFault({ endpoint: 'listAppCvms', kind: 'redirect', location: `${sandbox.url}/apps/${sandbox.scenario.appId}/cvms` });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(0);
  });
});
