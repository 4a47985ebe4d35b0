import type { ApiResponse } from '../../http/api-client.js';
import { sendOnce } from '../../trust/send-once.js';
import { mirroredTracker } from '../../trust/trigger-tracker.js';
import type { RollbackPlan, TriggerOutcome, TriggerReceipt, TriggerTracker } from '../provider.js';
import type { PhalaContext } from './context.js';
import { explainFailure } from './platform-errors.js';
import { redeployProbe } from './verify-redeploy.js';
import { waitUntilIdle } from './wait-until-idle.js';

/**
 * Phala's documented refusals beyond the shared ones: the compose hash is not registered on-chain
 * (465), the transaction is invalid or expired (466), failed verification (467), or the hash is
 * not allowed (468). Each comes before the backend touches a CVM.
 */
const PHALA_REFUSALS = [465, 466, 467, 468];

/**
 * Sends the redeploy through the shared exactly-once rules; Phala supplies its facts: the request,
 * how a 409's blocking operation is waited out, and how a lost answer is read back from the CVMs.
 */
export async function triggerRedeploy(ctx: PhalaContext, plan: RollbackPlan, transactionHash: string | undefined, tracker: TriggerTracker): Promise<TriggerOutcome> {
  const { api, deadline, log } = ctx;
  const vmUuids = plan.toRedeploy.map((instance) => instance.id);
  const doing = `triggering the redeploy of revision ${plan.revision.id}`;
  const outcome = await sendOnce({
    name: 'redeploy',
    platform: 'Phala Cloud',
    deadline,
    log,
    timeoutSeconds: ctx.timeoutSeconds,
    tracker: mirroredTracker(api, tracker),
    now: () => api.serverNow(),
    send: () => api.redeploy(plan.revision.id, vmUuids, transactionHash),
    extraRefusals: PHALA_REFUSALS,
    explainRefusal: (response) =>
      explainFailure(response, { appId: plan.appId, doing, revisionId: plan.revision.id, composeHash: plan.revision.version, changed: 'nothing', apiUrl: api.apiUrl }),
    waitUntilFree: async () => waitUntilIdle(ctx, plan, tracker).then((idle) => (idle.kind === 'idle' ? { kind: 'free' as const } : idle)),
    probe: redeployProbe(ctx, plan),
    whereToLook: 'the CVMs in the Phala Cloud dashboard'
  });
  switch (outcome.kind) {
    case 'already-there':
      return outcome;
    case 'accepted':
      log.info(`Phala Cloud accepted the redeploy (${outcome.response.status}${outcome.response.notJson ? ', with a body that is not JSON' : ''}).`);
      return { kind: 'triggered', receipt: receiptFrom(outcome.response, outcome.sentAt) };
    case 'found':
      return { kind: 'triggered', receipt: { acceptedAt: outcome.sentAt, note: `the redeploy's answer was lost (${outcome.lost}), and the platform shows it acted` } };
  }
}

/** The 202's body is untyped; a correlation id in it, if any, ties the operation record to this request. */
function receiptFrom(response: ApiResponse, sentAt: number): TriggerReceipt {
  const body = response.body as { correlation_id?: unknown } | undefined;
  const correlation = body && typeof body === 'object' && typeof body.correlation_id === 'string' && /^[\w-]{1,128}$/.test(body.correlation_id) ? body.correlation_id : undefined;
  return { acceptedAt: sentAt, ref: correlation };
}
