/** The Phala sandbox uses the shared node:http helpers; kept as a module so imports stay stable. */
export { headerValue, parseRecordedBody, readBody } from '../shared/http.js';
import { send as sendReply } from '../shared/http.js';
import type { ServerResponse } from 'node:http';
import type { Reply } from './errors.js';

/** Every Phala answer carries its request id, as the platform's do. */
export function send(res: ServerResponse, reply: Reply, requestId: string): void {
  sendReply(res, reply, { 'X-Request-ID': requestId });
}
