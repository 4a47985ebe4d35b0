import { jittered } from '../../clock.js';
import { TimeoutError } from '../../errors.js';
import type { RollbackPlan } from '../provider.js';
import { operationForRollback } from './assess-cvm.js';
import type { PhalaContext } from './context.js';

/**
 * How long a redeploy whose answer was lost is watched before concluding the platform did not
 * act. The backend flips the hash at once but starts the update task later, and a request that
 * timed out on our side may still be processed: a few seconds would not prove anything.
 */
export const UNKNOWN_OUTCOME_WATCH_MS = 15_000;
const LIST_EVERY_MS = 1500;
const OPERATIONS_EVERY_MS = 5000;

export type TookEffect = 'acted' | 'not-acted' | 'undecided';

/**
 * Did a redeploy whose answer was lost take effect? Proof that it did: a CVM that did not run the
 * target hash before now shows it (the platform flips it on accepting), or an operation for the
 * target started since the send. "Did not act" needs the whole watch with neither, and no target
 * CVM busy at its end. When the run's deadline cuts the watch short, the answer is 'undecided'.
 */
export async function redeployTookEffect(ctx: PhalaContext, plan: RollbackPlan, sentAt: number): Promise<TookEffect> {
  try {
    return await watch(ctx, plan, sentAt);
  } catch (error) {
    // The run's deadline ended the watch (a read could no longer be sent): nothing was proven either way.
    if (error instanceof TimeoutError || ctx.deadline.expired()) return 'undecided';
    throw error;
  }
}

async function watch(ctx: PhalaContext, plan: RollbackPlan, sentAt: number): Promise<TookEffect> {
  const { api, deadline } = ctx;
  const ids = new Set(plan.toRedeploy.map((instance) => instance.id));
  // A CVM that already showed the target hash before the send proves nothing by showing it now.
  const moved = new Set(plan.toRedeploy.filter((instance) => instance.version !== plan.revision.version).map((instance) => instance.id));
  const startedAt = deadline.clock.now();
  let lastOperationsAt = startedAt;
  for (;;) {
    if (deadline.expired()) return 'undecided';
    const cvms = (await api.listAppCvms('checking whether the redeploy took effect')).filter((cvm) => ids.has(cvm.vmUuid));
    if (cvms.some((cvm) => moved.has(cvm.vmUuid) && cvm.composeHash === plan.revision.version)) return 'acted';
    const watched = deadline.clock.now() - startedAt;
    const busy = cvms.some((cvm) => cvm.inProgress);
    const finalLook = watched >= UNKNOWN_OUTCOME_WATCH_MS && !busy;
    if (finalLook || deadline.clock.now() - lastOperationsAt >= OPERATIONS_EVERY_MS || busy) {
      lastOperationsAt = deadline.clock.now();
      for (const cvm of cvms) {
        const operations = await api.listOperations(cvm.id, 10, 'checking whether the redeploy took effect');
        if (operationForRollback(operations, plan.revision.version, sentAt)) return 'acted';
      }
    }
    if (finalLook) return 'not-acted';
    const pause = jittered(deadline.clock, LIST_EVERY_MS, 0.2);
    if (deadline.remainingMs() <= pause) return 'undecided';
    await deadline.sleep(pause);
  }
}
