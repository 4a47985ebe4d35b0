/** Renders the state as the API's documented JSON shapes (EnvironmentStatus, Status, DeploymentHistoryEnvironmentV2, …). */
import { commitOf } from './scenario.js';
import type { EnvironmentState, ExecutionRecord, Service } from './state.js';
import type { QoveryScenario } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function environmentStatus(scenario: QoveryScenario, state: EnvironmentState, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const shown = state.shown;
  const body: Record<string, unknown> = {
    id: scenario.environmentId,
    state: shown.state,
    last_deployment_date: iso(shown.at),
    last_deployment_state: shown.state,
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
  const last = state.executions.find((e) => e.entries.some((entry) => entry.serviceId === service.id));
  return {
    id: service.id,
    state: service.state,
    service_deployment_status: 'UP_TO_DATE',
    last_deployment_date: iso(service.lastDeploymentAt),
    is_part_last_deployment: last !== undefined && last === state.executions[0],
    execution_id: last?.executionId ?? '',
    status_details: { action: 'DEPLOY', status: service.state.endsWith('_ERROR') ? 'ERROR' : 'SUCCESS', sub_action: 'NONE' },
    deployment_request_id: null,
    deployment_requests_count: 0
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
function details(service: Service, version: string | undefined, execution: ExecutionRecord): Record<string, unknown> {
  const v = version ?? '';
  switch (service.type) {
    case 'APPLICATION':
      return { commit: commit(v || commitOf('none'), execution.createdAt), build_pod_name: `build-${execution.executionId}-0` };
    case 'CONTAINER':
      return { image_name: `registry.example.com/${service.name}`, tag: v, arguments: [], entrypoint: '' };
    case 'JOB':
      return service.source === 'git'
        ? { image_name: `qovery/${service.name}`, tag: 'built', job_type: 'LIFECYCLE', commit: commit(v, execution.createdAt), build_pod_name: `build-${execution.executionId}-0` }
        : { image_name: `registry.example.com/${service.name}`, tag: v, job_type: 'CRON', build_pod_name: null };
    case 'HELM':
      return service.source === 'git' ? { commit: commit(v, execution.createdAt) } : { repository: { chart_name: service.name, chart_version: v } };
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
      details: details(service, entry.version, record),
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
