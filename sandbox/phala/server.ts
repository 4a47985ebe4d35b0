/**
 * startSandbox: wires state, routes and faults to a node:http server on 127.0.0.1. Owns the
 * request journal and the per-request sequence (record → route → fault → handle → answer).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultBook, appliesAfterProcessing, drop, faultReply, type HostileAnswer } from './faults.js';
import { hostileStatus, trickle, writeHugeBody, writeRaw } from './hostile.js';
import { headerValue, parseRecordedBody, readBody, send } from './http.js';
import { servedId } from './present.js';
import { API_PREFIX, handle, isReply, isStream, matchRoute, type Answer, type RouteContext } from './routes.js';
import { resolveScenario } from './scenario.js';
import { AppState } from './state.js';
import { streamCvmState } from './state-stream.js';
import type { Reply } from './errors.js';
import type { AcceptedRedeploy, FaultSpec, RecordedRequest, Sandbox, ScenarioOverrides } from './types.js';

export async function startSandbox(overrides?: ScenarioOverrides, port = 0): Promise<Sandbox> {
  const scenario = resolveScenario(overrides);
  const state = new AppState(scenario);
  const faults = new FaultBook(scenario.faults);
  const requests: RecordedRequest[] = [];
  const redeploys: AcceptedRedeploy[] = [];
  const ctx: RouteContext = { state, onAccepted: (r) => redeploys.push(r) };

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => state.after(ms, resolve));

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = state.requestId();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const query: Record<string, string> = {};
    const queryAll: Record<string, string[]> = {};
    url.searchParams.forEach((v, k) => {
      (queryAll[k] ??= []).push(v);
      // The journal shows a repeated parameter's values joined by commas.
      query[k] = queryAll[k].join(',');
    });
    const apiKey = headerValue(req, 'x-api-key');
    // The key itself is never stored: journals end up in test output and CI logs.
    const record: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query, status: 0, hadApiKey: apiKey !== undefined, at: Date.now() };
    const phalaVersion = headerValue(req, 'x-phala-version');
    if (phalaVersion !== undefined) record.phalaVersion = phalaVersion;
    const userAgent = headerValue(req, 'user-agent');
    if (userAgent !== undefined) record.userAgent = userAgent;
    requests.push(record);

    const bodyText = await readBody(req);
    const body = parseRecordedBody(bodyText);
    if (body !== undefined) record.body = body;

    // Scenario-wide latency (benchmarks): the request is handled, the answer waits.
    const delay = async (): Promise<void> => {
      if (scenario.latencyMs > 0) await sleep(scenario.latencyMs);
    };
    const answer = async (a: Answer): Promise<void> => {
      await delay();
      if (isStream(a)) {
        record.status = 200;
        streamCvmState(res, state, a.stream, requestId, (ms, fn) => state.after(ms, fn));
        return;
      }
      record.status = a.status;
      send(res, a, requestId);
    };
    const answerHostile = async (h: HostileAnswer, normal: () => Answer): Promise<void> => {
      await delay();
      if (h.hostile === 'huge-body') writeHugeBody(res, h.sizeBytes, requestId);
      else if (h.hostile === 'raw') writeRaw(res, h.raw);
      else {
        // A stream cannot be trickled; its first event stands in as the body.
        const n = normal();
        const reply: Reply = isStream(n) ? { status: 200, body: {} } : n;
        record.status = hostileStatus(h, reply.status);
        trickle(res, reply.status, reply.rawBody ?? JSON.stringify(reply.body ?? ''), h, requestId, (ms, fn) => state.after(ms, fn));
        return;
      }
      record.status = hostileStatus(h, 200);
    };
    const answerFault = async (f: FaultSpec, normal: () => Answer): Promise<void> => {
      const out = faultReply(f, apiKey);
      if (out === 'drop') {
        await delay();
        drop(res);
      } else if (out === 'pass') await answer(normal());
      else if ('hostile' in out) await answerHostile(out, normal);
      else await answer(out);
    };

    const route = matchRoute(record.method, url.pathname);
    if (isReply(route)) return answer(route);
    record.endpoint = route.endpoint;

    // Handlers read the last value of a parameter given twice, as FastAPI does for a scalar.
    const lastValues = Object.fromEntries(Object.entries(queryAll).map(([k, values]) => [k, values[values.length - 1]!]));
    const processRequest = (): Answer => handle(ctx, route, { query: lastValues, queryAll, apiKey, bodyText, requestId, now: Date.now() });
    const fault = faults.take(route.endpoint);
    if (!fault) return answer(processRequest());

    if (appliesAfterProcessing(fault)) {
      const reply = processRequest();
      if (fault.kind === 'latency') await sleep(fault.delayMs ?? 0);
      return answerFault(fault, () => reply);
    }
    if (fault.kind === 'latency') await sleep(fault.delayMs ?? 0);
    return answerFault(fault, processRequest);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      send(res, { status: 500, body: { detail: `sandbox error: ${err instanceof Error ? err.message : String(err)}` } }, 'req_sandbox_error');
    });
  });
  // A keep-alive client must not hold close() open.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    scenario,
    requests,
    redeploys,
    addFault: (f) => faults.add({ ...f }),
    cvms: () =>
      state.cvms.map((c) => {
        const id = servedId(scenario, c);
        const view = { vm_uuid: c.vm_uuid, name: c.name, status: c.status, in_progress: c.in_progress, compose_hash: c.compose_hash };
        return id === undefined ? view : { id, ...view };
      }),
    revisions: () =>
      state.revisions.map((r) => ({
        revision_id: r.revision_id,
        vm_uuid: r.vm_uuid,
        compose_hash: r.compose_hash,
        operation_type: r.operation_type,
        created_at: r.created_at
      })),
    updates: () => state.updates.map((u) => ({ ...u })),
    setUnhealthy: (hashes) => {
      scenario.unhealthyHashes = [...hashes];
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        state.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    }
  };
}
