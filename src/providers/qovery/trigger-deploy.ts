import { ActionError, TimeoutError } from '../../errors.js';
import type { ApiResponse } from '../../http/api-client.js';
import { backoffMs, resendPauseMs } from '../../http/retry-policy.js';
import { TransportError } from '../../http/transport-error.js';
import type { TriggerTracker } from '../provider.js';
import type { QoveryContext } from './context.js';
import type { Baseline, DeploymentTicket } from './deployment-state.js';
import { explainFailure } from './platform-errors.js';
import type { ServiceDeploy } from './qovery-api.js';
import { waitUntilIdle } from './wait-until-idle.js';

/**
 * How often, and how far apart, a lost answer is checked against the status and history before
 * concluding nothing happened: 15 s, as on every platform, so a request still being processed
 * when the connection broke has time to show.
 */
const VERIFY_CHECKS = 6;
const VERIFY_SPACING_MS = 3000;

/** `redeploy`: the environment as it is (`current`); `services`: the listed services on their versions. */
export type DeployRequest = { kind: 'redeploy' } | { kind: 'services'; services: ServiceDeploy[] };

export interface Triggered {
  ticket: DeploymentTicket;
  /** Set when the answer was lost and the deployment was found by reading state. */
  note?: string;
}

/**
 * Sends the deploy request so that it takes effect at most once. A 409 waits for the running
 * operation and sends again (the 409 was not acted on); a 429 waits as told. A lost answer or
 * any 5xx is never followed by a second request: the status and history are read, and a new
 * deployment there is followed; otherwise the run fails saying nothing was deployed.
 */
export async function triggerDeploy(ctx: QoveryContext, request: DeployRequest, tracker: TriggerTracker): Promise<Triggered> {
  const { api, deadline, log } = ctx;
  const doing = request.kind === 'redeploy' ? 'redeploying the environment' : 'sending the deploy request';
  let throttled = 0;
  let conflicts = 0;

  for (;;) {
    if (deadline.expired())
      throw new TimeoutError(`The timeout (${ctx.timeoutSeconds}s) ran out before the deploy request could be sent. Nothing was deployed.`, { changed: 'nothing' });
    // Taken just before the request that may be accepted: a deployment that blocked an earlier try also made a new id.
    const baseline = await readBaseline(ctx);
    tracker.mark('unknown');
    api.changed = 'unknown';
    let response: ApiResponse | undefined;
    let lost: string | undefined;
    try {
      response = request.kind === 'redeploy' ? await api.redeploy() : await api.deployServices(request.services);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      lost = `no answer: ${error.code}`;
    }

    if (response && response.status >= 200 && response.status < 300) {
      api.changed = 'accepted';
      tracker.mark('accepted');
      const requestId = requestIdOf(response.body);
      log.info(`Qovery accepted the deploy request (${response.status}${requestId ? `, deployment request ${requestId}` : ''}).`);
      return { ticket: { baseline, requestId } };
    }
    if (response && response.status < 500) {
      api.changed = 'nothing';
      tracker.mark('nothing');
    }
    if (response?.status === 409) {
      log.info('Qovery answered 409: another operation is in progress on the environment.');
      tracker.waitingToSend('another operation on the environment to finish');
      await waitUntilIdle(ctx);
      await deadline.sleep(Math.min(deadline.remainingMs(), resendPauseMs(response.headers['retry-after'], deadline.clock.now(), backoffMs(conflicts++, deadline.clock))));
      continue;
    }
    if (response?.status === 429) {
      const waitMs = resendPauseMs(response.headers['retry-after'], deadline.clock.now(), backoffMs(throttled++, deadline.clock));
      if (waitMs >= deadline.remainingMs()) throw explainFailure(response, { environmentId: api.environmentId, doing, changed: 'nothing' });
      log.info(`Qovery is throttling (429); sending the deploy request in ${(waitMs / 1000).toFixed(1)}s.`);
      await deadline.sleep(waitMs);
      continue;
    }
    if (response && response.status < 500) throw explainFailure(response, { environmentId: api.environmentId, doing, changed: 'nothing' });

    lost ??= `answered ${response!.status}`;
    log.warning(
      `The deploy request got no usable answer (${lost}). Reading the environment's status and history to learn whether Qovery acted on it; it will not be sent again.`,
      'Deploy answer lost'
    );
    const found = await findNewDeployment(ctx, baseline);
    if (found) {
      api.changed = 'accepted';
      tracker.mark('accepted');
      const note = `The deploy request's answer was lost (${lost}); following the deployment that appeared since (${found}).`;
      log.info(note);
      return { ticket: { baseline, executionId: found }, note };
    }
    api.changed = 'nothing';
    tracker.mark('nothing');
    throw new ActionError(
      'Deploy request got no answer',
      `${doing} got no usable answer (${lost}), and the environment shows no new deployment since (status and history read ${VERIFY_CHECKS} times over ${((VERIFY_CHECKS - 1) * VERIFY_SPACING_MS) / 1000}s). Nothing was deployed. The request was not repeated blindly; re-run the rollback once the API answers again.`,
      { changed: 'nothing' }
    );
  }
}

async function readBaseline(ctx: QoveryContext): Promise<Baseline> {
  const status = await ctx.api.status('reading the environment status before the deploy request');
  const history = await ctx.api.history('reading the newest execution before the deploy request');
  return { lastDeploymentId: status.lastDeploymentId, requestId: status.deploymentRequestId, newestExecutionId: history[0]?.executionId };
}

/** The id of a deployment that appeared after the baseline, in the status or the history, if any. */
async function findNewDeployment(ctx: QoveryContext, baseline: Baseline): Promise<string | undefined> {
  for (let check = 0; check < VERIFY_CHECKS; check++) {
    if (check > 0) await ctx.deadline.sleep(VERIFY_SPACING_MS);
    const status = await ctx.api.status('checking whether the deploy request took effect');
    if (status.lastDeploymentId && status.lastDeploymentId !== baseline.lastDeploymentId) return status.lastDeploymentId;
    const history = await ctx.api.history('checking whether the deploy request took effect');
    const newest = history[0]?.executionId;
    if (newest && newest !== baseline.newestExecutionId) return newest;
  }
  return undefined;
}

function requestIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const id = (body as Record<string, unknown>).deployment_request_id;
  return typeof id === 'string' && id !== '' ? id.toLowerCase() : undefined;
}
