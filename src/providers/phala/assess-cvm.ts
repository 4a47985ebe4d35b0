import { shortHash } from './hash.js';
import type { CvmState, OperationRecord } from './shapes.js';

/** Statuses a CVM settles in when it is not serving. Only running and stopped are stable, per the API. */
export const FAILED_STATUSES: ReadonlySet<string> = new Set(['stopped', 'error', 'exited']);

/**
 * Operations that never activate a compose file. Everything else may be the rollback: the
 * backend's names vary (compose_update, update, activate_revision, …) and more may come.
 */
const NOT_ACTIVATION = /^(restart|reboot|start|stop|shutdown|power_on|power_off|poweron|poweroff|delete|destroy|resize|backup|snapshot|attach|detach|ssh|logs?)([_.-]|$)/i;

export type Verdict = { kind: 'done' } | { kind: 'pending'; why: string; needsRecord: boolean } | { kind: 'failed'; why: string };

export interface Evidence {
  /** The CVM was seen busy (in_progress or progress.target) after the trigger. */
  seenUpdating: boolean;
  /** The operation record of this rollback on this CVM, if one has been matched. */
  operation?: OperationRecord;
}

/**
 * Where one CVM stands in the rollback. The platform flips compose_hash the moment the redeploy
 * is accepted and starts the update later, and a failed update can leave the old container
 * serving with the CVM `running` on the new hash. So the state alone proves nothing.
 *
 * The one success condition: the operation record of this rollback was read and says
 * `completed`, and the CVM has settled: not busy, `running`, on the target hash.
 */
export function assessCvm(cvm: CvmState, targetHash: string, evidence: Evidence): Verdict {
  const op = evidence.operation;
  if (op?.status === 'failed') {
    return { kind: 'failed', why: `the update failed: ${op.errorMessage ?? 'Phala Cloud gave no error message'} (operation ${op.operationType}, ${op.correlationId})` };
  }
  if (cvm.inProgress) return { kind: 'pending', why: `${cvm.status}, update in progress`, needsRecord: false };
  const onTarget = cvm.status === 'running' && cvm.composeHash === targetHash;
  if (op?.status === 'completed') {
    if (onTarget) return { kind: 'done' };
    if (FAILED_STATUSES.has(cvm.status)) return { kind: 'failed', why: `the update completed but the CVM then settled ${cvm.status}` };
    if (cvm.status === 'running') {
      return {
        kind: 'failed',
        why: `the update ended with the CVM running compose hash ${shortHash(cvm.composeHash)}, not the target; another deploy may have replaced the rollback`
      };
    }
    return { kind: 'pending', why: `${cvm.status}, operation completed, waiting for the CVM to settle`, needsRecord: false };
  }
  if (evidence.seenUpdating && FAILED_STATUSES.has(cvm.status)) {
    return { kind: 'failed', why: `the update ended with the CVM ${cvm.status}${op?.errorMessage ? `: ${op.errorMessage}` : ''}` };
  }
  if (op) return { kind: 'pending', why: `${cvm.status}, operation ${op.operationType} ${op.status}`, needsRecord: true };
  if (!evidence.seenUpdating) return { kind: 'pending', why: `${cvm.status}, update not started yet`, needsRecord: true };
  return { kind: 'pending', why: `${cvm.status}, update finished; confirming with its operation record`, needsRecord: true };
}

/**
 * The operation record of this rollback on one CVM, or undefined when none can be matched yet
 * (then the caller keeps waiting; it never guesses). A record whose correlation id the CVM showed
 * while busy after the trigger (or the redeploy's answer named) is this rollback's. Otherwise the
 * newest record that started after the redeploy was sent (on the platform's clock, with slack for
 * the Date header's one-second resolution), is an activation (not a restart, power or resize
 * operation) and names the target compose hash or none.
 */
export function operationForRollback(
  operations: OperationRecord[],
  targetHash: string,
  sentAt: number,
  correlationIds: ReadonlySet<string> = new Set()
): OperationRecord | undefined {
  const SLACK_MS = 2000;
  const candidates = operations.filter((op) => {
    if (NOT_ACTIVATION.test(op.operationType)) return false;
    if (op.composeHash !== undefined && op.composeHash !== targetHash) return false;
    if (correlationIds.has(op.correlationId)) return true;
    const started = Date.parse(op.startedAt);
    return !Number.isNaN(started) && started >= sentAt - SLACK_MS;
  });
  return candidates.find((op) => correlationIds.has(op.correlationId)) ?? candidates[0];
}
