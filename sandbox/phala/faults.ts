/**
 * Fault injection: the transport-level misbehaviour a rollback client must survive (rate
 * limits, gateway errors, dropped connections, HTML error pages, slow answers, redirects) and
 * a hostile server's tricks (huge or endless bodies, broken HTTP, secrets echoed back).
 */
import type { ServerResponse } from 'node:http';
import { FaultBook as SharedFaultBook } from '../shared/http.js';
import { reasonPhrase, type Reply } from './errors.js';
import type { FaultSpec } from './types.js';

export class FaultBook extends SharedFaultBook<FaultSpec> {}

/** Whether the fault stands in for the answer after the request has been processed. */
export function appliesAfterProcessing(f: FaultSpec): boolean {
  return f.endpoint === 'redeploy' && f.afterProcessing === true;
}

/** Answers that are not a Reply: written to the socket by hostile.ts. */
export type HostileAnswer =
  { hostile: 'huge-body'; sizeBytes: number } | { hostile: 'slow-body'; chunkBytes: number; intervalMs: number; totalBytes?: number } | { hostile: 'raw'; raw: string };

export const DEFAULT_HUGE_BODY_BYTES = 20 * 1024 * 1024;

/**
 * The answer a fault produces: a reply, 'drop' to cut the connection without one, 'pass'
 * when the fault only delays and the normal answer follows, or a hostile write.
 * `apiKey` is what the client sent, for 'echo-key' only.
 */
export function faultReply(f: FaultSpec, apiKey: string | undefined): Reply | 'drop' | 'pass' | HostileAnswer {
  switch (f.kind) {
    case 'latency':
      return 'pass';
    case 'drop':
      return 'drop';
    case 'malformed':
      return f.malformed === 'wrong-shape'
        ? { status: f.status ?? 200, body: { unexpected: true } }
        : { status: f.status ?? 200, rawBody: '<html>502 Bad Gateway</html>', contentType: 'text/html' };
    case 'huge-body':
      return { hostile: 'huge-body', sizeBytes: f.sizeBytes ?? DEFAULT_HUGE_BODY_BYTES };
    case 'slow-body': {
      const slow: HostileAnswer = { hostile: 'slow-body', chunkBytes: Math.max(1, f.chunkBytes ?? 1), intervalMs: f.intervalMs ?? 500 };
      if (f.totalBytes !== undefined) slow.totalBytes = f.totalBytes;
      return slow;
    }
    case 'raw':
      return { hostile: 'raw', raw: f.raw ?? '' };
    case 'echo-key':
      return echoKey(f, apiKey ?? '');
    case 'redirect':
      return { status: f.status ?? 307, body: { detail: reasonPhrase(f.status ?? 307) }, headers: { Location: f.location ?? '/' } };
    case 'status': {
      const status = f.status ?? 503;
      const headers: Record<string, string> = { ...f.headers };
      if (f.retryAfter !== undefined) headers['Retry-After'] = f.retryAfter;
      if (f.body === undefined) return { status, body: { detail: reasonPhrase(status) }, headers };
      return { status, rawBody: f.body, contentType: looksLikeJson(f.body) ? 'application/json' : 'text/plain', headers };
    }
  }
}

/**
 * An error whose message quotes the client's key back, as careless servers do. The partial
 * variant buries the first half of the key at the end of a long message, past where a client
 * that truncates messages would cut.
 */
function echoKey(f: FaultSpec, key: string): Reply {
  const status = f.status ?? 401;
  if (f.echoKeyPartial !== true) return { status, body: { detail: `Invalid API key: ${key}` } };
  const filler = 'The request could not be authenticated against any workspace of this deployment; check the credentials configured for the client. '.repeat(12);
  return { status, body: { detail: `${filler}Key prefix seen: ${key.slice(0, Math.ceil(key.length / 2))}` } };
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function drop(res: ServerResponse): void {
  res.socket?.destroy();
}
