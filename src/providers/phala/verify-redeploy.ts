import type { Probe } from '../../trust/send-once.js';
import type { RollbackPlan } from '../provider.js';
import { operationForRollback } from './assess-cvm.js';
import type { PhalaContext } from './context.js';

const OPERATIONS_EVERY_MS = 5000;
/** The shared watch decides after 15 s; operation records are read on every look from then on. */
const VERDICT_NEAR_MS = 13_500;

/**
 * The Phala facts for a redeploy whose answer was lost. Proof that it acted: a CVM that did not
 * run the target hash before now shows it (the platform flips it on accepting), or an operation
 * for the target started since the send. A target CVM still busy, or not listed at all, keeps the
 * watch going: only targets seen idle without a trace prove that nothing happened.
 */
export function redeployProbe(ctx: PhalaContext, plan: RollbackPlan): (sentAt: number, watchedMs: number) => Promise<Probe<'acted'>> {
  const ids = new Set(plan.toRedeploy.map((instance) => instance.id));
  // A CVM that already showed the target hash before the send proves nothing by showing it now.
  const moved = new Set(plan.toRedeploy.filter((instance) => instance.version !== plan.revision.version).map((instance) => instance.id));
  let lastOperationsAt = ctx.deadline.clock.now();
  return async (sentAt, watchedMs) => {
    const doing = 'checking whether the redeploy took effect';
    const cvms = (await ctx.api.listAppCvms(doing)).filter((cvm) => ids.has(cvm.vmUuid));
    if (cvms.some((cvm) => moved.has(cvm.vmUuid) && cvm.composeHash === plan.revision.version)) return { state: 'acted', evidence: 'acted' };
    // A targeted CVM missing from the list (a proxy's stale page, a hostile answer) shows no trace
    // because it was not shown: that is no proof the redeploy was not acted on, so the watch goes on.
    const busy = cvms.some((cvm) => cvm.inProgress) || new Set(cvms.map((cvm) => cvm.vmUuid)).size < ids.size;
    if (busy || watchedMs >= VERDICT_NEAR_MS || ctx.deadline.clock.now() - lastOperationsAt >= OPERATIONS_EVERY_MS) {
      lastOperationsAt = ctx.deadline.clock.now();
      for (const cvm of cvms) {
        const operations = await ctx.api.listOperations(cvm.id, 10, doing);
        if (operationForRollback(operations, plan.revision.version, sentAt)) return { state: 'acted', evidence: 'acted' };
      }
    }
    return busy ? { state: 'busy' } : { state: 'quiet' };
  };
}
