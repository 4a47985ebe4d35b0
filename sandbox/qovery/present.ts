/** Renders the state as the API's documented JSON shapes (EnvironmentStatus, Status, DeploymentHistoryEnvironmentV2, …). */
import { commitOf } from './scenario.js';
import type { DeployRequestRecord, Entry, EnvironmentState, ExecutionRecord, Service } from './state.js';
import type { QoveryScenario } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** `state` is the whole environment's, `last_deployment_state` the last deployment's own (see state.ts for the source). */
export function environmentStatus(scenario: QoveryScenario, state: EnvironmentState, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const shown = state.shown;
  const body: Record<string, unknown> = {
    id: scenario.environmentId,
    state: state.environmentState(),
    last_deployment_date: iso(shown.at),
    last_deployment_state: shown.lastDeploymentState,
    last_deployment_id: shown.lastDeploymentId ?? null,
    total_deployment_duration_in_seconds: 60,
    origin: 'API',
    triggered_by: 'sandbox',
    deployment_status: 'UP_TO_DATE',
    deployment_request_id: shown.requestId ?? null
  };
  return { ...body, ...extra };
}

function serviceStatus(service: Service, state: EnvironmentState): Record<string, unknown> {
  const queued = state.queue.filter((request) => request.entries.some((entry) => entry.serviceId === service.id));
  const last = state.executions.find((e) => e.entries.some((entry) => entry.serviceId === service.id));
  return {
    id: service.id,
    state: service.state,
    service_deployment_status: 'UP_TO_DATE',
    last_deployment_date: iso(service.lastDeploymentAt),
    is_part_last_deployment: last !== undefined && last === state.executions[0],
    execution_id: last?.executionId ?? '',
    status_details: { action: 'DEPLOY', status: service.state.endsWith('_ERROR') ? 'ERROR' : 'SUCCESS', sub_action: 'NONE' },
    // Queued requests that name the service: the console shows them as its pending deployments.
    deployment_request_id: queued[0]?.requestId ?? null,
    deployment_requests_count: queued.length
  };
}

const GROUPS: Array<[string, string]> = [
  ['applications', 'APPLICATION'],
  ['containers', 'CONTAINER'],
  ['jobs', 'JOB'],
  ['databases', 'DATABASE'],
  ['helms', 'HELM']
];

export function environmentStatuses(scenario: QoveryScenario, state: EnvironmentState): Record<string, unknown> {
  const body: Record<string, unknown> = { environment: environmentStatus(scenario, state), terraforms: [] };
  for (const [key, type] of GROUPS)
    body[key] = state
      .existing()
      .filter((s) => s.type === type)
      .map((s) => serviceStatus(s, state));
  return body;
}

function commit(version: string, at: number): Record<string, unknown> {
  return { git_commit_id: version, created_at: iso(at), author_name: 'Sandbox Dev', message: `commit ${version.slice(0, 7)}`, tag: '' };
}

/** The details object of one service in an execution, by service type and source. */
/**
 * The details object of one service in an execution, by service type and source: image names
 * and chart names as the console's service-deployment-list.tsx shows them (Qovery/console
 * libs/domains/services/feature/src/lib/service-deployment-list/service-deployment-list.tsx).
 * The helm values-override commit has no field in the vendored document (its helm branch allows
 * any); the sandbox records it as `values_override_git_commit_id`, the DeployAllRequest's name.
 */
function details(service: Service, entry: Entry, execution: ExecutionRecord): Record<string, unknown> {
  const v = entry.version ?? '';
  const image = entry.imageName ?? service.imageName;
  switch (service.type) {
    case 'APPLICATION':
      return { commit: commit(v || commitOf('none'), execution.createdAt), build_pod_name: `build-${execution.executionId}-0` };
    case 'CONTAINER':
      return { image_name: image, tag: v, arguments: [], entrypoint: '' };
    case 'JOB':
      return service.source === 'git'
        ? { image_name: `qovery/${service.name}`, tag: 'built', job_type: 'LIFECYCLE', commit: commit(v, execution.createdAt), build_pod_name: `build-${execution.executionId}-0` }
        : { image_name: image, tag: v, job_type: 'CRON', build_pod_name: null };
    case 'HELM': {
      const override = entry.valuesOverride ? { values_override_git_commit_id: entry.valuesOverride } : {};
      return service.source === 'git'
        ? { commit: commit(v, execution.createdAt), ...override }
        : { repository: { chart_name: entry.chartName ?? service.chartName, chart_version: v }, ...override };
    }
    default:
      return {};
  }
}

function auditing(execution: ExecutionRecord): Record<string, unknown> {
  return { created_at: iso(execution.createdAt), updated_at: iso(execution.updatedAt), triggered_by: execution.triggeredBy, origin: 'API' };
}

export function execution(scenario: QoveryScenario, state: EnvironmentState, record: ExecutionRecord): Record<string, unknown> {
  const services = record.entries.map((entry) => {
    const service = state.services.find((s) => s.id === entry.serviceId)!;
    return {
      identifier: { name: service.name, service_id: service.id, service_type: service.type, execution_id: record.executionId },
      status: entry.state,
      auditing_data: auditing(record),
      details: details(service, entry, record),
      status_details: { action: record.action === 'RESTART' ? 'RESTART' : 'DEPLOY', status: record.actionStatus, sub_action: 'NONE' },
      icon_uri: `app://qovery-console/${service.type.toLowerCase()}`,
      total_duration: 'PT1M'
    };
  });
  const stageStatus = record.actionStatus === 'SUCCESS' ? 'DONE' : record.actionStatus === 'QUEUED' ? 'QUEUED' : record.actionStatus;
  return {
    identifier: { execution_id: record.executionId, environment_id: scenario.environmentId },
    auditing_data: auditing(record),
    status: record.status,
    trigger_action: record.action,
    total_duration: 'PT1M',
    action_status: record.actionStatus,
    stages: [{ name: 'Stage 1', status: stageStatus, duration: 'PT1M', services }]
  };
}

export function environment(scenario: QoveryScenario): Record<string, unknown> {
  return {
    id: scenario.environmentId,
    created_at: '2026-01-01T00:00:00.000Z',
    name: 'production',
    organization: { id: scenario.organizationId },
    project: { id: scenario.projectId },
    cloud_provider: { provider: 'aws', cluster: 'eu-west-3' },
    mode: 'PRODUCTION',
    cluster_id: scenario.organizationId,
    cluster_name: 'sandbox'
  };
}

/** QueuedDeploymentRequestWithStages: who asked, which action, which services (no versions: the queue does not show them). */
export function queuedRequest(scenario: QoveryScenario, state: EnvironmentState, request: DeployRequestRecord): Record<string, unknown> {
  const services = request.entries.map((entry) => {
    const service = state.services.find((s) => s.id === entry.serviceId)!;
    return { identifier: { service_id: service.id, service_type: service.type, name: service.name }, status: 'QUEUED' };
  });
  return {
    identifier: { deployment_request_id: request.requestId, environment_id: scenario.environmentId },
    auditing_data: { triggered_by: request.triggeredBy, origin: 'API' },
    trigger_action: request.action,
    stages: [{ name: 'Stage 1', status: 'QUEUED', services }]
  };
}
