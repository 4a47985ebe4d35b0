import { shortHash } from '../../hash.js';
import type { CvmState, OperationRecord } from './shapes.js';

/** Statuses a CVM settles in when it is not serving. Only running and stopped are stable, per the API. */
export const FAILED_STATUSES: ReadonlySet<string> = new Set(['stopped', 'error', 'exited']);

export type Verdict = { kind: 'done' } | { kind: 'pending'; why: string } | { kind: 'failed'; why: string };

export interface Evidence {
  /** The CVM was seen in progress after the trigger. */
  seenUpdating: boolean;
  /** The newest operation on this CVM that belongs to this rollback, if one was looked up. */
  operation?: OperationRecord;
}

/**
 * Where one CVM stands in the rollback. The platform flips compose_hash the moment the redeploy
 * is accepted and starts the update later, so hash + `running` alone proves nothing. The one
 * success condition: the update was seen to run (in progress after the trigger, or an operation
 * record for it) and the CVM has now settled — not in progress, `running`, on the target hash.
 */
export function assessCvm(cvm: CvmState, targetHash: string, evidence: Evidence): Verdict {
  const op = evidence.operation;
  if (op?.status === 'failed') {
    return { kind: 'failed', why: `the update failed: ${op.errorMessage ?? 'Phala Cloud gave no error message'} (operation ${op.operationType}, ${op.correlationId})` };
  }
  if (cvm.inProgress) return { kind: 'pending', why: `${cvm.status}, update in progress` };
  const ran = evidence.seenUpdating || op?.status === 'completed';
  if (ran && !cvm.inProgress && cvm.status === 'running' && cvm.composeHash === targetHash) return { kind: 'done' };
  if (!evidence.seenUpdating && !op) return { kind: 'pending', why: `${cvm.status}, update not started yet` };
  if (FAILED_STATUSES.has(cvm.status)) {
    const reason = op?.errorMessage ? `: ${op.errorMessage}` : '';
    return { kind: 'failed', why: `the update ended with the CVM ${cvm.status}${reason}` };
  }
  if (ran && cvm.status === 'running' && cvm.composeHash !== targetHash) {
    return {
      kind: 'failed',
      why: `the update ended with the CVM running compose hash ${shortHash(cvm.composeHash)}, not the target; another deploy may have replaced the rollback`
    };
  }
  return { kind: 'pending', why: `${cvm.status}, operation ${op?.status ?? 'running'}` };
}

/**
 * The newest operation on a CVM that belongs to this rollback: started after the redeploy was
 * sent (on the platform's clock, with slack for the Date header's one-second resolution) and
 * about the target compose hash, or an update with no hash recorded.
 */
export function operationForRollback(operations: OperationRecord[], targetHash: string, sentAt: number): OperationRecord | undefined {
  const SLACK_MS = 2000;
  return operations.find((op) => {
    const started = Date.parse(op.startedAt);
    if (Number.isNaN(started) || started < sentAt - SLACK_MS) return false;
    return op.composeHash !== undefined ? op.composeHash === targetHash : /update|deploy|upgrade/i.test(op.operationType);
  });
}
