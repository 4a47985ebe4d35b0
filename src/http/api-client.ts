import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { HttpClient } from '@actions/http-client';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import type { Deadline } from '../clock.js';
import { ActionError, TimeoutError } from '../errors.js';
import type { Logger } from '../log.js';
import { askedWaitMs, backoffMs, MAX_READ_ATTEMPTS, RETRYABLE_STATUSES } from './retry-policy.js';
import { TransportError } from './transport-error.js';
import { toTransportError } from './transport-error.js';

export interface ApiCall {
  method: 'GET' | 'POST';
  /** Path below the base URL, e.g. /apps/abc/cvms */
  path: string;
  query?: Record<string, string | number | undefined | string[]>;
  /** JSON body for POST */
  body?: unknown;
  /** Extra headers for this call (e.g. Accept for a raw resource). */
  headers?: Record<string, string>;
  /** Keep the raw bytes (binary resources); `body` is then undefined. */
  raw?: boolean;
  /**
   * A 2xx body is left as text (`body` undefined, `notJson` unset) for the caller to parse with
   * parseJsonText, or to skip parsing where the text already says enough.
   */
  textOnSuccess?: boolean;
  /** A 429 goes back to the caller at once, unretried: it paces its own requests (RequestPacer). */
  throttledToCaller?: boolean;
  /** A POST body sent as these bytes with this content type instead of JSON (e.g. multipart). */
  rawBody?: { contentType: string; data: Buffer };
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: unknown;
  text: string;
  /** The bytes as received, when the call asked for `raw`. */
  bytes?: Buffer;
  headers: IncomingHttpHeaders;
  /** "GET /apps/abc/cvms", for messages */
  endpoint: string;
  /** A 2xx whose body was not JSON (kept so callers decide; a POST's 2xx is "accepted" regardless). */
  notJson?: boolean;
}

export interface ApiClientOptions {
  baseUrl: string;
  /** Header name → value sent with every request; never logged. */
  authHeaders: Record<string, string>;
  userAgent: string;
  deadline: Deadline;
  log: Logger;
  requestTimeoutMs?: number;
  /** Refuse bodies larger than this (default 16 MiB): a hostile or broken server cannot exhaust memory. */
  maxBodyBytes?: number;
  /** Platform name for messages ("Phala Cloud"). */
  platform?: string;
}

const MAX_REDIRECTS = 3;
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** A body larger than the cap: never buffered whole, never retried. */
export class BodyTooLargeError extends ActionError {
  constructor(endpoint: string, limit: number, platform: string) {
    super(
      `Response from ${platform} too large`,
      `${endpoint} sent a body larger than ${Math.round(limit / 1024 / 1024)} MiB; the action stopped reading it. A proxy or a broken server may be answering; check api_url.`
    );
  }
}

/**
 * The one way the action talks HTTP to a platform. Reads retry on throttling and gateway faults
 * within the run's deadline; `send` makes exactly one attempt and never follows a redirect, so
 * the caller decides what an unclear answer means. Redirects of reads are followed only within
 * the API's own origin: the credential never leaves it. Every request is aborted, its socket
 * closed, when its own timeout or the run's deadline passes, and bodies are capped.
 */
export class ApiClient {
  /** Behind a proxy only: @actions/http-client's proxy-aware (tunnel) agents. */
  private proxied?: Promise<HttpClient>;
  private readonly agents = new Map<string, http.Agent>();
  private readonly base: URL;
  private readonly requestTimeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly platform: string;
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: ApiClientOptions) {
    this.base = new URL(options.baseUrl);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    this.platform = options.platform ?? 'the platform';
  }

  dispose(): void {
    for (const controller of this.inFlight) controller.abort();
    for (const agent of this.agents.values()) agent.destroy();
    void this.proxied?.then((client) => client.dispose());
  }

  /**
   * A keep-alive agent per protocol; behind a proxy (HTTPS_PROXY and NO_PROXY, as on self-hosted
   * runners) the one @actions/http-client gives. That module and the HTTP stack it imports are
   * loaded only then: every other run would pay for them in start-up time before its first request.
   */
  private async agentFor(url: URL): Promise<http.Agent> {
    if (getProxyUrl(url)?.hostname) {
      this.proxied ??= import('@actions/http-client').then(
        ({ HttpClient }) => new HttpClient(this.options.userAgent, [], { allowRedirects: false, allowRetries: false, keepAlive: true })
      );
      return (await this.proxied).getAgent(url.href);
    }
    let agent = this.agents.get(url.protocol);
    if (!agent) {
      agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
      this.agents.set(url.protocol, agent);
    }
    return agent;
  }

  /** GET with retries on 429/502/503/504 and lost connections, honouring Retry-After. */
  async read(call: ApiCall): Promise<ApiResponse> {
    const { deadline, log } = this.options;
    for (let attempt = 0; ; attempt++) {
      let waitMs: number;
      let reason: string;
      try {
        const response = await this.exchange(call, true);
        if (!RETRYABLE_STATUSES.has(response.status) || attempt + 1 >= MAX_READ_ATTEMPTS) return response;
        if (response.status === 429 && call.throttledToCaller) return response;
        const asked = askedWaitMs(response.status, response.headers, deadline.clock.now());
        waitMs = clampRetry(asked ?? backoffMs(attempt, deadline.clock), asked !== undefined);
        reason = `answered ${response.status}`;
        if (waitMs >= deadline.remainingMs()) return response;
      } catch (error) {
        if (!(error instanceof TransportError) || !error.retryable || attempt + 1 >= MAX_READ_ATTEMPTS) throw error;
        waitMs = backoffMs(attempt, deadline.clock);
        reason = `got no answer (${error.code})`;
        if (waitMs >= deadline.remainingMs()) throw error;
      }
      log.info(`${call.method} ${call.path} ${reason}; retrying in ${(waitMs / 1000).toFixed(1)}s (attempt ${attempt + 2} of ${MAX_READ_ATTEMPTS}).`);
      await deadline.sleep(waitMs);
    }
  }

  /**
   * Exactly one request, no redirect followed. Throws TransportError when no complete answer
   * came back, which for a POST means the platform may or may not have acted.
   */
  async send(call: ApiCall): Promise<ApiResponse> {
    return this.exchange(call, false);
  }

  private async exchange(call: ApiCall, followRedirects: boolean): Promise<ApiResponse> {
    let url = this.urlFor(call);
    for (let hop = 0; ; hop++) {
      const response = await this.once(call, url);
      const location = response.headers.location;
      if (!followRedirects || response.status < 300 || response.status >= 400 || !location || hop >= MAX_REDIRECTS) return response;
      const next = new URL(location, url);
      if (next.origin !== this.base.origin) {
        throw new ActionError(
          'Redirect to another origin refused',
          `${response.endpoint} answered ${response.status} with a redirect to ${next.origin}. The action does not send its credentials to another origin. Set api_url to the API's real address (it is ${this.base.origin} now).`
        );
      }
      url = next;
    }
  }

  private urlFor(call: ApiCall): URL {
    const url = new URL(this.base.href.replace(/\/+$/, '') + call.path);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item);
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async once(call: ApiCall, url: URL): Promise<ApiResponse> {
    const { deadline, log, authHeaders } = this.options;
    const endpoint = `${call.method} ${url.pathname}`;
    const remaining = deadline.remainingMs();
    if (remaining <= 0) throw new TimeoutError(`The timeout ran out before ${endpoint} could be sent.`);
    const data = call.method !== 'POST' ? undefined : call.rawBody ? call.rawBody.data : Buffer.from(JSON.stringify(call.body ?? null), 'utf8');
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
      ...call.headers,
      ...authHeaders
    };
    if (data) {
      headers['Content-Type'] = call.rawBody ? call.rawBody.contentType : 'application/json';
      headers['Content-Length'] = String(data.length);
    }
    const started = deadline.clock.now();
    const controller = new AbortController();
    this.inFlight.add(controller);
    // One cap for the whole exchange, headers and body: a trickling server cannot hold the run.
    const limitMs = Math.min(this.requestTimeoutMs, remaining);
    const timer = setTimeout(() => controller.abort(), limitMs);
    try {
      const agent = await this.agentFor(url);
      const { status, responseHeaders, bytes } = await this.transfer(url, call.method, headers, data, controller.signal, endpoint, agent);
      log.debug(`${endpoint} → ${status} (${deadline.clock.now() - started} ms)`);
      const text = call.raw ? '' : bytes.toString('utf8');
      const deferred = call.raw === true || (call.textOnSuccess === true && status >= 200 && status < 300);
      const parsed = deferred ? { body: undefined, notJson: false } : parseJsonText(text);
      return { status, headers: responseHeaders, text, bytes: call.raw ? bytes : undefined, endpoint, body: parsed.body, notJson: parsed.notJson && status >= 200 && status < 300 };
    } catch (error) {
      if (error instanceof ActionError) throw error;
      const lost = controller.signal.aborted ? new TransportError(endpoint, 'TIMEOUT', true) : toTransportError(endpoint, error);
      log.debug(`${endpoint} → no answer: ${lost.code} (${deadline.clock.now() - started} ms)`);
      throw lost;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  /** Sends one request and reads the answer into memory, at most `maxBodyBytes`, in linear time. */
  private transfer(
    url: URL,
    method: string,
    headers: Record<string, string>,
    data: Buffer | undefined,
    signal: AbortSignal,
    endpoint: string,
    agent: http.Agent
  ): Promise<{ status: number; responseHeaders: IncomingHttpHeaders; bytes: Buffer }> {
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, { method, headers, agent, signal }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxBodyBytes) {
            // Settle first: destroying emits 'aborted'/'error' synchronously, which would turn
            // the refusal into a retryable ECONNRESET (and a re-download of the same body).
            reject(new BodyTooLargeError(endpoint, this.maxBodyBytes, this.platform));
            response.destroy();
            request.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, responseHeaders: response.headers, bytes: Buffer.concat(chunks, size) }));
        response.on('error', reject);
        response.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
      });
      request.on('error', reject);
      request.end(data);
    });
  }
}

/** Retry-After from a server is honoured but bounded: 0 or a past date never means "hammer", a huge value never means "wait an hour". */
export function clampRetry(ms: number, fromServer: boolean): number {
  return fromServer ? Math.min(60_000, Math.max(1000, ms)) : ms;
}

/** A body as the client parses it: undefined when empty; notJson when it is text but not JSON. */
export function parseJsonText(text: string): { body: unknown; notJson: boolean } {
  if (text.trim() === '') return { body: undefined, notJson: false };
  try {
    return { body: JSON.parse(text) as unknown, notJson: false };
  } catch {
    return { body: undefined, notJson: true };
  }
}

/** A short, single-line excerpt of a body for messages. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Thrown by the platform layers for a 2xx whose body is not JSON, where JSON was needed. */
export function notJsonError(response: ApiResponse, platform: string): ActionError {
  const type = response.headers['content-type'] ?? 'no content type';
  return new ActionError(
    `Unexpected response from ${platform}`,
    `${response.endpoint} answered ${response.status} with a body that is not JSON (${type}): "${excerpt(response.text, 120)}". A proxy or gateway may be in the way; check api_url.`
  );
}
