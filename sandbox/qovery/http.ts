/** Small node:http helpers: bounded body reading and uniform response writing. */

export { headerValue, readBody, send, parseRecordedBody as parseJson, type Reply } from '../shared/http.js';
import type { Reply } from '../shared/http.js';

/** Qovery's error bodies vary by layer; the sandbox uses both documented styles. */
export function errorReply(status: number, message: string, style: 'message' | 'detail' = 'message'): Reply {
  const error = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests' }[status] ?? 'Error';
  return { status, body: style === 'detail' ? { status, detail: message } : { status, error, message } };
}
