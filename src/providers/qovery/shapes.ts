import { ActionError } from '../../errors.js';

/**
 * The parts of Qovery's answers the rollback reads, checked at the boundary so the rest of the
 * provider works with typed values. Unknown fields are ignored; a missing required one is an
 * explained error naming the endpoint, never a crash deep inside.
 */

export interface EnvironmentStatus {
  state: string;
  lastDeploymentState: string;
  lastDeploymentId?: string;
  deploymentRequestId?: string;
}

export interface ServiceStatus {
  id: string;
  /** APPLICATION, CONTAINER, JOB, DATABASE, HELM, TERRAFORM, … */
  type: string;
  state: string;
}

export interface EnvironmentStatuses {
  environment: EnvironmentStatus;
  services: ServiceStatus[];
}

/** Which field of the deploy request carries a service's version. */
export type VersionField = 'git_commit_id' | 'image_tag' | 'chart_version';

export interface ServiceVersion {
  id: string;
  name: string;
  type: string;
  /** undefined when the history records no version for it (databases, terraform, …) */
  version?: string;
  field?: VersionField;
  /** What else the execution recorded about what ran: image (containers, image jobs), chart name and values-override commit (helms). */
  image?: string;
  chart?: string;
  valuesOverride?: string;
}

/** A deploy request waiting in the environment's queue (it is in neither the status nor the history yet). */
export interface QueuedRequest {
  requestId: string;
  action: string;
  triggeredBy: string;
  serviceIds: string[];
  serviceNames: string[];
}

export interface Execution {
  executionId: string;
  status: string;
  triggerAction: string;
  actionStatus: string;
  createdAt: string;
  triggeredBy: string;
  services: ServiceVersion[];
}

export interface EnvironmentInfo {
  organizationId?: string;
  projectId?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const optStr = (obj: Json, key: string): string | undefined => (typeof obj[key] === 'string' && obj[key] !== '' ? (obj[key] as string) : undefined);

function shapeError(endpoint: string, problem: string): ActionError {
  return new ActionError(
    'Unexpected response from Qovery',
    `${endpoint} answered with a body the action does not understand (${problem}). The API may have changed, or a proxy answered instead of Qovery: check api_url.`
  );
}

function str(endpoint: string, obj: Json, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string') throw shapeError(endpoint, `${where}.${key} is missing`);
  return value;
}

export function parseEnvironmentStatus(endpoint: string, body: unknown, where = 'body'): EnvironmentStatus {
  if (!isObject(body)) throw shapeError(endpoint, `${where} is not an object`);
  return {
    state: str(endpoint, body, 'state', where),
    lastDeploymentState: optStr(body, 'last_deployment_state') ?? str(endpoint, body, 'state', where),
    lastDeploymentId: optStr(body, 'last_deployment_id'),
    deploymentRequestId: optStr(body, 'deployment_request_id')?.toLowerCase()
  };
}

const STATUS_GROUPS: Array<[string, string]> = [
  ['applications', 'APPLICATION'],
  ['containers', 'CONTAINER'],
  ['jobs', 'JOB'],
  ['databases', 'DATABASE'],
  ['helms', 'HELM'],
  ['terraforms', 'TERRAFORM'],
  ['agentic_workflows', 'AGENTIC_WORKFLOW']
];

export function parseEnvironmentStatuses(endpoint: string, body: unknown): EnvironmentStatuses {
  if (!isObject(body)) throw shapeError(endpoint, 'the body is not an object');
  const environment = parseEnvironmentStatus(endpoint, body.environment, 'environment');
  const services: ServiceStatus[] = [];
  for (const [key, type] of STATUS_GROUPS) {
    const list = body[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw shapeError(endpoint, `'${key}' is not a list`);
    list.forEach((item, index) => {
      const where = `${key}[${index}]`;
      if (!isObject(item)) throw shapeError(endpoint, `${where} is not an object`);
      services.push({ id: str(endpoint, item, 'id', where).toLowerCase(), type, state: str(endpoint, item, 'state', where) });
    });
  }
  return { environment, services };
}

/**
 * A service's version as the history records it: an application's commit, a container's tag,
 * a job's commit (git source) or tag (image source), a helm chart's version (or commit when the
 * chart comes from git). Anything else has no version the deploy request could carry.
 */
export function versionOf(type: string, details: unknown): { version: string; field: VersionField } | undefined {
  if (!isObject(details)) return undefined;
  const commit = isObject(details.commit) ? optStr(details.commit, 'git_commit_id') : undefined;
  const tag = optStr(details, 'tag');
  switch (type) {
    case 'APPLICATION':
      return commit ? { version: commit, field: 'git_commit_id' } : undefined;
    case 'CONTAINER':
      return tag ? { version: tag, field: 'image_tag' } : undefined;
    case 'JOB':
      if (commit) return { version: commit, field: 'git_commit_id' };
      return tag ? { version: tag, field: 'image_tag' } : undefined;
    case 'HELM': {
      const chart = isObject(details.repository) ? optStr(details.repository, 'chart_version') : undefined;
      if (chart) return { version: chart, field: 'chart_version' };
      return commit ? { version: commit, field: 'git_commit_id' } : undefined;
    }
    default:
      return undefined;
  }
}

/** What else than the version a service's history details record: the image, the chart, the values-override commit. */
function provenanceOf(type: string, details: unknown): Pick<ServiceVersion, 'image' | 'chart' | 'valuesOverride'> {
  if (!isObject(details)) return {};
  const out: Pick<ServiceVersion, 'image' | 'chart' | 'valuesOverride'> = {};
  if ((type === 'CONTAINER' || type === 'JOB') && !isObject(details.commit)) out.image = optStr(details, 'image_name');
  if (type === 'HELM') {
    out.chart = isObject(details.repository) ? optStr(details.repository, 'chart_name') : undefined;
    // The document names no field for it; read the DeployAllRequest's name, or a Commit object beside `commit`.
    out.valuesOverride =
      optStr(details, 'values_override_git_commit_id') ?? (isObject(details.values_override_commit) ? optStr(details.values_override_commit, 'git_commit_id') : undefined);
  }
  return out;
}

/** The rows of one page of the history, at most `limit` of them (a server may ignore pageSize). */
export function parseHistoryPage(endpoint: string, body: unknown, limit = Number.POSITIVE_INFINITY): { executions: Execution[]; rows: number } {
  if (!isObject(body)) throw shapeError(endpoint, 'the body is not an object');
  const results = body.results ?? [];
  if (!Array.isArray(results)) throw shapeError(endpoint, "'results' is not a list");
  return { executions: results.slice(0, limit).map((item, index) => parseExecution(endpoint, item, index)), rows: results.length };
}

function parseExecution(endpoint: string, item: unknown, index: number): Execution {
  const where = `results[${index}]`;
  if (!isObject(item) || !isObject(item.identifier)) throw shapeError(endpoint, `${where}.identifier is missing`);
  const auditing = isObject(item.auditing_data) ? item.auditing_data : {};
  const services: ServiceVersion[] = [];
  const stages = Array.isArray(item.stages) ? item.stages : [];
  for (const stage of stages) {
    if (!isObject(stage) || !Array.isArray(stage.services)) continue;
    for (const service of stage.services) {
      if (!isObject(service) || !isObject(service.identifier)) continue;
      const id = optStr(service.identifier, 'service_id')?.toLowerCase();
      const type = optStr(service.identifier, 'service_type') ?? 'UNKNOWN';
      if (!id || services.some((known) => known.id === id)) continue;
      const found = versionOf(type, service.details);
      services.push({ id, name: optStr(service.identifier, 'name') ?? id, type, version: found?.version, field: found?.field, ...provenanceOf(type, service.details) });
    }
  }
  return {
    executionId: str(endpoint, item.identifier, 'execution_id', `${where}.identifier`).toLowerCase(),
    status: optStr(item, 'status') ?? 'UNKNOWN',
    triggerAction: optStr(item, 'trigger_action') ?? 'UNKNOWN',
    actionStatus: optStr(item, 'action_status') ?? 'UNKNOWN',
    createdAt: optStr(auditing, 'created_at') ?? '',
    triggeredBy: optStr(auditing, 'triggered_by') ?? '',
    services
  };
}

/** GET /environment/{id}/deploymentQueue: the requests waiting, in the order they will run. */
export function parseQueue(endpoint: string, body: unknown): QueuedRequest[] {
  if (!isObject(body)) throw shapeError(endpoint, 'the body is not an object');
  const results = body.results ?? [];
  if (!Array.isArray(results)) throw shapeError(endpoint, "'results' is not a list");
  return results.map((item, index) => {
    const where = `results[${index}]`;
    if (!isObject(item) || !isObject(item.identifier)) throw shapeError(endpoint, `${where}.identifier is missing`);
    const auditing = isObject(item.auditing_data) ? item.auditing_data : {};
    const serviceIds: string[] = [];
    const serviceNames: string[] = [];
    for (const stage of Array.isArray(item.stages) ? item.stages : []) {
      if (!isObject(stage) || !Array.isArray(stage.services)) continue;
      for (const service of stage.services) {
        if (!isObject(service) || !isObject(service.identifier)) continue;
        const id = optStr(service.identifier, 'service_id')?.toLowerCase();
        if (!id || serviceIds.includes(id)) continue;
        serviceIds.push(id);
        serviceNames.push(optStr(service.identifier, 'name') ?? id);
      }
    }
    return {
      requestId: str(endpoint, item.identifier, 'deployment_request_id', `${where}.identifier`).toLowerCase(),
      action: optStr(item, 'trigger_action') ?? 'UNKNOWN',
      triggeredBy: optStr(auditing, 'triggered_by') ?? '',
      serviceIds,
      serviceNames
    };
  });
}

/** GET /environment/deploymentStatus?deploymentRequestId=: the state of one request (EnvDeploymentStatus). */
export function parseRequestStatus(endpoint: string, body: unknown): string {
  if (!isObject(body)) throw shapeError(endpoint, 'the body is not an object');
  return str(endpoint, body, 'status', 'body');
}

export function parseEnvironment(endpoint: string, body: unknown): EnvironmentInfo {
  if (!isObject(body)) throw shapeError(endpoint, 'the body is not an object');
  const ref = (key: string) => (isObject(body[key]) ? optStr(body[key] as Json, 'id') : undefined);
  return { organizationId: ref('organization'), projectId: ref('project') };
}
