/**
 * A stand-in for the app behind `health_url`, on any platform: a node:http server on 127.0.0.1
 * whose answers a test or the demo scripts (e.g. 503, 503, then 200: a flapping app). It is the
 * app, not the platform: it records whether a request carried any credential, which must never
 * happen.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One answer: a status with a body (and extra headers, e.g. a redirect's Location), or 'hang'
 * (accept, never answer: a stalled app).
 */
export type HealthAnswer = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface HealthAppRequest {
  /** Path and query as received. */
  path: string;
  at: number;
  /** Any Authorization, Cookie, X-API-Key or Token header came with it. */
  hadCredential: boolean;
}

export interface HealthApp {
  /** Base URL, e.g. http://127.0.0.1:41234 (append any path: every path is the health endpoint). */
  url: string;
  requests: HealthAppRequest[];
  /** Answers given in order, one per request, before the steady answer. */
  script(answers: HealthAnswer[]): void;
  /** The answer once the script is used up. */
  setSteady(answer: HealthAnswer): void;
  close(): Promise<void>;
}

const DEFAULT_BODY: Record<number, string> = { 200: '{"status":"ok"}', 503: '{"status":"unhealthy","reason":"database unreachable"}' };

export async function startHealthApp(steady: HealthAnswer = { status: 200 }): Promise<HealthApp> {
  const requests: HealthAppRequest[] = [];
  const queue: HealthAnswer[] = [];
  let after = steady;
  const hanging = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const h = req.headers;
    requests.push({ path: req.url ?? '/', at: Date.now(), hadCredential: Boolean(h.authorization || h.cookie || h['x-api-key'] || h.token) });
    const answer = queue.shift() ?? after;
    if (answer === 'hang') {
      hanging.add(res);
      return;
    }
    const body = answer.body ?? DEFAULT_BODY[answer.status] ?? `{"status":${answer.status}}`;
    res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...answer.headers });
    res.end(body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    requests,
    script: (answers) => void queue.push(...answers),
    setSteady: (answer) => void (after = answer),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }))
  };
}
