import { ActionError, TimeoutError } from '../../errors.js';
import type { QoveryContext } from './context.js';
import type { Baseline } from './deployment-state.js';
import type { Execution, QueuedRequest } from './shapes.js';

/** Where this run's deployment was recognised, after the request id was lost or never given. */
export interface Found {
  requestId?: string;
  executionId?: string;
  where: string;
}

/**
 * Reads the environment before the send: the status, the newest history page and the queue. A
 * request the rollback makes can only be told apart from what was already there by comparing.
 */
export async function readBaseline(ctx: QoveryContext): Promise<Baseline> {
  const status = await ctx.api.status('reading the environment status before the deploy request');
  const history = await ctx.api.history('reading the newest executions before the deploy request');
  const queue = await readQueue(ctx, "reading the environment's deployment queue before the deploy request");
  if (!queue) ctx.log.info('The deployment queue could not be read; the rollback goes on without it (a queued request cannot be named before sending).');
  return { lastDeploymentId: status.lastDeploymentId, requestId: status.deploymentRequestId, executionIds: new Set(history.map((e) => e.executionId)), queue: queue ?? [] };
}

/** The queue, or undefined when it cannot be read: it only adds knowledge, so its failure alone never stops a rollback. */
async function readQueue(ctx: QoveryContext, doing: string): Promise<QueuedRequest[] | undefined> {
  try {
    return await ctx.api.queue(doing);
  } catch (error) {
    if (error instanceof ActionError && !(error instanceof TimeoutError)) return undefined;
    throw error;
  }
}

/**
 * Whether an execution is this run's: new since the send, a DEPLOY (another person's RESTART or
 * STOP never is), listing every service the rollback sent on the version it sent.
 */
export function isOurExecution(execution: Execution, baseline: Baseline, targets: ReadonlyMap<string, string>): boolean {
  if (baseline.executionIds.has(execution.executionId) || execution.executionId === baseline.lastDeploymentId || execution.triggerAction !== 'DEPLOY') return false;
  return [...targets].every(([id, version]) => execution.services.some((service) => service.id === id && service.version === version));
}

/**
 * A queued request that carries this run's services and was not in the queue before the send; or
 * a request that was queued before and now also lists them (Qovery merged ours into it). The
 * queue shows no versions, so only the services can be compared.
 */
export function ourQueuedRequest(
  queue: readonly QueuedRequest[],
  baseline: Baseline,
  targets: ReadonlyMap<string, string>
): { request: QueuedRequest; merged: boolean } | undefined {
  const carries = (request: QueuedRequest) => request.action === 'DEPLOY' && [...targets.keys()].every((id) => request.serviceIds.includes(id));
  for (const request of queue) {
    const before = baseline.queue.find((old) => old.requestId === request.requestId);
    if (!before && carries(request)) return { request, merged: false };
    if (before && !carries(before) && carries(request)) return { request, merged: true };
  }
  return undefined;
}

/**
 * One look for this run's deployment in the status, the history and the queue: a queued rollback
 * is in neither of the first two. 'unread' when the queue could not be read: then the absence of
 * a trace proves nothing.
 */
export async function lookForOurs(ctx: QoveryContext, baseline: Baseline, targets: ReadonlyMap<string, string>, doing: string): Promise<Found | 'unread' | undefined> {
  const status = await ctx.api.status(doing);
  const history = await ctx.api.history(doing);
  const execution = history.find((e) => isOurExecution(e, baseline, targets));
  if (execution) {
    const requestId = status.lastDeploymentId === execution.executionId ? status.deploymentRequestId : undefined;
    return { executionId: execution.executionId, requestId, where: `execution ${execution.executionId} in the history` };
  }
  const queue = await readQueue(ctx, doing);
  if (!queue) return 'unread';
  const queued = ourQueuedRequest(queue, baseline, targets);
  if (queued)
    return {
      requestId: queued.request.requestId,
      where: `request ${queued.request.requestId} in the deployment queue${queued.merged ? ' (merged into a request queued before)' : ''}`
    };
  return undefined;
}
