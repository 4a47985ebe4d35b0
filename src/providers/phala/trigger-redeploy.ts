import { ActionError, TimeoutError } from '../../errors.js';
import type { ApiResponse } from '../../http/api-client.js';
import { backoffMs, MIN_RESEND_PAUSE_MS, resendPauseMs } from '../../http/retry-policy.js';
import { TransportError } from '../../http/transport-error.js';
import type { RollbackPlan, TriggerOutcome, TriggerReceipt, TriggerTracker } from '../provider.js';
import type { PhalaContext } from './context.js';
import { explainFailure } from './platform-errors.js';
import { redeployTookEffect } from './verify-redeploy.js';
import { waitUntilIdle } from './wait-until-idle.js';

/** Sends allowed when the platform verifiably did not act on the previous one. */
const MAX_SENDS = 3;
/**
 * Sends the redeploy so that it takes effect exactly once.
 * - 2xx: accepted, whatever the body (the API documents it as untyped).
 * - 409 / 429: the platform did not act; wait (the operation that blocks, or the throttle) and
 *   send again, at least 1 s and at most 60 s later.
 * - Any other 4xx: a clear no (nothing was redeployed), explained.
 * - Anything else (a 3xx, a 5xx, an odd status, a lost connection, a timeout): unknown outcome.
 *   The platform is watched until it shows the change or has verifiably not acted; only then
 *   may the request be sent again.
 */
export async function triggerRedeploy(ctx: PhalaContext, plan: RollbackPlan, transactionHash: string | undefined, tracker: TriggerTracker): Promise<TriggerOutcome> {
  const { api, deadline, log } = ctx;
  const vmUuids = plan.toRedeploy.map((instance) => instance.id);
  const doing = `triggering the redeploy of revision ${plan.revision.id}`;
  let sends = 0;
  let throttled = 0;
  let conflicts = 0;
  /** The first send whose outcome was unknown: if a later check finds the rollback done, it was that one. */
  let unclearSince: number | undefined;

  const mark = (state: 'nothing' | 'unknown' | 'accepted') => {
    api.changed = state;
    tracker.mark(state);
  };
  const refusedContext = () => ({
    appId: plan.appId,
    doing,
    revisionId: plan.revision.id,
    composeHash: plan.revision.version,
    changed: unclearSince === undefined ? ('nothing' as const) : ('unknown' as const),
    apiUrl: api.apiUrl
  });

  for (;;) {
    if (deadline.expired()) {
      throw new TimeoutError(`The timeout (${ctx.timeoutSeconds}s) ran out before the redeploy could be sent.`, { changed: unclearSince === undefined ? 'nothing' : 'unknown' });
    }
    const sentAt = api.serverNow();
    sends++;
    mark('unknown');
    let response: ApiResponse | undefined;
    let lost: string | undefined;
    try {
      response = await api.redeploy(plan.revision.id, vmUuids, transactionHash);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      lost = `no answer: ${error.code}`;
    }

    if (response && response.status >= 200 && response.status < 300) {
      mark('accepted');
      log.info(`Phala Cloud accepted the redeploy (${response.status}${response.notJson ? ', with a body that is not JSON' : ''}).`);
      return { kind: 'triggered', receipt: receiptFrom(response, sentAt) };
    }
    if (response?.status === 409) {
      sends--; // refused, not acted on
      if (unclearSince === undefined) mark('nothing');
      log.info('Phala Cloud answered 409: another operation is in progress on the CVMs.');
      const idle = await waitUntilIdle(ctx, plan, tracker, unclearSince !== undefined);
      if (idle.kind === 'already-there') {
        if (unclearSince !== undefined) {
          // Our own earlier request is what ran: follow it to completion rather than call it skipped.
          mark('accepted');
          return { kind: 'triggered', receipt: { acceptedAt: unclearSince, note: 'an earlier redeploy request of this run, whose answer was lost, took effect' } };
        }
        return idle;
      }
      await pause(ctx, resendPauseMs(response.headers['retry-after'], deadline.clock.now(), backoffMs(conflicts++, deadline.clock)), response);
      continue;
    }
    if (response?.status === 429) {
      sends--;
      if (unclearSince === undefined) mark('nothing');
      const waitMs = resendPauseMs(response.headers['retry-after'], deadline.clock.now(), backoffMs(throttled++, deadline.clock));
      if (waitMs >= deadline.remainingMs()) throw explainFailure(response, refusedContext());
      log.info(`Phala Cloud is throttling (429); sending the redeploy in ${(waitMs / 1000).toFixed(1)}s.`);
      await deadline.sleep(waitMs);
      continue;
    }
    if (response && response.status >= 400 && response.status < 500) {
      if (unclearSince === undefined) mark('nothing');
      throw explainFailure(response, refusedContext());
    }

    // A 3xx (never followed: it would re-send), a 5xx, an odd status or a lost answer.
    lost ??= `answered ${response!.status}`;
    unclearSince ??= sentAt;
    log.warning(
      `The redeploy request got no usable answer (${lost}). Watching the CVMs to learn whether Phala Cloud acted on it; it is not sent again unless the platform verifiably did not.`,
      'Redeploy answer lost'
    );
    const verdict = await redeployTookEffect(ctx, plan, sentAt);
    if (verdict === 'acted') {
      mark('accepted');
      log.info('The CVMs show that Phala Cloud acted on the redeploy; waiting for it instead of sending it again.');
      return { kind: 'triggered', receipt: { acceptedAt: unclearSince, note: `the redeploy's answer was lost (${lost}), and the platform shows it acted` } };
    }
    if (verdict === 'undecided') {
      throw new TimeoutError(
        `The timeout (${ctx.timeoutSeconds}s) ran out while checking whether a redeploy whose answer was lost (${lost}) took effect. It may still take effect: watch the CVMs in the Phala Cloud dashboard before re-running.`,
        { changed: 'unknown' }
      );
    }
    if (sends >= MAX_SENDS) {
      mark('nothing');
      throw new ActionError(
        'Redeploy could not be sent',
        `${sends} redeploy requests got no usable answer (last: ${lost}), and Phala Cloud shows no trace of any of them: the CVMs still run their old compose hash and no update started. The API or the network path to it is failing; try again shortly.`,
        { changed: 'nothing' }
      );
    }
    mark('nothing');
    unclearSince = undefined;
    log.info('Phala Cloud shows no trace of it (no compose hash change, no operation, nothing busy). Sending it again.');
    await deadline.sleep(Math.max(MIN_RESEND_PAUSE_MS, backoffMs(sends, deadline.clock)));
  }
}

async function pause(ctx: PhalaContext, ms: number, response: ApiResponse): Promise<void> {
  if (ms >= ctx.deadline.remainingMs()) {
    throw new TimeoutError(`The timeout (${ctx.timeoutSeconds}s) ran out while ${response.endpoint} kept answering ${response.status}.`, { changed: ctx.api.changed });
  }
  await ctx.deadline.sleep(ms);
}

/** The 202's body is untyped; a correlation id in it, if any, ties the operation record to this request. */
function receiptFrom(response: ApiResponse, sentAt: number): TriggerReceipt {
  const body = response.body as { correlation_id?: unknown } | undefined;
  const correlation = body && typeof body === 'object' && typeof body.correlation_id === 'string' && /^[\w-]{1,128}$/.test(body.correlation_id) ? body.correlation_id : undefined;
  return { acceptedAt: sentAt, ref: correlation };
}
