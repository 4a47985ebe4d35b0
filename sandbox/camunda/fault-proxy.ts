/**
 * A small HTTP proxy in front of the real engine that injects the faults a network and a
 * gateway produce: an error status instead of forwarding, a connection dropped before or after
 * the engine processed the request, or a hook run between the engine's answer and the client.
 * Everything else is relayed unchanged, and every request is recorded.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  /** Answer with this status without forwarding: the engine never sees the request. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Close the connection without forwarding. */
  | { kind: 'drop-before' }
  /** Forward, let the engine process it, then close the connection instead of answering. */
  | { kind: 'drop-after' }
  /** Forward, then run `hook` before relaying the engine's answer (e.g. a concurrent deploy). */
  | { kind: 'after'; hook: () => Promise<void> }
  /** Forward (the engine acts), then answer with this status and raw body instead of the engine's answer. */
  | { kind: 'replace'; status: number; body?: string; headers?: Record<string, string> }
  /** Do not forward: answer as `respond` computes from the request (path with query, and body). */
  | { kind: 'respond'; respond: (request: { url: string; body: Buffer }) => Promise<Answer> | Answer }
  /** Forward, then relay the engine's body as `transform` returns it (status and headers kept, length fixed). */
  | { kind: 'transform'; transform: (body: Buffer, url: string) => Buffer };

export interface Answer {
  status: number;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export interface FaultRule {
  method?: string;
  path: RegExp;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  fault: Fault;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The fault applied, if any. */
  fault?: Fault['kind'];
}

export interface FaultProxy {
  /** The engine-rest base through the proxy. */
  url: string;
  requests: RecordedRequest[];
  add(rule: FaultRule): void;
  close(): Promise<void>;
}

/** `engineUrl` is the engine-rest base, e.g. http://127.0.0.1:8080/engine-rest. */
export async function startFaultProxy(engineUrl: string): Promise<FaultProxy> {
  const engine = new URL(engineUrl);
  const rules: Array<FaultRule & { left: number }> = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const take = (method: string, path: string): Fault | undefined => {
    const rule = rules.find((r) => r.left > 0 && (!r.method || r.method === method) && r.path.test(path));
    if (!rule) return undefined;
    rule.left--;
    return rule.fault;
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    const fault = take(method, path);
    requests.push({ method, path: url, fault: fault?.kind });
    if (fault?.kind === 'status') {
      req.resume();
      res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
      res.end(fault.body === undefined ? '' : JSON.stringify(fault.body));
      return;
    }
    if (fault?.kind === 'respond') {
      const body: Buffer[] = [];
      req.on('data', (chunk: Buffer) => body.push(chunk));
      req.on('end', () => {
        void (async () => {
          const answer = await fault.respond({ url, body: Buffer.concat(body) });
          res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
          res.end(answer.body);
        })().catch(() => req.socket.destroy());
      });
      return;
    }
    if (fault?.kind === 'drop-before') {
      req.resume();
      req.socket.destroy();
      return;
    }
    const upstream = httpRequest({ host: engine.hostname, port: engine.port, method, path: url, headers: { ...req.headers, host: engine.host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        void (async () => {
          if (fault?.kind === 'drop-after') {
            req.socket.destroy();
            return;
          }
          if (fault?.kind === 'after') await fault.hook();
          if (fault?.kind === 'replace') {
            res.writeHead(fault.status, { 'Content-Type': 'text/plain', ...fault.headers });
            res.end(fault.body ?? '');
            return;
          }
          let body: Buffer = Buffer.concat(chunks);
          const headers = { ...answer.headers };
          if (fault?.kind === 'transform') {
            body = fault.transform(body, url);
            delete headers['transfer-encoding'];
            headers['content-length'] = String(body.length);
          }
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        })().catch(() => req.socket.destroy());
      });
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}${engine.pathname.replace(/\/+$/, '')}`,
    requests,
    add: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      })
  };
}
