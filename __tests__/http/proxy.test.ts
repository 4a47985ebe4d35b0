import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Deadline, systemClock } from '../../src/clock.js';
import { ApiClient } from '../../src/http/api-client.js';

const servers: Server[] = [];
const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
afterEach(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)))));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A CONNECT proxy, as on self-hosted runners: it reaches every host at 127.0.0.1 and notes what was asked. */
async function proxy(asked: string[]): Promise<number> {
  const server = createServer();
  server.on('connect', (req, socket, head) => {
    asked.push(req.url ?? '');
    const port = Number((req.url ?? '').split(':')[1]);
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return listen(server);
}

function client(baseUrl: string): ApiClient {
  const log = { info: () => {}, warning: () => {}, debug: () => {} };
  return new ApiClient({ baseUrl, authHeaders: { 'X-API-Key': 'phak_secret' }, userAgent: 'rollback-action/test', deadline: new Deadline(systemClock, 10_000), log });
}

describe('ApiClient behind a proxy', () => {
  it('goes through HTTP_PROXY for a host the proxy reaches', async () => {
    const apiPort = await listen(createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"proxy"}')));
    const asked: string[] = [];
    process.env.HTTP_PROXY = `http://127.0.0.1:${await proxy(asked)}`;
    delete process.env.NO_PROXY;
    const api = client(`http://api.example.test:${apiPort}/api/v1`);
    const response = await api.read({ method: 'GET', path: '/apps/x/cvms' });
    api.dispose();
    expect(response.body).toEqual({ via: 'proxy' });
    expect(asked).toEqual([`api.example.test:${apiPort}`]);
  });

  it('goes direct to a loopback API (the sandbox), proxy or not', async () => {
    const apiPort = await listen(createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"direct"}')));
    const asked: string[] = [];
    process.env.HTTP_PROXY = `http://127.0.0.1:${await proxy(asked)}`;
    process.env.NO_PROXY = 'localhost';
    const api = client(`http://localhost:${apiPort}/api/v1`);
    const response = await api.read({ method: 'GET', path: '/apps/x/cvms' });
    api.dispose();
    expect(response.body).toEqual({ via: 'direct' });
    expect(asked).toEqual([]);
  });
});
