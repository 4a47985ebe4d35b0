/**
 * What every sandbox server shares: bounded request bodies, uniform replies, and a book of
 * injectable faults. Each platform's sandbox keeps its own routes, bodies and fault kinds.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  /** serialised as JSON unless rawBody is set */
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the cap the rest is drained and ignored; nothing legitimate is that large.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const text = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType ?? 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...extraHeaders,
    ...reply.headers
  });
  res.end(text);
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** A request body as recorded in a journal: parsed JSON, or the text when it is not JSON. */
export function parseRecordedBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Faults waiting to be applied, each to a number of matching requests (`times`, default 1). */
export class FaultBook<F extends { endpoint: string; times?: number }> {
  constructor(private readonly faults: F[]) {}

  add(f: F): void {
    this.faults.push(f);
  }

  /** First fault for this endpoint with uses left; consumes one use. */
  take(endpoint: F['endpoint']): F | undefined {
    const f = this.faults.find((x) => x.endpoint === endpoint && (x.times ?? 1) > 0);
    if (f) f.times = (f.times ?? 1) - 1;
    return f;
  }
}
