/**
 * The request went out but no HTTP answer came back (reset, refused, timeout). For a POST this
 * means the platform may or may not have acted: callers must find out before repeating it.
 */
export class TransportError extends Error {
  constructor(
    readonly endpoint: string,
    readonly code: string,
    readonly retryable: boolean
  ) {
    super(`${endpoint}: no answer (${code})`);
    this.name = 'TransportError';
  }
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'TIMEOUT', 'SOCKET_HANG_UP']);

export function toTransportError(endpoint: string, error: unknown): TransportError {
  const err = error as { code?: unknown; message?: unknown };
  const message = typeof err?.message === 'string' ? err.message : String(error);
  let code = typeof err?.code === 'string' ? err.code : '';
  if (!code && /timeout/i.test(message)) code = 'TIMEOUT';
  if (!code && /socket hang up/i.test(message)) code = 'SOCKET_HANG_UP';
  if (!code) code = 'UNKNOWN';
  return new TransportError(endpoint, code, RETRYABLE_CODES.has(code));
}
