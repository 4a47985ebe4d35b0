import { TimeoutError } from '../../errors.js';
import { pollUntil } from '../../poll.js';
import type { RollbackPlan, TriggerTracker } from '../provider.js';
import type { PhalaContext } from './context.js';
import { describeCvm } from './select-cvms.js';
import type { CvmState } from './shapes.js';

/** A line at least this often while another operation is waited out. */
const HEARTBEAT_MS = 25_000;

export type IdleOutcome = { kind: 'idle' } | { kind: 'already-there'; reason: string };

/**
 * After a 409 ("another operation is in progress"): watch the CVMs until none of the targets
 * is busy, naming the operation that blocks, so the redeploy can then be sent once. If the
 * blocking operation brought the targets to the revision, report that instead. `ownRequestPending`
 * says an earlier request of this run may be what is running, so nothing here may claim that
 * nothing was redeployed.
 */
export async function waitUntilIdle(ctx: PhalaContext, plan: RollbackPlan, tracker: TriggerTracker, ownRequestPending = false): Promise<IdleOutcome> {
  const { api, log } = ctx;
  const targetIds = new Set(plan.toRedeploy.map((instance) => instance.id));
  const blockers = new Map<string, string>(); // vmUuid → description of the blocking operation
  let busy: CvmState[] = [];
  let lastLineAt = ctx.deadline.clock.now();

  const checkRound = async (): Promise<IdleOutcome | undefined> => {
    const cvms = (await api.listAppCvms('waiting for the running operation to finish')).filter((cvm) => targetIds.has(cvm.vmUuid));
    busy = cvms.filter((cvm) => cvm.inProgress);
    if (busy.length === 0) {
      const arrived = cvms.length === targetIds.size && cvms.every((cvm) => cvm.composeHash === plan.revision.version && cvm.status === 'running');
      if (arrived) {
        return {
          kind: 'already-there',
          reason: `the operation that was running (${[...blockers.values()].join('; ') || 'unnamed'}) left every target running the target compose hash`
        };
      }
      if (blockers.size > 0) log.info('The other operation has finished; sending the rollback now.');
      return { kind: 'idle' };
    }
    for (const cvm of busy) {
      if (blockers.has(cvm.vmUuid)) continue;
      const description = await describeBlocker(ctx, cvm);
      blockers.set(cvm.vmUuid, description);
      if (!ownRequestPending) tracker.waitingToSend(`${describeCvm(cvm)}: ${description}`);
      log.info(`${describeCvm(cvm)} is busy with ${description}; waiting for it to finish before sending the rollback.`);
      lastLineAt = ctx.deadline.clock.now();
    }
    // A long blocking operation must not look like a hung step.
    if (ctx.deadline.clock.now() - lastLineAt >= HEARTBEAT_MS) {
      lastLineAt = ctx.deadline.clock.now();
      log.info(`[${ctx.deadline.elapsedSeconds()}s] still waiting to send: ${busy.map((cvm) => `${describeCvm(cvm)} ${cvm.status}`).join(', ')}`);
    }
    return undefined;
  };

  const timedOut = () =>
    new TimeoutError(
      `Another operation was still running when the timeout (${ctx.timeoutSeconds}s) ran out: ${
        busy.map((cvm) => `${describeCvm(cvm)}: ${blockers.get(cvm.vmUuid) ?? `status ${cvm.status}`}`).join('; ') || 'the CVMs were busy'
      }. Re-run the rollback once it has finished, or raise timeout.`,
      { changed: ownRequestPending ? 'unknown' : 'nothing' }
    );

  return pollUntil(ctx.deadline, checkRound, timedOut);
}

async function describeBlocker(ctx: PhalaContext, cvm: CvmState): Promise<string> {
  const operations = await ctx.api.listOperations(cvm.id, 5, 'naming the operation in progress');
  const running = operations.find((op) => op.status === 'in_progress');
  if (running) return `operation ${running.operationType} (correlation id ${running.correlationId}, started ${running.startedAt})`;
  const progress = cvm.progress;
  return progress?.correlationId ? `an operation towards '${progress.target ?? cvm.status}' (correlation id ${progress.correlationId})` : `an operation (status ${cvm.status})`;
}
