import type { ApiResponse } from '../../http/api-client.js';
import { sendOnce } from '../../trust/send-once.js';
import { mirroredTracker } from '../../trust/trigger-tracker.js';
import type { TriggerTracker } from '../provider.js';
import type { QoveryContext } from './context.js';
import type { DeploymentTicket } from './deployment-state.js';
import { lookForOurs, readBaseline, type Found } from './find-ours.js';
import { explainFailure } from './platform-errors.js';
import type { ServiceDeploy } from './qovery-api.js';
import type { QueuedRequest } from './shapes.js';
import { waitUntilIdle } from './wait-until-idle.js';

/** `redeploy`: the environment as it is (`current`); `services`: the listed services on their versions. */
export type DeployRequest = { kind: 'redeploy' } | { kind: 'services'; services: ServiceDeploy[] };

export interface Triggered {
  ticket: DeploymentTicket;
  /** Set when the answer was lost and the deployment was found by reading state. */
  note?: string;
}

/** A small margin past X-RateLimit-Reset: it is in whole seconds, and clocks differ a little. */
const RESET_MARGIN_MS = 500;

/**
 * Qovery's 429 carries no Retry-After; X-RateLimit-Reset is when the budget comes back, a Unix
 * time (Qovery/documentation docs/api-reference/introduction.mdx, "Rate Limits"). The one resend
 * waits for it; a Retry-After, if a proxy adds one, goes through the shared rule.
 */
export function throttlePauseMs(response: ApiResponse, now: number): number | undefined {
  if (response.headers['retry-after'] !== undefined) return undefined;
  const raw = response.headers['x-ratelimit-reset'];
  const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!text || !/^\d{1,12}$/.test(text)) return undefined;
  const resetAt = Number(text) * 1000;
  return Math.max(0, resetAt - now) + RESET_MARGIN_MS;
}

/**
 * Sends the deploy request through the shared exactly-once rules. Qovery's facts: the request,
 * how a 409 is waited out, how the queue, status and history show whether a lost request took
 * effect, and how a 429 is paced. Before sending, a queued request Qovery could merge ours into
 * is named.
 */
export async function triggerDeploy(ctx: QoveryContext, request: DeployRequest, targets: ReadonlyMap<string, string>, tracker: TriggerTracker): Promise<Triggered> {
  const { api, deadline, log } = ctx;
  const doing = request.kind === 'redeploy' ? 'redeploying the environment' : 'sending the deploy request';
  let baseline = await readBaseline(ctx);
  warnAboutQueue(ctx, baseline.queue);

  const outcome = await sendOnce<Found>({
    name: 'deploy request',
    platform: 'Qovery',
    deadline,
    log,
    timeoutSeconds: ctx.timeoutSeconds,
    tracker: mirroredTracker(api, tracker),
    send: () => (request.kind === 'redeploy' ? api.redeploy() : api.deployServices(request.services)),
    explainRefusal: (response) => explainFailure(response, { environmentId: api.environmentId, doing, changed: 'nothing' }),
    // The OpenAPI document still lists 409 "Operation is in progress" for these endpoints.
    waitUntilFree: async () => {
      tracker.waitingToSend('another operation on the environment to finish');
      await waitUntilIdle(ctx);
      baseline = await readBaseline(ctx);
      return { kind: 'free' as const };
    },
    throttlePauseMs,
    maxThrottledResends: 1,
    probe: async () => {
      const found = await lookForOurs(ctx, baseline, targets, 'checking whether the deploy request took effect');
      // Without the queue a queued rollback would look like no trace at all: keep watching.
      if (found === 'unread') return { state: 'busy' as const };
      return found ? { state: 'acted' as const, evidence: found } : { state: 'quiet' as const };
    },
    whereToLook: "the environment's deployment queue and history in the Qovery console"
  });

  switch (outcome.kind) {
    case 'already-there':
      // waitUntilFree never reports it for Qovery; kept total for the type.
      return { ticket: { baseline, targets } };
    case 'found': {
      const note = `The deploy request's answer was lost (${outcome.lost}); following ${outcome.evidence.where}.`;
      log.info(note);
      return { ticket: { baseline, targets, requestId: outcome.evidence.requestId, executionId: outcome.evidence.executionId }, note };
    }
    case 'accepted': {
      const response = outcome.response;
      const requestId = requestIdOf(response.body);
      const how = response.notJson
        ? ', with a body that is not JSON: the deployment is looked up'
        : requestId
          ? `, deployment request ${requestId}`
          : ', without a deployment request id: the deployment is looked up';
      log.info(`Qovery accepted the deploy request (${response.status}${how}).`);
      const merged = requestId ? baseline.queue.find((queued) => queued.requestId === requestId) : undefined;
      if (merged) {
        log.warning(
          `Qovery merged the rollback into request ${merged.requestId} (${merged.action.toLowerCase()} by ${merged.triggeredBy || 'unknown'}, queued before it): they deploy together, and the versions are checked once it ends.`,
          'Deploy request merged'
        );
      }
      return { ticket: { baseline, targets, requestId } };
    }
  }
}

/**
 * Qovery queues a request while another deployment runs, and merges queued requests of the same
 * action by the same user (Qovery/documentation docs/configuration/deployment/actions.mdx,
 * "Queueing and Merging"). A queued DEPLOY made with the same token would absorb the rollback.
 */
function warnAboutQueue(ctx: QoveryContext, queue: readonly QueuedRequest[]): void {
  if (queue.length === 0) return;
  const deploys = queue.filter((request) => request.action === 'DEPLOY');
  ctx.log.info(`Qovery's deployment queue holds ${queue.length} request${queue.length === 1 ? '' : 's'}: the rollback will run after ${queue.length === 1 ? 'it' : 'them'}.`);
  if (deploys.length === 0) return;
  const list = deploys.map((request) => `${request.requestId} by ${request.triggeredBy || 'unknown'} (${request.serviceNames.join(', ') || 'no services listed'})`).join('; ');
  ctx.log.warning(
    `Queued deploy request${deploys.length === 1 ? '' : 's'} ${list}. Qovery merges queued requests of the same action by the same user: if one was made with this token, the rollback joins it and both deploy together, and where both name a service only one version runs. The run checks the versions once the deployment ends; cancel the queued request in the console if it must not go out.`,
    'Deploy request may be merged'
  );
}

function requestIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const id = (body as Record<string, unknown>).deployment_request_id;
  return typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.toLowerCase() : undefined;
}
