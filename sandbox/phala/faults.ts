/**
 * Fault injection: the transport-level misbehaviour a rollback client must survive (rate
 * limits, gateway errors, dropped connections, HTML error pages, slow answers, redirects).
 */
import type { ServerResponse } from 'node:http';
import { reasonPhrase, type Reply } from './errors.js';
import type { FaultEndpoint, FaultSpec } from './types.js';

export class FaultBook {
  constructor(private readonly faults: FaultSpec[]) {}

  add(f: FaultSpec): void {
    this.faults.push(f);
  }

  /** First fault for this endpoint with uses left; consumes one use. */
  take(endpoint: FaultEndpoint): FaultSpec | undefined {
    const f = this.faults.find((x) => x.endpoint === endpoint && (x.times ?? 1) > 0);
    if (f) f.times = (f.times ?? 1) - 1;
    return f;
  }
}

/** Whether the fault stands in for the answer after the request has been processed. */
export function appliesAfterProcessing(f: FaultSpec): boolean {
  return f.endpoint === 'redeploy' && f.afterProcessing === true;
}

/**
 * The answer a fault produces: a reply, 'drop' to cut the connection without one, or 'pass'
 * when the fault only delays and the normal answer follows.
 */
export function faultReply(f: FaultSpec): Reply | 'drop' | 'pass' {
  switch (f.kind) {
    case 'latency':
      return 'pass';
    case 'drop':
      return 'drop';
    case 'malformed':
      return f.malformed === 'wrong-shape'
        ? { status: 200, body: { unexpected: true } }
        : { status: 200, rawBody: '<html>502 Bad Gateway</html>', contentType: 'text/html' };
    case 'redirect':
      return { status: 307, body: { detail: reasonPhrase(307) }, headers: { Location: f.location ?? '/' } };
    case 'status': {
      const status = f.status ?? 503;
      const headers: Record<string, string> = {};
      if (f.retryAfter !== undefined) headers['Retry-After'] = f.retryAfter;
      if (f.body === undefined) return { status, body: { detail: reasonPhrase(status) }, headers };
      return { status, rawBody: f.body, contentType: looksLikeJson(f.body) ? 'application/json' : 'text/plain', headers };
    }
  }
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
