import { shortHash } from '../hash.js';
import type { RollbackPlan } from '../providers/provider.js';

/**
 * How far the run got. Updated by the pipeline and read by the cancellation handler and the
 * failure report, because "was anything redeployed?" decides whether re-running is safe.
 */
export interface RunProgress {
  phase: 'starting' | 'planning' | 'triggering' | 'waiting' | 'done';
  platform?: string;
  appId?: string;
  plan?: RollbackPlan;
}

export function describeCancellation(progress: RunProgress): string {
  const plan = progress.plan;
  switch (progress.phase) {
    case 'triggering':
      return `Cancelled while the redeploy was being sent (or while waiting for the platform to be free to take it): it may have been accepted. Check the CVMs (${plan?.toRedeploy.map((i) => i.name).join(', ')}) in the ${progress.platform ?? 'platform'} dashboard before re-running.`;
    case 'waiting':
      return `Cancelled while waiting: the rollback of app ${plan?.appId} to revision ${plan?.revision.id} (compose hash ${plan ? shortHash(plan.revision.version) : '?'}) was triggered on ${plan?.toRedeploy.map((i) => `${i.name} (${i.id})`).join(', ')} and is still running on ${progress.platform ?? 'the platform'}. It will finish on its own; do not trigger it again, watch the CVMs instead.`;
    case 'done':
      return 'Cancelled after the rollback had finished.';
    default:
      return 'Cancelled before any redeploy was sent: nothing was changed.';
  }
}

/** Said after a failure, so the reader knows whether the platform was touched. */
export function describeSafety(progress: RunProgress): string {
  switch (progress.phase) {
    case 'triggering':
      return 'The redeploy request may have reached the platform: check the CVMs before re-running.';
    case 'waiting':
    case 'done':
      return 'The redeploy was accepted by the platform; check the CVMs before re-running.';
    default:
      return 'Nothing was redeployed.';
  }
}
