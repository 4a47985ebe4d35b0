/** Fault injection: what a client must survive (gateway errors, dropped connections, HTML pages, slow answers). */
import type { ServerResponse } from 'node:http';
import { errorReply, type Reply } from './http.js';
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

export function appliesAfterProcessing(f: FaultSpec): boolean {
  return (f.endpoint === 'redeploy' || f.endpoint === 'deploy') && f.afterProcessing === true;
}

/** The answer a fault produces: a reply, 'drop' to cut the connection, or 'pass' when it only delays. */
export function faultReply(f: FaultSpec): Reply | 'drop' | 'pass' {
  switch (f.kind) {
    case 'latency':
      return 'pass';
    case 'drop':
      return 'drop';
    case 'malformed':
      return { status: 200, rawBody: '<html>502 Bad Gateway</html>', contentType: 'text/html' };
    case 'status': {
      const status = f.status ?? 503;
      const reply: Reply = f.body === undefined ? errorReply(status, 'injected fault') : { status, rawBody: f.body, contentType: 'text/plain' };
      if (f.retryAfter !== undefined) reply.headers = { 'Retry-After': f.retryAfter };
      return reply;
    }
  }
}

export function drop(res: ServerResponse): void {
  res.socket?.destroy();
}
