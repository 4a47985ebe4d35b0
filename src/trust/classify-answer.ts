import type { ApiResponse } from '../http/api-client.js';
import { TransportError } from '../http/transport-error.js';

/**
 * Statuses that say the platform refused the changing request before acting on it. Only these
 * (and a provider's documented extras) may be reported as "nothing was changed": any other answer
 * may come after the platform acted, so it is treated as unknown and verified by reading.
 */
export const DEFINITE_REFUSALS: readonly number[] = [400, 401, 403, 404, 405, 422];

/**
 * The answer to the one request that changes the platform, classified once for every provider.
 * - accepted: any 2xx, whatever the body (a missing id is looked up, never a failure).
 * - refused: a definite no; nothing was changed.
 * - busy (409) / throttled (429): not acted on; wait, then send again (1–60 s apart).
 * - unknown: a 3xx of any kind (never followed), a 5xx, any other status, a reset, a timeout.
 */
export type Answer =
  | { kind: 'accepted'; response: ApiResponse }
  | { kind: 'refused'; response: ApiResponse }
  | { kind: 'busy'; response: ApiResponse }
  | { kind: 'throttled'; response: ApiResponse }
  | { kind: 'unknown'; lost: string; response?: ApiResponse };

export function classifyAnswer(outcome: ApiResponse | TransportError, extraRefusals: readonly number[] = []): Answer {
  if (outcome instanceof TransportError) return { kind: 'unknown', lost: `no answer: ${outcome.code}` };
  const status = outcome.status;
  if (status >= 200 && status < 300) return { kind: 'accepted', response: outcome };
  if (status === 409) return { kind: 'busy', response: outcome };
  if (status === 429) return { kind: 'throttled', response: outcome };
  if (DEFINITE_REFUSALS.includes(status) || extraRefusals.includes(status)) return { kind: 'refused', response: outcome };
  return { kind: 'unknown', lost: `answered ${status}`, response: outcome };
}
