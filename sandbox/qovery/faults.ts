/** Fault injection: what a client must survive (gateway errors, dropped connections, HTML pages, slow answers). */
import type { ServerResponse } from 'node:http';
import { FaultBook as SharedFaultBook } from '../shared/http.js';
import { errorReply, type Reply } from './http.js';
import { rateHeaders } from './rate-limit.js';
import type { FaultSpec } from './types.js';

export class FaultBook extends SharedFaultBook<FaultSpec> {}

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
      return { status: f.status ?? 200, rawBody: '<html>502 Bad Gateway</html>', contentType: 'text/html' };
    case 'redirect':
      return { status: f.status ?? 302, rawBody: '', contentType: 'text/plain', headers: f.location ? { Location: f.location } : {} };
    case 'status': {
      const status = f.status ?? 503;
      const reply: Reply = f.body === undefined ? errorReply(status, 'injected fault') : { status, rawBody: f.body, contentType: 'text/plain' };
      reply.headers = {};
      if (f.retryAfter !== undefined) reply.headers['Retry-After'] = f.retryAfter;
      if (f.resetInMs !== undefined) Object.assign(reply.headers, rateHeaders(1000, 0, Date.now() + f.resetInMs));
      return reply;
    }
  }
}

export function drop(res: ServerResponse): void {
  res.socket?.destroy();
}
