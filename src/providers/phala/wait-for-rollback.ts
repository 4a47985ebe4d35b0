import { ActionError, TimeoutError } from '../../errors.js';
import { shortHash } from '../../hash.js';
import { pollUntil } from '../../poll.js';
import type { RollbackPlan, TriggerReceipt, WaitTracker } from '../provider.js';
import { assessCvm, FAILED_STATUSES, operationForRollback, type Verdict } from './assess-cvm.js';
import type { PhalaContext } from './context.js';
import { describeCvm } from './select-cvms.js';
import type { CvmState, OperationRecord } from './shapes.js';

const OPERATIONS_LOOKUP_LIMIT = 10;

/**
 * Waits until every redeployed CVM provably runs the target revision. One request per round
 * covers all CVMs (GET /apps/{id}/cvms); operation records are read only for a CVM whose state
 * alone cannot tell (settled without having been seen in progress, or settled failed).
 */
export async function waitForRollback(ctx: PhalaContext, plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
  const target = plan.revision.version;
  const seenUpdating = new Set<string>();
  const lastLine = new Map<string, string>();
  const pending = new Map<string, { cvm: CvmState; why: string }>();
  const remaining = new Set(plan.toRedeploy.map((instance) => instance.id));

  const checkRound = async (): Promise<true | undefined> => {
    const cvms = await ctx.api.listAppCvms('watching the rollback');
    for (const vmUuid of [...remaining]) {
      const cvm = cvms.find((candidate) => candidate.vmUuid === vmUuid);
      if (!cvm) {
        throw new ActionError('CVM disappeared during the rollback', `CVM ${vmUuid} is no longer listed for app ${plan.appId}. It may have been deleted while the rollback ran; check the dashboard.`);
      }
      if (cvm.inProgress) seenUpdating.add(vmUuid);
      const needsRecord = !cvm.inProgress && (!seenUpdating.has(vmUuid) || FAILED_STATUSES.has(cvm.status));
      const operation = needsRecord ? await latestRollbackOperation(ctx, cvm, target, receipt.acceptedAt) : undefined;
      const verdict = assessCvm(cvm, target, { seenUpdating: seenUpdating.has(vmUuid), operation });
      report(ctx, cvm, verdict, lastLine);
      if (verdict.kind === 'failed') {
        throw new ActionError(
          'Rollback failed on the platform',
          `${describeCvm(cvm)}: ${verdict.why}. Target revision ${plan.revision.id} (compose hash ${target}). Look at the CVM's logs in the Phala Cloud dashboard before trying again.`
        );
      }
      if (verdict.kind === 'done') {
        remaining.delete(vmUuid);
        pending.delete(vmUuid);
      } else pending.set(vmUuid, { cvm, why: verdict.why });
    }
    return remaining.size === 0 ? true : undefined;
  };

  const timedOut = () => {
    const still = [...remaining]
      .map((vmUuid) => {
        const entry = pending.get(vmUuid);
        return entry ? `${describeCvm(entry.cvm)}: ${entry.why}, compose hash ${shortHash(entry.cvm.composeHash)}` : `${vmUuid}: state not read yet`;
      })
      .join('; ');
    return new TimeoutError(
      `The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the rollback. Still pending: ${still}. The redeploy was accepted and may still finish on its own: watch the CVMs in the Phala Cloud dashboard, and do not trigger another rollback until they settle.`
    );
  };

  await pollUntil(ctx.deadline, checkRound, timedOut);
}

async function latestRollbackOperation(ctx: PhalaContext, cvm: CvmState, target: string, sentAt: number): Promise<OperationRecord | undefined> {
  const operations = await ctx.api.listOperations(cvm.id, OPERATIONS_LOOKUP_LIMIT, "reading the CVM's operations");
  return operationForRollback(operations, target, sentAt);
}

function report(ctx: PhalaContext, cvm: CvmState, verdict: Verdict, lastLine: Map<string, string>): void {
  const state =
    verdict.kind === 'done' ? `running compose hash ${shortHash(cvm.composeHash)}: rollback complete` : verdict.kind === 'failed' ? `failed: ${verdict.why}` : verdict.why;
  if (lastLine.get(cvm.vmUuid) === state) return;
  lastLine.set(cvm.vmUuid, state);
  ctx.log.info(`[${ctx.deadline.elapsedSeconds()}s] ${describeCvm(cvm)}: ${state}`);
}
