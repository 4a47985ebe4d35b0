import type { EnvironmentStatus, QueuedRequest } from './shapes.js';

/**
 * States a deployment ends well in. Not READY: Qovery's Terraform provider keeps waiting on it
 * (Qovery/terraform-provider-qovery internal/infrastructure/repositories/qoveryapi/
 * deployment_status_qoveryapi.go lists READY "in progress" when a desired state is awaited).
 */
export const SUCCESS_STATES: ReadonlySet<string> = new Set(['DEPLOYED', 'RESTARTED']);
/** States a deployment ends badly in, besides every *_ERROR. */
const FAILED_END_STATES: ReadonlySet<string> = new Set(['CANCELED', 'STOPPED', 'DELETED']);

export type Phase = 'succeeded' | 'failed' | 'running';

export function phaseOf(state: string): Phase {
  if (SUCCESS_STATES.has(state)) return 'succeeded';
  if (state.endsWith('_ERROR') || FAILED_END_STATES.has(state)) return 'failed';
  return 'running';
}

/**
 * Whether another operation still holds the environment. `state` is the whole environment's
 * status and serves here: anything in progress is busy (READY included, see above).
 */
export function isBusy(status: EnvironmentStatus): boolean {
  return phaseOf(status.state) === 'running' && status.state !== 'UNAVAILABLE';
}

/** What the environment showed just before the deploy request left. */
export interface Baseline {
  lastDeploymentId?: string;
  /** The deployment_request_id the status showed then, if any. */
  requestId?: string;
  /** Execution ids on the newest history page. */
  executionIds: ReadonlySet<string>;
  /** The queue then. */
  queue: readonly QueuedRequest[];
}

/** How to recognise this run's deployment. */
export interface DeploymentTicket {
  baseline: Baseline;
  /** deployment_request_id from the answer, or found by reading after the send. */
  requestId?: string;
  /** The execution, once known. */
  executionId?: string;
  /** service id → version the rollback puts it on. */
  targets: ReadonlyMap<string, string>;
}

/**
 * Whether the status describes this run's deployment. Right after the trigger the status can
 * still show the previous deployment's terminal state (the official CLI sleeps 3 s to dodge
 * it); a status is ours only when it names our request or execution, or (without either) a
 * deployment that was not there before the send.
 */
export function isOurs(status: EnvironmentStatus, ticket: Pick<DeploymentTicket, 'baseline' | 'requestId' | 'executionId'>): boolean {
  if (ticket.executionId && status.lastDeploymentId === ticket.executionId) return true;
  // A request id the status still shows from before proves nothing either way; only a newer one can be compared.
  if (ticket.requestId && status.deploymentRequestId && status.deploymentRequestId !== ticket.baseline.requestId) return status.deploymentRequestId === ticket.requestId;
  if (ticket.requestId || ticket.executionId) return false;
  return status.lastDeploymentId !== undefined && status.lastDeploymentId !== ticket.baseline.lastDeploymentId && !ticket.baseline.executionIds.has(status.lastDeploymentId);
}
