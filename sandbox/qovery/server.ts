/**
 * startQoverySandbox: wires state, routes, auth, rate limit and faults to a node:http server on
 * 127.0.0.1. Owns the request journal and the per-request sequence
 * (record → rate limit → auth → route → fault → handle → answer).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appliesAfterProcessing, drop, FaultBook, faultReply } from './faults.js';
import { errorReply, headerValue, parseJson, readBody, send, type Reply } from './http.js';
import { RateLimiter } from './rate-limit.js';
import { authorize, handle, isReply, matchRoute, type RouteContext } from './routes.js';
import { resolveScenario } from './scenario.js';
import { EnvironmentState } from './state.js';
import type { AcceptedDeploy, FaultSpec, QoverySandbox, RecordedRequest, ScenarioOverrides } from './types.js';

export async function startQoverySandbox(overrides?: ScenarioOverrides, port = 0): Promise<QoverySandbox> {
  const scenario = resolveScenario(overrides);
  const state = new EnvironmentState(scenario);
  const faults = new FaultBook(scenario.faults);
  const limiter = new RateLimiter(scenario.rateLimit.limit, scenario.rateLimit.windowMs, Date.now());
  const requests: RecordedRequest[] = [];
  const deploys: AcceptedDeploy[] = [];
  const ctx: RouteContext = { scenario, state, onAccepted: (d) => deploys.push(d) };
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const auth = headerValue(req, 'authorization');
    // The credential itself is never stored: journals end up in test output and CI logs.
    const record: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query, status: 0, at: Date.now() };
    if (auth) record.authScheme = auth.split(' ')[0];
    const userAgent = headerValue(req, 'user-agent');
    if (userAgent) record.userAgent = userAgent;
    requests.push(record);
    const body = parseJson(await readBody(req));
    if (body !== undefined) record.body = body;

    const rate = limiter.take(Date.now());
    const answer = (reply: Reply) => {
      record.status = reply.status;
      if (reply.body !== undefined) record.response = reply.body;
      else if (reply.rawBody !== undefined && reply.contentType === undefined) record.response = parseJson(reply.rawBody);
      send(res, reply, rate.headers);
    };
    // No Retry-After: the documentation names only the X-RateLimit-* headers (see rate-limit.ts).
    if (rate.over) return answer(errorReply(429, 'Too many requests: the limit per token is reached'));
    const denied = authorize(scenario, auth);
    if (denied) return answer(denied);
    const route = matchRoute(record.method, url.pathname);
    if (isReply(route)) return answer(route);

    const processRequest = (): Reply => handle(ctx, route, { query, body, now: Date.now() });
    const fault = faults.take(route.endpoint);
    if (!fault) return answer(processRequest());
    const answerFault = (normal: () => Reply) => {
      const out = faultReply(fault);
      if (out === 'drop') {
        record.status = -1;
        drop(res);
      } else answer(out === 'pass' ? normal() : out);
    };
    if (appliesAfterProcessing(fault)) {
      const reply = processRequest();
      if (fault.kind === 'latency') await sleep(fault.delayMs ?? 0);
      return answerFault(() => reply);
    }
    if (fault.kind === 'latency') await sleep(fault.delayMs ?? 0);
    answerFault(processRequest);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      send(res, { status: 500, body: { status: 500, error: 'Internal Server Error', message: `sandbox error: ${err instanceof Error ? err.message : String(err)}` } }, {});
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    scenario,
    requests,
    deploys,
    addFault: (f: FaultSpec) => faults.add({ ...f }),
    services: () => {
      state.advance(Date.now());
      return state.services.map((s) => ({ id: s.id, name: s.name, type: s.type, version: s.version, state: s.state, exists: s.exists }));
    },
    executions: () => {
      state.advance(Date.now());
      return state.executions.map((e) => {
        const versions: Record<string, string> = {};
        for (const entry of e.entries) if (entry.version !== undefined) versions[state.services.find((s) => s.id === entry.serviceId)!.name] = entry.version;
        return { executionId: e.executionId, triggerAction: e.action, actionStatus: e.actionStatus, status: e.status, versions };
      });
    },
    state: () => {
      state.advance(Date.now());
      const shown = state.shown;
      return { state: state.environmentState(), lastDeploymentState: shown.lastDeploymentState, lastDeploymentId: shown.lastDeploymentId, requestId: shown.requestId };
    },
    queue: () => {
      state.advance(Date.now());
      return state.queue.map((q) => ({
        requestId: q.requestId,
        triggeredBy: q.triggeredBy,
        action: q.action,
        services: q.entries.map((e) => state.services.find((s) => s.id === e.serviceId)!.name)
      }));
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    }
  };
}
