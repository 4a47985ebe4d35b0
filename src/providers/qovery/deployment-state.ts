import type { EnvironmentStatus } from './shapes.js';

/** States a deployment ends well in. */
export const SUCCESS_STATES: ReadonlySet<string> = new Set(['DEPLOYED', 'RESTARTED', 'READY']);
/** States a deployment ends badly in, besides every *_ERROR. */
const FAILED_END_STATES: ReadonlySet<string> = new Set(['CANCELED', 'STOPPED', 'DELETED']);

export type Phase = 'succeeded' | 'failed' | 'running';

export function phaseOf(state: string): Phase {
  if (SUCCESS_STATES.has(state)) return 'succeeded';
  if (state.endsWith('_ERROR') || FAILED_END_STATES.has(state)) return 'failed';
  return 'running';
}

/** Whether another operation still holds the environment (a deploy request would get 409). */
export function isBusy(status: EnvironmentStatus): boolean {
  return phaseOf(status.state) === 'running' && status.state !== 'UNAVAILABLE';
}

/** What the environment showed just before the accepted deploy request. */
export interface Baseline {
  lastDeploymentId?: string;
  /** The deployment_request_id the status showed then, if any. */
  requestId?: string;
  newestExecutionId?: string;
}

/** How to recognise this run's deployment among what the status endpoint shows. */
export interface DeploymentTicket {
  baseline: Baseline;
  /** deployment_request_id from the deploy request's answer, when it had one. */
  requestId?: string;
  /** The execution found in the history when the answer was lost and the deployment was followed. */
  executionId?: string;
}

/**
 * Whether the status describes this run's deployment. Right after the trigger the status can
 * still show the previous deployment's terminal state (the official CLI sleeps 3 s to dodge
 * it); a status is ours only when it names our request or execution, or a deployment id that
 * is not the baseline's.
 */
export function isOurs(status: EnvironmentStatus, ticket: DeploymentTicket): boolean {
  if (ticket.executionId && status.lastDeploymentId === ticket.executionId) return true;
  // A request id the status still shows from before proves nothing either way; only a newer one can be compared.
  if (ticket.requestId && status.deploymentRequestId && status.deploymentRequestId !== ticket.baseline.requestId) return status.deploymentRequestId === ticket.requestId;
  return status.lastDeploymentId !== undefined && status.lastDeploymentId !== ticket.baseline.lastDeploymentId;
}
