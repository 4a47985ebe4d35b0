/**
 * Request handling for the Phala Cloud endpoints the rollback action uses. Handlers are
 * synchronous over already-read input; transport concerns (faults, bodies, sockets) live in
 * server.ts so these read like the API contract.
 */
import { CONSOLE_PATH, consolePage } from './console.js';
import { appHealth } from './health.js';
import { cvmDetail, cvmInfo, cvmStateView, cvmStatus } from './present.js';
import { detail, intQuery, registrationRequired, transactionVerificationFailed, validation, type Reply, type ValidationIssue } from './errors.js';
import { normaliseHash, type AppRevision } from './model.js';
import type { AppState, CvmState } from './state.js';
import type { AcceptedRedeploy, FaultEndpoint } from './types.js';

export const API_PREFIX = '/api/v1';
/** The demo app's own health check, on the sandbox origin: not part of the platform API. */
export const APP_HEALTH_PATH = '/app/health';

export interface RouteMatch {
  endpoint: FaultEndpoint;
  params: Record<string, string>;
}

export interface RouteInput {
  query: Record<string, string>;
  /** every value of a repeated query parameter (FastAPI reads `operation_types` that way) */
  queryAll?: Record<string, string[]>;
  apiKey: string | undefined;
  bodyText: string;
  requestId: string;
  now: number;
}

/** GET /cvms/{id}/state?target=…: answered by a server-sent-event stream, not a Reply. */
export interface StateStream {
  stream: { cvm: CvmState; target: string; maxMs: number };
}

export type Answer = Reply | StateStream;

export function isStream(a: Answer): a is StateStream {
  return 'stream' in a;
}

export interface RouteContext {
  state: AppState;
  onAccepted(redeploy: AcceptedRedeploy): void;
}

const ROUTES: Array<{ method: string; pattern: RegExp; endpoint: FaultEndpoint; names: string[] }> = [
  { method: 'GET', pattern: /^\/apps\/([^/]+)\/revisions$/, endpoint: 'listRevisions', names: ['appId'] },
  { method: 'POST', pattern: /^\/apps\/([^/]+)\/revisions\/([^/]+)\/redeploy$/, endpoint: 'redeploy', names: ['appId', 'revisionId'] },
  { method: 'GET', pattern: /^\/apps\/([^/]+)\/cvms$/, endpoint: 'listAppCvms', names: ['appId'] },
  { method: 'GET', pattern: /^\/cvms\/([^/]+)$/, endpoint: 'getCvm', names: ['cvmId'] },
  { method: 'GET', pattern: /^\/cvms\/([^/]+)\/operations$/, endpoint: 'listOperations', names: ['cvmId'] },
  { method: 'GET', pattern: /^\/cvms\/([^/]+)\/state$/, endpoint: 'cvmState', names: ['cvmId'] },
  { method: 'POST', pattern: /^\/status\/batch$/, endpoint: 'statusBatch', names: [] }
];

/** A route, or the 404/405 FastAPI would give for a path it does not serve. */
export function matchRoute(method: string, pathname: string): RouteMatch | Reply {
  if (pathname === APP_HEALTH_PATH) return method === 'GET' ? { endpoint: 'appHealth', params: {} } : detail(405, 'Method Not Allowed');
  const page = CONSOLE_PATH.exec(pathname);
  if (page) return method === 'GET' ? { endpoint: 'console', params: { vmUuid: decodeURIComponent(page[1]!) } } : detail(405, 'Method Not Allowed');
  if (!pathname.startsWith(`${API_PREFIX}/`)) return detail(404, 'Not Found');
  const rest = pathname.slice(API_PREFIX.length);
  let pathKnown = false;
  for (const route of ROUTES) {
    const m = route.pattern.exec(rest);
    if (!m) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { endpoint: route.endpoint, params };
  }
  return pathKnown ? detail(405, 'Method Not Allowed') : detail(404, 'Not Found');
}

export function isReply(x: RouteMatch | Reply): x is Reply {
  return 'status' in x;
}

export function handle(ctx: RouteContext, route: RouteMatch, input: RouteInput): Answer {
  const { state } = ctx;
  const s = state.scenario;
  // The app's health check is public: it must neither need nor read the platform key.
  if (route.endpoint === 'appHealth') return appHealth(state);
  // A stand-in for a browser page behind the dashboard's own login: no API key.
  if (route.endpoint === 'console') return consolePage(state, route.params.vmUuid!);
  if (input.apiKey === undefined || input.apiKey !== s.apiKey) return detail(401, 'Not authenticated');

  // FastAPI validates parameters before the handler body runs, hence before access checks.
  const issues: ValidationIssue[] = [];
  const page = route.endpoint === 'listRevisions' ? intQuery(input.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER, issues) : undefined;
  const pageSize = route.endpoint === 'listRevisions' ? intQuery(input.query, 'page_size', 50, 1, 1000, issues) : undefined;
  const limit = route.endpoint === 'listOperations' ? intQuery(input.query, 'limit', 50, 1, 500, issues) : undefined;
  const opsFilter = route.endpoint === 'listOperations' ? operationsFilter(input, issues) : undefined;
  const vmUuids = route.endpoint === 'redeploy' ? parseRedeployBody(input.bodyText, issues) : null;
  const batch = route.endpoint === 'statusBatch' ? parseBatchBody(input.bodyText, issues) : undefined;
  const target = route.endpoint === 'cvmState' ? input.query['target'] : undefined;
  const interval = route.endpoint === 'cvmState' ? intQuery(input.query, 'interval', 5, 5, 30, issues) : undefined;
  const timeout = route.endpoint === 'cvmState' ? intQuery(input.query, 'timeout', 300, 10, 600, issues) : undefined;
  if (issues.length > 0) return validation(issues);
  // The sandbox pushes each change as it happens rather than polling every `interval` seconds.
  void interval;

  if (!s.workspaceAccess) return detail(403, 'No workspace access');

  if (route.params['appId'] !== undefined && route.params['appId'] !== s.appId) return detail(404, 'App not found');
  let cvm: CvmState | undefined;
  if (route.params['cvmId'] !== undefined) {
    cvm = state.findCvm(route.params['cvmId']);
    if (!cvm) return detail(404, 'CVM not found');
  }

  switch (route.endpoint) {
    case 'listRevisions':
      return listRevisions(state, page ?? 1, pageSize ?? 50);
    case 'statusBatch':
      return statusBatch(state, batch ?? []);
    case 'cvmState':
      if (!cvm) return detail(404, 'CVM not found');
      // Without a target the document promises the current state at once, as JSON.
      if (target === undefined || target === '') return { status: 200, body: cvmStateView(s, cvm) };
      return { stream: { cvm, target, maxMs: Math.min((timeout ?? 300) * 1000, s.stateStreamMaxMs ?? Infinity) } };
    case 'listAppCvms':
      return { status: 200, body: state.cvms.map((c) => cvmInfo(s, c)) };
    case 'getCvm':
      return cvm ? { status: 200, body: cvmDetail(s, cvm) } : detail(404, 'CVM not found');
    case 'listOperations':
      return cvm ? listOperations(cvm, limit ?? 50, input.query['cursor'], opsFilter ?? {}) : detail(404, 'CVM not found');
    case 'redeploy':
      return redeploy(ctx, route.params['revisionId'] ?? '', vmUuids, input);
  }
}

// Rows never change once written, so each is serialised once: serialising 1,000 rows on every
// request would make the sandbox's own CPU, not its modelled latency, the cost of a page (and
// of concurrent reads, which a one-threaded sandbox serves one after another).
const rowJson = new WeakMap<AppRevision, string>();

function serialisedRow(row: AppRevision): string {
  let json = rowJson.get(row);
  if (json === undefined) {
    json = JSON.stringify(row);
    rowJson.set(row, json);
  }
  return json;
}

function listRevisions(state: AppState, page: number, pageSize: number): Reply {
  const s = state.scenario;
  const total = state.revisions.length;
  // A server that ignores `page` serves the first rows again while echoing the page asked for.
  const start = s.ignorePage === true ? 0 : (page - 1) * pageSize;
  // Precomputed newest-first array: a page is a slice, so 2500+ rows stay cheap.
  const revisions = start >= total ? [] : state.revisions.slice(start, start + pageSize);
  const totalPages = s.totalPagesOverride ?? Math.ceil(total / pageSize);
  // The members in the order of AppRevisionsResponse's properties in the OpenAPI document.
  const counts = JSON.stringify({ total, page, page_size: pageSize, total_pages: totalPages }).slice(1);
  return { status: 200, rawBody: `{"revisions":[${revisions.map(serialisedRow).join(',')}],${counts}` };
}

/**
 * Map of vm_uuid to CvmStatus. The sandbox matches the uuids with or without dashes, in any
 * case, and leaves out any it does not know (the document says nothing about either).
 */
function statusBatch(state: AppState, vmUuids: string[]): Reply {
  const body: Record<string, unknown> = {};
  for (const asked of vmUuids) {
    const wanted = asked.replace(/-/g, '').toLowerCase();
    const cvm = state.cvms.find((c) => c.vm_uuid.replace(/-/g, '').toLowerCase() === wanted);
    if (cvm) body[cvm.vm_uuid] = cvmStatus(cvm);
  }
  return { status: 200, body };
}

/** BatchStatusRequest: `{"vm_uuids": [string]}`, required. */
function parseBatchBody(text: string, issues: ValidationIssue[]): string[] | undefined {
  if (text.trim() === '') {
    issues.push({ loc: ['body'], msg: 'Field required', type: 'missing', input: null });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    issues.push({ loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid', input: {}, ctx: { error: err instanceof Error ? err.message : String(err) } });
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    issues.push({ loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type', input: json });
    return undefined;
  }
  const vmUuids = (json as Record<string, unknown>)['vm_uuids'];
  if (vmUuids === undefined) {
    issues.push({ loc: ['body', 'vm_uuids'], msg: 'Field required', type: 'missing', input: json });
    return undefined;
  }
  if (!Array.isArray(vmUuids)) {
    issues.push({ loc: ['body', 'vm_uuids'], msg: 'Input should be a valid list', type: 'list_type', input: vmUuids });
    return undefined;
  }
  const out: string[] = [];
  vmUuids.forEach((v, i) => {
    if (typeof v === 'string') out.push(v);
    else issues.push({ loc: ['body', 'vm_uuids', i], msg: 'Input should be a valid string', type: 'string_type', input: v });
  });
  return out;
}

/** Cursors are opaque to clients; here they encode the offset of the next item. */
function encodeCursor(offset: number): string {
  return Buffer.from(`ops:${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  const m = /^ops:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

/**
 * The documented filters of GET /cvms/{cvm_id}/operations (Phala Cloud's OpenAPI document,
 * sandbox/phala/openapi/phala-cloud-openapi.json, operation get_cvm_operations_api_v1_cvms__cvm_id__operations_get):
 * `start_time` / `end_time` ("operations started after / before this UTC time", date-time) and
 * `operation_types` (a list, repeated in the query as FastAPI reads lists). Pagination applies
 * to the filtered records, and `total` counts them.
 */
interface OperationsFilter {
  startAfter?: number;
  startBefore?: number;
  types?: Set<string>;
}

function operationsFilter(input: RouteInput, issues: ValidationIssue[]): OperationsFilter {
  const filter: OperationsFilter = {};
  const time = (name: string): number | undefined => {
    const raw = input.query[name];
    if (raw === undefined || raw === '') return undefined;
    // pydantic's datetime parsing: ISO 8601 (a bare date or a time zone is optional; UTC assumed).
    const at = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)
      ? Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(raw) || raw.length === 10 ? raw : `${raw}Z`)
      : NaN;
    if (Number.isNaN(at)) {
      issues.push({ loc: ['query', name], msg: 'Input should be a valid datetime', type: 'datetime_from_date_parsing', input: raw });
      return undefined;
    }
    return at;
  };
  const after = time('start_time');
  const before = time('end_time');
  if (after !== undefined) filter.startAfter = after;
  if (before !== undefined) filter.startBefore = before;
  const types = input.queryAll?.['operation_types'] ?? (input.query['operation_types'] !== undefined ? [input.query['operation_types']] : []);
  if (types.length > 0) filter.types = new Set(types);
  return filter;
}

function listOperations(cvm: CvmState, limit: number, cursor: string | undefined, filter: OperationsFilter): Reply {
  let offset = 0;
  if (cursor !== undefined && cursor !== '') {
    const decoded = decodeCursor(cursor);
    if (decoded === undefined) return validation([{ loc: ['query', 'cursor'], msg: 'Invalid cursor', type: 'value_error', input: cursor }]);
    offset = decoded;
  }
  const matching = cvm.operations.filter((op) => {
    const started = Date.parse(op.started_at);
    if (filter.startAfter !== undefined && !(started > filter.startAfter)) return false;
    if (filter.startBefore !== undefined && !(started < filter.startBefore)) return false;
    return filter.types === undefined || filter.types.has(op.operation_type);
  });
  const total = matching.length;
  const items = matching.slice(offset, offset + limit);
  const next = offset + limit < total ? encodeCursor(offset + limit) : null;
  return { status: 200, body: { items, next_cursor: next, total } };
}

/**
 * Body is `{"vm_uuids": [...]}`, `null` or empty. Returns the uuids, or null when absent;
 * pushes pydantic-style issues for anything else.
 */
function parseRedeployBody(text: string, issues: ValidationIssue[]): string[] | null {
  if (text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    issues.push({ loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid', input: {}, ctx: { error: err instanceof Error ? err.message : String(err) } });
    return null;
  }
  if (json === null) return null;
  if (typeof json !== 'object' || Array.isArray(json)) {
    issues.push({ loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type', input: json });
    return null;
  }
  const vmUuids = (json as Record<string, unknown>)['vm_uuids'];
  if (vmUuids === undefined || vmUuids === null) return null;
  if (!Array.isArray(vmUuids)) {
    issues.push({ loc: ['body', 'vm_uuids'], msg: 'Input should be a valid list', type: 'list_type', input: vmUuids });
    return null;
  }
  const out: string[] = [];
  vmUuids.forEach((v, i) => {
    if (typeof v === 'string') out.push(v);
    else issues.push({ loc: ['body', 'vm_uuids', i], msg: 'Input should be a valid string', type: 'string_type', input: v });
  });
  return out;
}

function redeploy(ctx: RouteContext, revisionId: string, vmUuids: string[] | null, input: RouteInput): Reply {
  const { state } = ctx;
  const s = state.scenario;
  const revision = state.findRevision(revisionId);
  if (!revision) return detail(404, 'Revision not found');

  let targets: CvmState[];
  if (vmUuids === null) {
    const only = state.cvms.length === 1 ? state.cvms[0] : undefined;
    if (!only) {
      const msg = state.cvms.length === 0 ? 'App has no CVMs to redeploy' : 'vm_uuids is required for apps with multiple CVMs';
      return validation([{ loc: ['body', 'vm_uuids'], msg, type: 'value_error' }]);
    }
    targets = [only];
  } else {
    if (vmUuids.length === 0) return validation([{ loc: ['body', 'vm_uuids'], msg: 'vm_uuids must not be empty', type: 'value_error', input: [] }]);
    targets = [];
    for (const uuid of vmUuids) {
      const cvm = state.cvms.find((c) => c.vm_uuid === uuid);
      if (!cvm) return validation([{ loc: ['body', 'vm_uuids'], msg: `CVM ${uuid} does not belong to app ${s.appId}`, type: 'value_error', input: uuid }]);
      if (!targets.includes(cvm)) targets.push(cvm);
    }
  }

  if (targets.some((c) => c.in_progress)) return detail(409, 'Another operation is in progress');

  const hash = normaliseHash(revision.compose_hash);
  const tx = input.query['transaction_hash'];
  const txHash = tx === undefined || tx === '' ? undefined : tx;
  if (s.onchainKms) {
    if (txHash === undefined) return registrationRequired(s, hash, input.requestId);
    const registered = s.registeredTxHashes;
    if (registered && !registered.some((r) => r.toLowerCase() === txHash.toLowerCase())) {
      return transactionVerificationFailed(s, hash, txHash, input.requestId);
    }
  }

  const { accepted, correlationId } = state.acceptRedeploy(revisionId, hash, targets, txHash, input.now);
  ctx.onAccepted(accepted);
  return { status: 202, body: { status: 'accepted', correlation_id: correlationId, vm_uuids: accepted.vmUuids } };
}
