import { ActionError, TimeoutError } from '../../errors.js';
import type { ApiResponse } from '../../http/api-client.js';
import { backoffMs, parseRetryAfter } from '../../http/retry-policy.js';
import { TransportError } from '../../http/transport-error.js';
import type { RollbackPlan, TriggerOutcome, TriggerTracker } from '../provider.js';
import { operationForRollback } from './assess-cvm.js';
import type { PhalaContext } from './context.js';
import { explainFailure } from './platform-errors.js';
import { waitUntilIdle } from './wait-until-idle.js';

/** Sends allowed when the platform verifiably did not act on the previous one. */
const MAX_SENDS = 3;
const VERIFY_CHECKS = 3;
const VERIFY_SPACING_MS = 2000;
const MIN_CONFLICT_PAUSE_MS = 500;

/**
 * Sends the redeploy so that it takes effect exactly once. A 409 waits for the running operation
 * and sends again (the 409 was not acted on). A lost answer — reset, timeout, any 5xx — is
 * never simply repeated: the CVMs and their operations are read first, and the request is sent
 * again only if the platform shows no trace of it.
 */
export async function triggerRedeploy(ctx: PhalaContext, plan: RollbackPlan, transactionHash: string | undefined, tracker: TriggerTracker): Promise<TriggerOutcome> {
  const { api, deadline, log } = ctx;
  const vmUuids = plan.toRedeploy.map((instance) => instance.id);
  // Every answer explained here is one the platform did not act on.
  const refused = { appId: plan.appId, doing: `triggering the redeploy of revision ${plan.revision.id}`, revisionId: plan.revision.id, composeHash: plan.revision.version, nothingChanged: true };
  let sends = 0;
  let throttled = 0;
  let conflicts = 0;

  for (;;) {
    if (deadline.expired()) throw new TimeoutError(`The timeout (${ctx.timeoutSeconds}s) ran out before the redeploy could be sent. Nothing was redeployed.`);
    const sentAt = api.serverNow();
    sends++;
    let response: ApiResponse | undefined;
    let lost: string | undefined;
    try {
      response = await api.redeploy(plan.revision.id, vmUuids, transactionHash);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      lost = `no answer: ${error.code}`;
    }

    if (response && response.status >= 200 && response.status < 300) {
      api.mayHaveTriggered = true;
      log.info(`Phala Cloud accepted the redeploy (${response.status}).`);
      return { kind: 'triggered', receipt: { acceptedAt: sentAt } };
    }
    if (response?.status === 409) {
      sends--; // refused, not acted on
      log.info('Phala Cloud answered 409: another operation is in progress on the CVMs.');
      const idle = await waitUntilIdle(ctx, plan);
      if (idle.kind === 'already-there') return idle;
      // The CVMs may read idle while the platform still says busy: back off instead of hammering it.
      await deadline.sleep(Math.max(MIN_CONFLICT_PAUSE_MS, backoffMs(conflicts++, deadline.clock)));
      continue;
    }
    if (response?.status === 429) {
      sends--;
      const waitMs = parseRetryAfter(response.headers['retry-after'], deadline.clock.now()) ?? backoffMs(throttled++, deadline.clock);
      if (waitMs >= deadline.remainingMs()) throw explainFailure(response, refused);
      log.info(`Phala Cloud is throttling (429); sending the redeploy in ${(waitMs / 1000).toFixed(1)}s.`);
      await deadline.sleep(waitMs);
      continue;
    }
    // Any 5xx leaves the outcome unknown (a 500 may come after the platform acted); all else is a clear no.
    if (response && response.status < 500) {
      throw explainFailure(response, refused);
    }

    // The platform may have acted: find out before anything else is sent.
    lost ??= `answered ${response!.status}`;
    api.mayHaveTriggered = true;
    log.warning(`The redeploy request got no usable answer (${lost}). Checking the CVMs to learn whether Phala Cloud acted on it; it will not be sent again blindly.`, 'Redeploy answer lost');
    if (await redeployTookEffect(ctx, plan, sentAt)) {
      log.info('The CVMs show the redeploy was accepted; waiting for it instead of sending it again.');
      return { kind: 'triggered', receipt: { acceptedAt: sentAt } };
    }
    api.mayHaveTriggered = false;
    if (sends >= MAX_SENDS) {
      throw new ActionError(
        'Redeploy could not be sent',
        `${sends} redeploy requests got no usable answer (last: ${lost}), and Phala Cloud shows no trace of any of them: the CVMs still run their old compose hash and no update started. Nothing was redeployed. The API or the network path to it is failing; try again shortly.`
      );
    }
    log.info('Phala Cloud shows no trace of it (no compose hash change, no operation). Sending it again.');
    await deadline.sleep(backoffMs(sends, deadline.clock));
  }
}

/**
 * Did a redeploy whose answer was lost take effect? The platform flips the compose hash when it
 * accepts, so any redeployed CVM now on the target hash is proof; an operation for the target
 * hash started since the send is proof too. Checked a few times, since a timed-out request may
 * still be processed after the client gave up.
 */
async function redeployTookEffect(ctx: PhalaContext, plan: RollbackPlan, sentAt: number): Promise<boolean> {
  const { api, deadline } = ctx;
  const ids = new Set(plan.toRedeploy.map((instance) => instance.id));
  // A CVM that already showed the target hash before the send proves nothing by showing it now.
  const moved = new Set(plan.toRedeploy.filter((instance) => instance.version !== plan.revision.version).map((instance) => instance.id));
  for (let check = 0; check < VERIFY_CHECKS; check++) {
    if (check > 0) await deadline.sleep(VERIFY_SPACING_MS);
    const cvms = (await api.listAppCvms('checking whether the redeploy took effect')).filter((cvm) => ids.has(cvm.vmUuid));
    if (cvms.some((cvm) => moved.has(cvm.vmUuid) && cvm.composeHash === plan.revision.version)) return true;
    if (check === VERIFY_CHECKS - 1) {
      for (const cvm of cvms) {
        const operations = await api.listOperations(cvm.id, 10, 'checking whether the redeploy took effect');
        if (operationForRollback(operations, plan.revision.version, sentAt)) return true;
      }
    }
  }
  return false;
}
