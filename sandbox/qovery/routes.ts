/** The endpoints the rollback uses, with the status codes the OpenAPI document lists for them. */
import { errorReply, type Reply } from './http.js';
import { environment, environmentStatus, environmentStatuses, execution, queuedRequest } from './present.js';
import type { EnvironmentState, RequestEntry } from './state.js';
import type { AcceptedDeploy, FaultEndpoint, QoveryScenario } from './types.js';

export interface Route {
  endpoint: FaultEndpoint;
  environmentId: string;
}

const ROUTES: Array<{ method: string; pattern: RegExp; endpoint: FaultEndpoint }> = [
  // Before `/environment/{id}`, which its path would otherwise match.
  { method: 'GET', pattern: /^\/environment\/(deploymentStatus)$/, endpoint: 'requestStatus' },
  { method: 'GET', pattern: /^\/environment\/([^/]+)$/, endpoint: 'environment' },
  { method: 'GET', pattern: /^\/environment\/([^/]+)\/deploymentQueue$/, endpoint: 'queue' },
  { method: 'GET', pattern: /^\/environment\/([^/]+)\/status$/, endpoint: 'status' },
  { method: 'GET', pattern: /^\/environment\/([^/]+)\/statuses$/, endpoint: 'statuses' },
  { method: 'GET', pattern: /^\/environment\/([^/]+)\/deploymentHistoryV2$/, endpoint: 'history' },
  { method: 'POST', pattern: /^\/environment\/([^/]+)\/redeploy$/, endpoint: 'redeploy' },
  { method: 'POST', pattern: /^\/environment\/([^/]+)\/service\/deploy$/, endpoint: 'deploy' }
];

export function matchRoute(method: string, path: string): Route | Reply {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match && route.method === method) return { endpoint: route.endpoint, environmentId: decodeURIComponent(match[1]!) };
    if (match) return { status: 405, body: { status: 405, error: 'Method Not Allowed', message: `${method} is not allowed here` } };
  }
  return errorReply(404, `No route for ${method} ${path}`);
}

export const isReply = (value: Route | Reply): value is Reply => 'status' in value;

export interface RouteContext {
  scenario: QoveryScenario;
  state: EnvironmentState;
  onAccepted(deploy: AcceptedDeploy): void;
}

export interface RequestInfo {
  query: Record<string, string>;
  body: unknown;
  now: number;
}

/** Auth: `Token <api token>` or `Bearer <jwt>`; anything else is 401. */
export function authorize(scenario: QoveryScenario, header: string | undefined): Reply | undefined {
  if (header === `Token ${scenario.token}` || header === `Bearer ${scenario.jwt}`) return undefined;
  return errorReply(401, header ? 'Invalid token' : 'Access token is missing');
}

export function handle(ctx: RouteContext, route: Route, req: RequestInfo): Reply {
  const { scenario, state } = ctx;
  if (route.endpoint === 'requestStatus') return requestStatus(ctx, req);
  if (route.environmentId.toLowerCase() !== scenario.environmentId) return errorReply(404, `Environment ${route.environmentId} not found`, 'detail');
  if (!scenario.access) return errorReply(403, 'You do not have the permission to access this environment', 'detail');
  state.advance(req.now);
  switch (route.endpoint) {
    case 'environment':
      return { status: 200, body: environment(scenario) };
    case 'status':
      return { status: 200, body: environmentStatus(scenario, state) };
    case 'statuses':
      return { status: 200, body: environmentStatuses(scenario, state) };
    case 'history':
      return history(ctx, req);
    case 'queue':
      return { status: 200, body: { results: state.queue.map((request) => queuedRequest(scenario, state, request)) } };
    case 'redeploy':
    case 'deploy':
      return deploy(ctx, route, req);
  }
}

/**
 * Pages of `pageSize` (default 20), the next one from `startId` on: the operation's description
 * ("The response is paginated. In order to request the next page, you can use the startId query
 * parameter"). The hostile modes ignore one or the other.
 */
function history(ctx: RouteContext, req: RequestInfo): Reply {
  const { scenario, state } = ctx;
  const size = req.query.pageSize === undefined ? 20 : Number(req.query.pageSize);
  if (!Number.isInteger(size) || size < 1) return errorReply(400, 'pageSize must be a positive integer');
  let from = 0;
  const startId = req.query.startId;
  if (startId !== undefined && !scenario.historyIgnoresStartId) {
    const index = state.executions.findIndex((record) => record.executionId === startId.toLowerCase());
    from = index < 0 ? state.executions.length : index + 1;
  }
  const rows = scenario.historyIgnoresPageSize ? state.executions.slice(from) : state.executions.slice(from, from + size);
  return { status: 200, body: { page: 1, page_size: size, results: rows.map((record) => execution(scenario, state, record)) } };
}

/** EnvDeploymentStatus of one request: queued while in the queue, then its execution's state; 404 for an unknown id. */
function requestStatus(ctx: RouteContext, req: RequestInfo): Reply {
  const { scenario, state } = ctx;
  if (!scenario.access) return errorReply(403, 'You do not have the permission to access this environment', 'detail');
  const id = (req.query.deploymentRequestId ?? '').toLowerCase();
  if (!/^[0-9a-f-]{36}$/.test(id)) return errorReply(400, 'deploymentRequestId must be a UUID');
  state.advance(req.now);
  const status = state.requestState(id);
  if (!status) return errorReply(404, `Deployment request ${id} not found`, 'detail');
  return { status: 200, body: { deployment_request_id: id, environment_id: scenario.environmentId, status } };
}

/**
 * A deploy request while another deployment runs is queued, not refused (actions.mdx, "Queueing
 * and Merging"; the CLI prints "has been queued", Qovery/qovery-cli cmd/environment_deploy.go).
 * `conflictWhileBusy` keeps the 409 "Operation is in progress" the OpenAPI document still lists
 * for these endpoints.
 */
function deploy(ctx: RouteContext, route: Route, req: RequestInfo): Reply {
  const { scenario, state } = ctx;
  if (scenario.conflictWhileBusy && state.busy(req.now)) return errorReply(409, 'Operation is in progress: a deployment is already running on this environment');
  let entries: RequestEntry[];
  if (route.endpoint === 'redeploy') {
    entries = state.existing().map((s) => ({ serviceId: s.id, version: s.version }));
  } else {
    const parsed = parseDeployRequest(state, req.body);
    if (typeof parsed === 'string') return errorReply(400, parsed);
    entries = parsed;
  }
  const versions: Record<string, string> = {};
  for (const entry of entries) if (entry.version !== undefined) versions[entry.serviceId] = entry.version;
  const accepted: AcceptedDeploy = { kind: route.endpoint === 'redeploy' ? 'redeploy' : 'services', requestId: '', queued: false, versions, at: req.now };
  const before = environmentStatus(scenario, state);
  const record = state.accept(entries, req.now, accepted);
  ctx.onAccepted(accepted);
  // The answer shows the status as it was: the new deployment is not visible yet (the race the CLI sleeps 3 s for).
  const extra = scenario.echoRequestId ? { deployment_request_id: record.requestId } : { deployment_request_id: null };
  return { status: 202, body: { ...before, ...extra } };
}

/** DeployAllRequest: per type, the service id and the field that carries its version. Unknown ids and wrong fields are 400. */
function parseDeployRequest(state: EnvironmentState, body: unknown): RequestEntry[] | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The body must be a DeployAllRequest object';
  const request = body as Record<string, unknown>;
  const entries: RequestEntry[] = [];
  const lists: Array<[string, string, string, string[]]> = [
    ['applications', 'APPLICATION', 'application_id', ['git_commit_id']],
    ['containers', 'CONTAINER', 'id', ['image_tag']],
    ['jobs', 'JOB', 'id', ['image_tag', 'git_commit_id']],
    ['helms', 'HELM', 'id', ['chart_version', 'git_commit_id']]
  ];
  for (const [key, type, idField, versionFields] of lists) {
    const list = request[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `${key} must be a list`;
    for (const item of list as Array<Record<string, unknown>>) {
      const id = typeof item?.[idField] === 'string' ? (item[idField] as string).toLowerCase() : '';
      const service = state.existing().find((s) => s.id === id && s.type === type);
      if (!service) return `${key}: no ${type.toLowerCase()} ${id || '(missing id)'} in this environment`;
      const expected =
        service.type === 'JOB'
          ? service.source === 'git'
            ? 'git_commit_id'
            : 'image_tag'
          : service.type === 'HELM'
            ? service.source === 'git'
              ? 'git_commit_id'
              : 'chart_version'
            : versionFields[0]!;
      const given = versionFields.filter((f) => typeof item[f] === 'string' && item[f] !== '');
      if (given.length > 1 || (given.length === 1 && given[0] !== expected)) return `${key}: ${service.name} takes ${expected}, not ${given.join(', ')}`;
      const override = item.values_override_git_commit_id;
      if (override !== undefined && (service.type !== 'HELM' || typeof override !== 'string')) return `${key}: ${service.name} takes no values_override_git_commit_id`;
      entries.push({ serviceId: service.id, version: given.length ? (item[expected] as string) : service.version, valuesOverride: override as string | undefined });
    }
  }
  if (Array.isArray(request.databases)) {
    for (const id of request.databases) {
      const service = state.existing().find((s) => s.id === String(id).toLowerCase() && s.type === 'DATABASE');
      if (!service) return `databases: no database ${String(id)} in this environment`;
      entries.push({ serviceId: service.id });
    }
  }
  if (entries.length === 0) return 'No service to deploy';
  return entries;
}
