import type { IncomingHttpHeaders } from 'node:http';
import { HttpClient } from '@actions/http-client';
import type { Deadline } from '../clock.js';
import { ActionError, TimeoutError } from '../errors.js';
import type { Logger } from '../log.js';
import { backoffMs, MAX_READ_ATTEMPTS, parseRetryAfter, RETRYABLE_STATUSES } from './retry-policy.js';
import { toTransportError, TransportError } from './transport-error.js';

export interface ApiCall {
  method: 'GET' | 'POST';
  /** Path below the base URL, e.g. /apps/abc/cvms */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** JSON body for POST */
  body?: unknown;
  /** Read a 2xx body as bytes (`ApiResponse.bytes`) instead of JSON, e.g. a file's content. */
  raw?: boolean;
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or undefined when the body is empty or not JSON (only possible for non-2xx). */
  body: unknown;
  text: string;
  /** The body's bytes, for a `raw` call. */
  bytes?: Buffer;
  headers: IncomingHttpHeaders;
  /** "GET /apps/abc/cvms", for messages */
  endpoint: string;
}

export interface ApiClientOptions {
  baseUrl: string;
  /** Header name → value sent with every request; never logged. */
  authHeaders: Record<string, string>;
  userAgent: string;
  deadline: Deadline;
  log: Logger;
  requestTimeoutMs?: number;
}

const MAX_REDIRECTS = 3;

/**
 * The one way the action talks HTTP. Reads retry on throttling and gateway faults within the
 * run's deadline; `send` makes exactly one attempt so the caller decides what a lost answer
 * means. Redirects are followed only within the API's own origin: the key never leaves it.
 */
export class ApiClient {
  private readonly http: HttpClient;
  private readonly base: URL;
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: ApiClientOptions) {
    this.base = new URL(options.baseUrl);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.http = new HttpClient(options.userAgent, [], {
      allowRedirects: false,
      allowRetries: false,
      socketTimeout: this.requestTimeoutMs
    });
  }

  dispose(): void {
    this.http.dispose();
  }

  /** GET with retries on 429/502/503/504 and lost connections, honouring Retry-After. */
  async read(call: ApiCall): Promise<ApiResponse> {
    const { deadline, log } = this.options;
    for (let attempt = 0; ; attempt++) {
      let waitMs: number;
      let reason: string;
      try {
        const response = await this.send(call);
        if (!RETRYABLE_STATUSES.has(response.status) || attempt + 1 >= MAX_READ_ATTEMPTS) return response;
        const retryAfter = parseRetryAfter(response.headers['retry-after'], deadline.clock.now());
        waitMs = retryAfter ?? backoffMs(attempt, deadline.clock);
        reason = `answered ${response.status}`;
        if (waitMs >= deadline.remainingMs()) return response;
      } catch (error) {
        if (!(error instanceof TransportError) || !error.retryable || attempt + 1 >= MAX_READ_ATTEMPTS) throw error;
        waitMs = backoffMs(attempt, deadline.clock);
        reason = `got no answer (${error.code})`;
        if (waitMs >= deadline.remainingMs()) throw error;
      }
      log.info(`${describe(call)} ${reason}; retrying in ${(waitMs / 1000).toFixed(1)}s (attempt ${attempt + 2} of ${MAX_READ_ATTEMPTS}).`);
      await deadline.sleep(waitMs);
    }
  }

  /** Exactly one request (plus same-origin redirects). Throws TransportError when no answer came back. */
  async send(call: ApiCall): Promise<ApiResponse> {
    let url = this.urlFor(call);
    for (let hop = 0; ; hop++) {
      const response = await this.once(call, url);
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || !location || hop >= MAX_REDIRECTS) return response;
      const next = new URL(location, url);
      if (next.origin !== this.base.origin) {
        throw new ActionError(
          'Redirect to another origin refused',
          `${response.endpoint} answered ${response.status} with a redirect to ${next.origin}. The action does not send the API key to another origin. Set api_url to the API's real address (it is ${this.base.origin} now).`
        );
      }
      url = next;
    }
  }

  private urlFor(call: ApiCall): URL {
    const url = new URL(this.base.href.replace(/\/+$/, '') + call.path);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async once(call: ApiCall, url: URL): Promise<ApiResponse> {
    const { deadline, log, authHeaders } = this.options;
    const endpoint = `${call.method} ${url.pathname}`;
    const remaining = deadline.remainingMs();
    if (remaining <= 0) throw new TimeoutError(`The timeout ran out before ${endpoint} could be sent.`);
    const headers: Record<string, string> = { ...authHeaders, Accept: call.raw ? '*/*' : 'application/json' };
    const data = call.method === 'POST' ? JSON.stringify(call.body ?? null) : null;
    if (data !== null) headers['Content-Type'] = 'application/json';

    const started = deadline.clock.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      // The socket timeout catches a silent peer; this cap keeps a slow body within the run's budget.
      const limitMs = Math.min(this.requestTimeoutMs, remaining);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('request timeout'), { code: 'TIMEOUT' })), limitMs);
      });
      const exchange = (async () => {
        const res = await this.http.request(call.method, url.href, data as string, headers);
        const bytes = await res.readBodyBuffer!();
        return { status: res.message.statusCode ?? 0, headers: res.message.headers, text: bytes.toString('utf8'), bytes };
      })();
      exchange.catch(() => undefined); // a late failure after the cap must not surface as unhandled
      const { status, headers: responseHeaders, text, bytes } = await Promise.race([exchange, timeout]);
      log.debug(`${endpoint} → ${status} (${deadline.clock.now() - started} ms)`);
      if (call.raw && status >= 200 && status < 300) return { status, headers: responseHeaders, text: '', bytes, endpoint, body: undefined };
      return { status, headers: responseHeaders, text, endpoint, body: parseBody(endpoint, status, responseHeaders, text) };
    } catch (error) {
      if (error instanceof ActionError) throw error;
      const lost = toTransportError(endpoint, error);
      log.debug(`${endpoint} → no answer: ${lost.code} (${deadline.clock.now() - started} ms)`);
      throw lost;
    } finally {
      clearTimeout(timer);
    }
  }
}

function describe(call: ApiCall): string {
  return `${call.method} ${call.path}`;
}

function parseBody(endpoint: string, status: number, headers: IncomingHttpHeaders, text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (status >= 200 && status < 300) {
      const type = headers['content-type'] ?? 'no content type';
      throw new ActionError(
        'Unexpected response from the platform',
        `${endpoint} answered ${status} with a body that is not JSON (${type}): "${excerpt(text)}". A proxy or gateway may be in the way; check api_url.`
      );
    }
    return undefined;
  }
}

export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
