/**
 * The environment as Qovery keeps it: services, the deployment history, the one deployment that
 * may be running and the queue of deploy requests behind it. Time-driven phases are computed
 * from timestamps on each request (no timers), so a slow test machine sees the same sequence,
 * only later.
 *
 * Facts taken from Qovery's own sources (beyond the OpenAPI document):
 * - Queueing and merging: Qovery/documentation docs/configuration/deployment/actions.mdx,
 *   "Queueing and Merging": one deployment runs at a time; requests made meanwhile are queued;
 *   queued requests of the same action by the same user are merged into one request.
 * - A queued request is in neither the status nor the history until it runs: the history page
 *   (docs/configuration/deployment/history.mdx) lists executions; the queue has its own endpoint
 *   (`GET /environment/{id}/deploymentQueue`, the console's use-deployment-queue hook polls it).
 * - `state` vs `last_deployment_state`: Qovery/console
 *   libs/domains/environments/feature/src/lib/environment-state-chip/environment-state-chip.tsx:
 *   `state` is the whole environment's current status (in error while any service is), the last
 *   deployment's own outcome is `last_deployment_state`.
 * - The environment status is derived from its services (actions.mdx, "Environment Deployment
 *   Statuses"): queued if one is queued, deploying if one deploys, error if one is in error.
 * - The status lags an accepted request (`startLagMs`): Qovery/qovery-cli cmd/application_deploy.go
 *   sleeps 3 s "to wait for the deployment request to be processed (prevent from race condition)".
 * - A dry run changes nothing: Qovery/documentation docs/api-reference/openapi.yaml describes the
 *   dry-run mode as "Avoiding any changes"; DEPLOY_DRY_RUN executions keep every version.
 * - READY before the deployment proper: Qovery/terraform-provider-qovery
 *   internal/infrastructure/repositories/qoveryapi/deployment_status_qoveryapi.go keeps waiting
 *   on READY (listed "in progress" when a desired state is awaited).
 */
import { randomUUID } from 'node:crypto';
import { stableUuid } from './scenario.js';
import type { AcceptedDeploy, ActionStatus, DeploymentBehaviour, ForeignRequestSpec, QoveryScenario, ServiceType, TriggerAction } from './types.js';

export interface Service {
  id: string;
  name: string;
  type: ServiceType;
  source: 'git' | 'image' | 'chart';
  exists: boolean;
  version?: string;
  imageName: string;
  chartName: string;
  valuesOverride?: string;
  hasValuesOverride: boolean;
  state: string;
  lastDeploymentAt: number;
}

export interface Entry {
  serviceId: string;
  version?: string;
  imageName?: string;
  chartName?: string;
  valuesOverride?: string;
  state: string;
}

export interface ExecutionRecord {
  executionId: string;
  requestId: string;
  action: TriggerAction;
  actionStatus: ActionStatus | 'QUEUED' | 'ONGOING';
  status: string;
  createdAt: number;
  updatedAt: number;
  triggeredBy: string;
  entries: Entry[];
}

export interface RequestEntry {
  serviceId: string;
  version?: string;
  valuesOverride?: string;
}

/** A deploy request: queued, then run as one execution. */
export interface DeployRequestRecord {
  requestId: string;
  action: TriggerAction;
  triggeredBy: string;
  entries: RequestEntry[];
  behaviour: DeploymentBehaviour;
  /** the action's requests that became this one (its own, and any merged into it) */
  accepted: AcceptedDeploy[];
  execution?: ExecutionRecord;
}

interface Live {
  request: DeployRequestRecord;
  execution: ExecutionRecord;
  startedAt: number;
  errorIds: Set<string>;
}

/** What the environment status shows about the last deployment. */
export interface Shown {
  lastDeploymentState: string;
  lastDeploymentId?: string;
  requestId?: string;
  at: number;
}

const END_STATE: Record<string, string> = { SUCCESS: 'DEPLOYED', ERROR: 'DEPLOYMENT_ERROR', CANCELED: 'CANCELED' };
const changesVersions = (action: TriggerAction) => action === 'DEPLOY';

export class EnvironmentState {
  readonly services: Service[];
  /** newest first; a request shows here only once it runs */
  readonly executions: ExecutionRecord[] = [];
  /** oldest first: the next to run is queue[0] */
  readonly queue: DeployRequestRecord[] = [];
  shown: Shown;
  private live?: Live;
  private readonly foreign: Array<ForeignRequestSpec & { at: number }>;

  constructor(
    private readonly scenario: QoveryScenario,
    now = Date.now()
  ) {
    this.services = scenario.services.map((spec) => ({
      id: (spec.id ?? stableUuid(`service:${spec.name}`)).toLowerCase(),
      name: spec.name,
      type: spec.type,
      source: spec.source ?? (spec.type === 'HELM' ? 'chart' : spec.type === 'JOB' ? 'image' : spec.type === 'APPLICATION' ? 'git' : 'image'),
      exists: spec.exists !== false,
      imageName: `registry.example.com/${spec.name}`,
      chartName: spec.name,
      hasValuesOverride: spec.valuesOverride === true,
      state: 'DEPLOYED',
      lastDeploymentAt: now
    }));
    const count = scenario.executions.length;
    scenario.executions.forEach((spec, index) => {
      const at = now - (count - index) * 600_000;
      const result = spec.result ?? 'SUCCESS';
      const action = spec.action ?? 'DEPLOY';
      const entries: Entry[] = [];
      const endState = action === 'RESTART' && result === 'SUCCESS' ? 'RESTARTED' : END_STATE[result]!;
      for (const [name, version] of Object.entries(spec.versions)) {
        const service = this.byName(name);
        entries.push({
          serviceId: service.id,
          version,
          imageName: spec.images?.[name] ?? service.imageName,
          chartName: spec.charts?.[name] ?? service.chartName,
          valuesOverride: spec.valuesOverrides?.[name],
          state: endState
        });
      }
      for (const name of spec.withoutVersion ?? []) entries.push({ serviceId: this.byName(name).id, state: endState });
      this.executions.unshift({
        executionId: (spec.id ?? stableUuid(`execution:${index}`)).toLowerCase(),
        requestId: stableUuid(`request:${index}`),
        action,
        actionStatus: result,
        status: endState,
        createdAt: at,
        updatedAt: at + 60_000,
        triggeredBy: spec.triggeredBy ?? 'sandbox-dev@example.com',
        entries
      });
      // A dry run deploys nothing (see the header); a restart keeps versions.
      if (action === 'DEPLOY_DRY_RUN') return;
      for (const entry of entries) {
        const service = this.services.find((s) => s.id === entry.serviceId)!;
        if (changesVersions(action)) this.applyVersion(service, entry);
        service.state = entry.state;
      }
    });
    const newest = this.executions.find((e) => e.action !== 'DEPLOY_DRY_RUN') ?? this.executions[0];
    this.shown = newest
      ? { lastDeploymentState: newest.status, lastDeploymentId: newest.executionId, requestId: newest.requestId, at: newest.updatedAt }
      : { lastDeploymentState: 'READY', at: now };
    this.foreign = (scenario.foreign ?? []).map((spec) => ({ ...spec, at: now + spec.afterMs })).sort((a, b) => a.at - b.at);
    if (scenario.busyForMs) {
      const request = this.request(
        'DEPLOY',
        this.existing().map((s) => ({ serviceId: s.id, version: s.version })),
        'someone-else@example.com',
        { startLagMs: 0, queuedMs: 0, durationMs: scenario.busyForMs, outcome: 'success' }
      );
      this.start(request, now);
      for (const spec of scenario.queued ?? []) this.enqueue(this.foreignRequest(spec), now);
      this.advance(now);
    }
  }

  byName(name: string): Service {
    const service = this.services.find((s) => s.name === name);
    if (!service) throw new Error(`sandbox scenario: no service named '${name}'`);
    return service;
  }

  existing(): Service[] {
    return this.services.filter((s) => s.exists);
  }

  /** Whether a deployment is running (a new request is queued, or refused with 409 in that mode). */
  busy(now: number): boolean {
    this.advance(now);
    return this.live !== undefined;
  }

  /**
   * The whole environment's status, derived from its services as actions.mdx describes: in
   * progress if one is, else in error if one is, else deployed. A service left in error by an
   * earlier deployment keeps `state` in error after a later, successful partial deployment.
   */
  environmentState(): string {
    const states = this.existing().map((s) => s.state);
    for (const inProgress of ['DEPLOYMENT_QUEUED', 'BUILDING', 'DEPLOYING', 'READY']) if (states.some((state) => state === inProgress)) return inProgress;
    const error = states.find((state) => state.endsWith('_ERROR'));
    if (error) return error;
    if (states.every((state) => state === 'DEPLOYED' || state === 'RESTARTED')) return states.includes('DEPLOYED') || states.length === 0 ? 'DEPLOYED' : 'RESTARTED';
    return states[0] ?? 'READY';
  }

  /**
   * Accepts a deploy request by the token's user. Runs it at once when the environment is free;
   * otherwise queues it, merged into a queued request of the same action by the same user when
   * there is one (actions.mdx, "Merge Logic"). The documentation does not say which version
   * wins when both name a service: the sandbox keeps the later request's.
   */
  accept(entries: RequestEntry[], now: number, accepted: AcceptedDeploy): DeployRequestRecord {
    this.advance(now);
    const user = this.scenario.tokenUser;
    const mergeable = this.queue.find((q) => q.action === 'DEPLOY' && q.triggeredBy === user);
    if (mergeable) {
      for (const entry of entries) {
        const index = mergeable.entries.findIndex((e) => e.serviceId === entry.serviceId);
        if (index >= 0) mergeable.entries[index] = entry;
        else mergeable.entries.push(entry);
      }
      accepted.requestId = mergeable.requestId;
      accepted.mergedInto = mergeable.requestId;
      accepted.queued = true;
      mergeable.accepted.push(accepted);
      // The action's own behaviour governs the merged request from now on.
      mergeable.behaviour = this.scenario.deployment;
      return mergeable;
    }
    const request = this.request('DEPLOY', entries, user, this.scenario.deployment);
    accepted.requestId = request.requestId;
    request.accepted.push(accepted);
    accepted.queued = this.live !== undefined;
    this.enqueue(request, now);
    return request;
  }

  private request(action: TriggerAction, entries: RequestEntry[], triggeredBy: string, behaviour: DeploymentBehaviour): DeployRequestRecord {
    return { requestId: randomUUID(), action, triggeredBy, entries, behaviour, accepted: [] };
  }

  private foreignRequest(spec: Omit<ForeignRequestSpec, 'afterMs'>): DeployRequestRecord {
    const entries = spec.versions
      ? Object.entries(spec.versions).map(([name, version]) => ({ serviceId: this.byName(name).id, version }))
      : this.existing().map((s) => ({ serviceId: s.id, version: s.version }));
    return this.request(spec.action ?? 'DEPLOY', entries, spec.triggeredBy ?? 'someone-else@example.com', {
      startLagMs: 0,
      queuedMs: 0,
      durationMs: spec.durationMs ?? 600,
      outcome: 'success'
    });
  }

  private enqueue(request: DeployRequestRecord, at: number): void {
    if (this.live) this.queue.push(request);
    else this.start(request, at);
  }

  /** The request leaves the queue: from now on it is an execution in the history. */
  private start(request: DeployRequestRecord, at: number): void {
    const service = (id: string) => this.services.find((s) => s.id === id)!;
    const execution: ExecutionRecord = {
      executionId: randomUUID(),
      requestId: request.requestId,
      action: request.action,
      actionStatus: 'QUEUED',
      status: 'DEPLOYMENT_QUEUED',
      createdAt: at,
      updatedAt: at,
      triggeredBy: request.triggeredBy,
      entries: request.entries.map((e) => ({
        serviceId: e.serviceId,
        version: e.version,
        imageName: service(e.serviceId).imageName,
        chartName: service(e.serviceId).chartName,
        valuesOverride: e.valuesOverride ?? service(e.serviceId).valuesOverride,
        state: 'DEPLOYMENT_QUEUED'
      }))
    };
    this.executions.unshift(execution);
    request.execution = execution;
    for (const accepted of request.accepted) accepted.executionId = execution.executionId;
    const errorNames = request.behaviour.errorServices;
    const errorIds = new Set(request.entries.map((e) => e.serviceId).filter((id) => !errorNames || errorNames.includes(service(id).name)));
    this.live = { request, execution, startedAt: at, errorIds };
  }

  /** Request ids the status answers for: the queue, then the history. */
  requestState(requestId: string): string | undefined {
    if (this.queue.some((q) => q.requestId === requestId)) return 'DEPLOYMENT_QUEUED';
    return this.executions.find((e) => e.requestId === requestId)?.status;
  }

  /** Moves time forward: others' requests arrive, the running deployment ends, the next queued one starts. */
  advance(now: number): void {
    for (;;) {
      const live = this.live;
      const liveEnd = live && live.request.behaviour.outcome !== 'endless' ? live.startedAt + this.endOffset(live.request.behaviour) : Number.POSITIVE_INFINITY;
      const next = this.foreign[0];
      if (next && next.at <= now && next.at <= liveEnd) {
        this.foreign.shift();
        this.enqueue(this.foreignRequest(next), next.at);
        continue;
      }
      if (live && liveEnd <= now) {
        this.finish(live, liveEnd);
        const queued = this.queue.shift();
        if (queued) this.start(queued, liveEnd);
        continue;
      }
      break;
    }
    if (this.live) this.progress(this.live, now);
  }

  private endOffset(b: DeploymentBehaviour): number {
    return b.startLagMs + (b.readyMs ?? 0) + b.queuedMs + b.durationMs;
  }

  private progress(live: Live, now: number): void {
    const { execution, request } = live;
    const b = request.behaviour;
    const t = now - live.startedAt;
    if (t < b.startLagMs) return;
    const setEntries = (state: string) => {
      for (const entry of execution.entries) {
        entry.state = state;
        this.services.find((s) => s.id === entry.serviceId)!.state = state;
      }
    };
    const show = (state: string) => (this.shown = { lastDeploymentState: state, lastDeploymentId: execution.executionId, requestId: execution.requestId, at: now });
    const phase = t < b.startLagMs + (b.readyMs ?? 0) ? 'READY' : t < b.startLagMs + (b.readyMs ?? 0) + b.queuedMs ? 'DEPLOYMENT_QUEUED' : 'DEPLOYING';
    if (phase === 'DEPLOYING') execution.actionStatus = 'ONGOING';
    if (execution.status !== phase) execution.updatedAt = now;
    execution.status = phase;
    show(phase);
    setEntries(phase);
  }

  private finish(live: Live, at: number): void {
    const { execution, request } = live;
    const b = request.behaviour;
    const result: ActionStatus = b.outcome === 'success' ? 'SUCCESS' : b.outcome === 'error' ? 'ERROR' : 'CANCELED';
    const restart = request.action === 'RESTART';
    const finalState = restart && result === 'SUCCESS' ? 'RESTARTED' : END_STATE[result]!;
    execution.actionStatus = result;
    execution.status = finalState;
    execution.updatedAt = at;
    for (const entry of execution.entries) {
      const service = this.services.find((s) => s.id === entry.serviceId)!;
      entry.state = result === 'ERROR' ? (live.errorIds.has(entry.serviceId) ? 'DEPLOYMENT_ERROR' : 'DEPLOYED') : finalState;
      service.state = entry.state;
      service.lastDeploymentAt = at;
      const name = service.name;
      if (b.actualVersions?.[name] !== undefined) entry.version = b.actualVersions[name];
      if (result !== 'CANCELED' && changesVersions(request.action)) this.applyVersion(service, entry);
    }
    this.shown = { lastDeploymentState: finalState, lastDeploymentId: execution.executionId, requestId: execution.requestId, at };
    this.live = undefined;
  }

  private applyVersion(service: Service, entry: Entry): void {
    if (entry.version !== undefined) service.version = entry.version;
    if (entry.imageName) service.imageName = entry.imageName;
    if (entry.chartName) service.chartName = entry.chartName;
    if (entry.valuesOverride) service.valuesOverride = entry.valuesOverride;
  }
}
