/**
 * The environment's state: services, deployment history and the one deployment that may be
 * running. Time-driven phases are computed from timestamps on each request (no timers), so a
 * slow test machine sees the same sequence, only later.
 */
import { randomUUID } from 'node:crypto';
import { stableUuid } from './scenario.js';
import type { ActionStatus, DeploymentBehaviour, QoveryScenario, ServiceType, TriggerAction } from './types.js';

export interface Service {
  id: string;
  name: string;
  type: ServiceType;
  source: 'git' | 'image' | 'chart';
  exists: boolean;
  version?: string;
  state: string;
  lastDeploymentAt: number;
}

export interface Entry {
  serviceId: string;
  version?: string;
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

interface Live {
  execution: ExecutionRecord;
  acceptedAt: number;
  behaviour: DeploymentBehaviour;
  errorIds: Set<string>;
}

export interface Shown {
  state: string;
  lastDeploymentId?: string;
  requestId?: string;
  at: number;
}

const END_STATE: Record<string, string> = { SUCCESS: 'DEPLOYED', ERROR: 'DEPLOYMENT_ERROR', CANCELED: 'CANCELED' };

export class EnvironmentState {
  readonly services: Service[];
  /** newest first */
  readonly executions: ExecutionRecord[] = [];
  shown: Shown;
  private live?: Live;

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
      state: 'DEPLOYED',
      lastDeploymentAt: now
    }));
    const count = scenario.executions.length;
    scenario.executions.forEach((spec, index) => {
      const at = now - (count - index) * 600_000;
      const result = spec.result ?? 'SUCCESS';
      const entries: Entry[] = [];
      for (const [name, version] of Object.entries(spec.versions)) entries.push({ serviceId: this.byName(name).id, version, state: END_STATE[result]! });
      for (const name of spec.withoutVersion ?? []) entries.push({ serviceId: this.byName(name).id, state: END_STATE[result]! });
      this.executions.unshift({
        executionId: (spec.id ?? stableUuid(`execution:${index}`)).toLowerCase(),
        requestId: stableUuid(`request:${index}`),
        action: spec.action ?? 'DEPLOY',
        actionStatus: result,
        status: spec.action === 'RESTART' && result === 'SUCCESS' ? 'RESTARTED' : END_STATE[result]!,
        createdAt: at,
        updatedAt: at + 60_000,
        triggeredBy: spec.triggeredBy ?? 'sandbox-dev@example.com',
        entries
      });
      for (const entry of entries) {
        const service = this.services.find((s) => s.id === entry.serviceId)!;
        if (entry.version !== undefined) service.version = entry.version;
        service.state = entry.state;
      }
    });
    const newest = this.executions[0];
    this.shown = newest ? { state: newest.status, lastDeploymentId: newest.executionId, requestId: newest.requestId, at: newest.updatedAt } : { state: 'READY', at: now };
    if (scenario.busyForMs) {
      const entries = this.existing().map((s) => ({ serviceId: s.id, version: s.version, state: 'DEPLOYING' }));
      const execution = this.record('DEPLOY', entries, now, 'someone-else@example.com');
      this.live = { execution, acceptedAt: now, behaviour: { startLagMs: 0, queuedMs: 0, durationMs: scenario.busyForMs, outcome: 'success' }, errorIds: new Set() };
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

  /** Whether a deployment is queued or running (a new request gets 409). */
  busy(now: number): boolean {
    this.advance(now);
    return this.live !== undefined;
  }

  /** Accepts a deployment of these service versions; the status shows it only after the start lag. */
  accept(entries: Array<{ serviceId: string; version?: string }>, now: number): ExecutionRecord {
    const execution = this.record(
      'DEPLOY',
      entries.map((e) => ({ ...e, state: 'DEPLOYMENT_QUEUED' })),
      now,
      'rollback-action@example.com'
    );
    const behaviour = this.scenario.deployment;
    const errorNames = behaviour.errorServices;
    const errorIds = new Set(entries.map((e) => e.serviceId).filter((id) => !errorNames || errorNames.includes(this.services.find((s) => s.id === id)!.name)));
    this.live = { execution, acceptedAt: now, behaviour, errorIds };
    return execution;
  }

  private record(action: TriggerAction, entries: Entry[], now: number, triggeredBy: string): ExecutionRecord {
    const execution: ExecutionRecord = {
      executionId: randomUUID(),
      requestId: randomUUID(),
      action,
      actionStatus: 'QUEUED',
      status: 'DEPLOYMENT_QUEUED',
      createdAt: now,
      updatedAt: now,
      triggeredBy,
      entries
    };
    this.executions.unshift(execution);
    return execution;
  }

  /** Moves the running deployment through queued → deploying → its outcome, by elapsed time. */
  advance(now: number): void {
    const live = this.live;
    if (!live) return;
    const { execution, behaviour } = live;
    const t = now - live.acceptedAt;
    const visibleAt = behaviour.startLagMs;
    const deployingAt = visibleAt + behaviour.queuedMs;
    const endAt = deployingAt + behaviour.durationMs;
    const setEntries = (state: string) => {
      for (const entry of execution.entries) {
        entry.state = state;
        const service = this.services.find((s) => s.id === entry.serviceId)!;
        service.state = state;
      }
    };
    if (t < visibleAt) return;
    const show = (state: string) => (this.shown = { state, lastDeploymentId: execution.executionId, requestId: execution.requestId, at: now });
    if (t < deployingAt) {
      show('DEPLOYMENT_QUEUED');
      setEntries('DEPLOYMENT_QUEUED');
      return;
    }
    if (t < endAt || behaviour.outcome === 'endless') {
      execution.actionStatus = 'ONGOING';
      execution.status = 'DEPLOYING';
      execution.updatedAt = now;
      show('DEPLOYING');
      setEntries('DEPLOYING');
      return;
    }
    const result: ActionStatus = behaviour.outcome === 'success' ? 'SUCCESS' : behaviour.outcome === 'error' ? 'ERROR' : 'CANCELED';
    const finalState = END_STATE[result]!;
    execution.actionStatus = result;
    execution.status = finalState;
    execution.updatedAt = live.acceptedAt + endAt;
    for (const entry of execution.entries) {
      const service = this.services.find((s) => s.id === entry.serviceId)!;
      entry.state = result === 'ERROR' ? (live.errorIds.has(entry.serviceId) ? 'DEPLOYMENT_ERROR' : 'DEPLOYED') : finalState;
      service.state = entry.state;
      service.lastDeploymentAt = execution.updatedAt;
      if (result !== 'CANCELED' && entry.version !== undefined) service.version = entry.version;
    }
    this.shown = { state: finalState, lastDeploymentId: execution.executionId, requestId: execution.requestId, at: execution.updatedAt };
    this.live = undefined;
  }
}
