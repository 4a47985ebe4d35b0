/**
 * The request went out but no HTTP answer came back (reset, refused, timeout). For a POST this
 * means the platform may or may not have acted: callers must find out before repeating it.
 */
export class TransportError extends Error {
  constructor(
    readonly endpoint: string,
    readonly code: string,
    readonly retryable: boolean,
    /** What the user can do about it, when the failure itself tells (e.g. https to a plain-http port). */
    readonly hint?: string
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
  return new TransportError(endpoint, code, RETRYABLE_CODES.has(code), hintFor(code, message));
}

function hintFor(code: string, message: string): string | undefined {
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' || /wrong version number|packet length too long|http request/i.test(message)) {
    return 'The server did not speak TLS: api_url says https but the port serves plain http. Use the https port, or http:// for a loopback test server.';
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name in api_url could not be resolved: check it for typos.';
  if (code === 'ECONNREFUSED') return 'Nothing listens at that address and port: check the host and port in api_url.';
  if (/certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY/i.test(`${code} ${message}`)) {
    return "The server's TLS certificate was not trusted. The action does not turn certificate checks off; use the API's real address.";
  }
  return undefined;
}
