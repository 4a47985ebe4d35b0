import { jittered } from '../../clock.js';
import { ActionError, TimeoutError } from '../../errors.js';
import { shortHash } from './hash.js';
import { RateWindow } from '../../http/rate-window.js';
import type { RollbackPlan, TriggerReceipt, WaitTracker } from '../provider.js';
import { assessCvm, operationForRollback, type Verdict } from './assess-cvm.js';
import type { PhalaContext } from './context.js';
import { describeCvm } from './select-cvms.js';
import type { CvmState, OperationRecord } from './shapes.js';

const OPERATIONS_LOOKUP_LIMIT = 10;
/** At most this many requests in any one second while waiting, whatever the number of CVMs. */
export const MAX_REQUESTS_PER_SECOND = 5;
/** Brisk polling near an expected transition (right after the trigger, or a change just seen)… */
const FAST_POLL_MS = 1100;
/** …for this long after it… */
const FAST_WINDOW_MS = 20_000;
/** …then stretching to this between transitions (a long update costs few requests). */
const SLOW_POLL_MS = 5000;
/** A CVM not yet seen updating: its records are not read before this, nor more often than every… */
const FIRST_RECORD_LOOK_MS = 2000;
const RECORD_LOOK_EVERY_MS = 3000;
/** Once it has been seen updating and settled, its record is due any moment: look again sooner. */
const SETTLED_RECORD_LOOK_EVERY_MS = 1000;
/** A line at least this often while waiting, so a long wait never looks hung. */
const HEARTBEAT_MS = 25_000;
/** The pause before the next round while records are still due (the per-second cap paces them). */
const BACKLOG_POLL_MS = 150;
/** How long the last read of the CVMs' state stands in while a round only reads records. */
const RECORDS_ONLY_FOR_MS = 3000;

interface Tracked {
  cvm?: CvmState;
  seenUpdating: boolean;
  correlationIds: Set<string>;
  operation?: OperationRecord;
  lastRecordLookAt?: number;
  /** Seen busy, then settled, since its records were last read: read them at once. */
  justSettled?: boolean;
  verdict?: Verdict;
}

/**
 * Waits until every redeployed CVM provably runs the target revision (assessCvm holds the one
 * success condition). Each round reads all the app's CVMs with one request; operation records
 * are read only for CVMs whose state cannot decide, within a cap of requests per second, so the
 * request rate does not grow with the number of CVMs. Polls briskly around the transitions and
 * slowly in between.
 */
export async function waitForRollback(ctx: PhalaContext, plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
  const { api, deadline, log } = ctx;
  const clock = deadline.clock;
  const target = plan.revision.version;
  const window = new RateWindow(clock, MAX_REQUESTS_PER_SECOND);
  const tracked = new Map<string, Tracked>(plan.toRedeploy.map((instance) => [instance.id, { seenUpdating: false, correlationIds: new Set(receipt.ref ? [receipt.ref] : []) }]));
  const lastLine = new Map<string, string>();
  const startedLocal = clock.now();
  let lastChangeAt = startedLocal;
  let lastHeartbeatAt = startedLocal;
  let interval = FAST_POLL_MS;
  let lastListAt = 0;
  if (receipt.note) log.info(`Following the redeploy: ${receipt.note}.`);
  // Right after the trigger every CVM shows the flipped hash and no update yet: reading it proves nothing.
  await deadline.sleep(jittered(clock, FAST_POLL_MS, 0.1));

  for (;;) {
    /** Records that were due this round but did not fit under the cap. */
    let backlog = 0;
    try {
      // When every CVM left has just settled and only its record is missing, the round is spent on
      // records; the state is read again soon, so a record that never comes cannot hide a change.
      const recordsOnly =
        clock.now() - lastListAt < RECORDS_ONLY_FOR_MS &&
        [...tracked.values()].every((entry) => entry.seenUpdating && entry.cvm && !entry.cvm.inProgress && entry.verdict?.kind === 'pending');
      // A round that only catches up on records reuses a state read less than a round old.
      const fresh = clock.now() - lastListAt < FAST_POLL_MS * 0.9;
      let cvms: CvmState[] | undefined;
      if (!recordsOnly && !fresh) {
        await window.take();
        cvms = await api.listAppCvms('watching the rollback');
        lastListAt = clock.now();
      }
      let changed = false;
      for (const [vmUuid, entry] of cvms ? tracked : []) {
        const cvm = cvms!.find((candidate) => candidate.vmUuid === vmUuid);
        if (!cvm) {
          throw new ActionError(
            'CVM disappeared during the rollback',
            `CVM ${vmUuid} is no longer listed for app ${plan.appId}. It may have been deleted while the rollback ran; check the dashboard.`
          );
        }
        if (cvm.inProgress) {
          entry.seenUpdating = true;
          if (cvm.progress?.correlationId) entry.correlationIds.add(cvm.progress.correlationId);
        }
        if (entry.cvm?.inProgress && !cvm.inProgress) entry.justSettled = true;
        if (entry.cvm && (entry.cvm.inProgress !== cvm.inProgress || entry.cvm.status !== cvm.status || entry.cvm.composeHash !== cvm.composeHash)) changed = true;
        entry.cvm = cvm;
      }

      // Records where the state cannot decide, oldest look first, as far as the cap allows this round.
      const now = clock.now();
      const wanting = [...tracked.values()]
        .filter((entry) => entry.cvm && !entry.cvm.inProgress && entry.operation?.status !== 'completed' && entry.operation?.status !== 'failed')
        .filter((entry) => entry.seenUpdating || now - startedLocal >= FIRST_RECORD_LOOK_MS)
        .filter(
          (entry) =>
            entry.justSettled || entry.lastRecordLookAt === undefined || now - entry.lastRecordLookAt >= (entry.seenUpdating ? SETTLED_RECORD_LOOK_EVERY_MS : RECORD_LOOK_EVERY_MS)
        )
        .sort((a, b) => (a.lastRecordLookAt ?? 0) - (b.lastRecordLookAt ?? 0));
      for (const entry of wanting) {
        if (window.available() === 0) {
          backlog = wanting.length - wanting.indexOf(entry);
          break;
        }
        await window.take();
        entry.lastRecordLookAt = clock.now();
        entry.justSettled = false;
        const operations = await api.listOperations(entry.cvm!.id, OPERATIONS_LOOKUP_LIMIT, "reading the CVM's operations");
        const found = operationForRollback(operations, target, receipt.acceptedAt, entry.correlationIds);
        if (found && (found.status !== entry.operation?.status || found.correlationId !== entry.operation?.correlationId)) changed = true;
        entry.operation = found ?? entry.operation;
      }

      for (const [vmUuid, entry] of tracked) {
        const verdict = assessCvm(entry.cvm!, target, { seenUpdating: entry.seenUpdating, operation: entry.operation });
        entry.verdict = verdict;
        report(ctx, entry.cvm!, verdict, lastLine);
        if (verdict.kind === 'failed') {
          throw new ActionError(
            'Rollback failed on the platform',
            `${describeCvm(entry.cvm!)}: ${verdict.why}. Target revision ${plan.revision.id} (compose hash ${target}). Look at the CVM's logs in the Phala Cloud dashboard before trying again.`,
            { changed: 'accepted', outcome: 'failed' }
          );
        }
        if (verdict.kind === 'done') tracked.delete(vmUuid);
      }
      if (tracked.size === 0) return;
      tracker.pending(pendingSummary(tracked));

      if (changed) lastChangeAt = clock.now();
      if (clock.now() - lastHeartbeatAt >= HEARTBEAT_MS) {
        lastHeartbeatAt = clock.now();
        log.info(`[${deadline.elapsedSeconds()}s] still waiting: ${pendingSummary(tracked)}`);
      }
    } catch (error) {
      if (deadline.expired() && !(error instanceof ActionError && !(error instanceof TimeoutError))) throw timedOut(ctx, plan, tracked);
      throw error;
    }

    const now = clock.now();
    const brisk =
      now - startedLocal < FAST_WINDOW_MS ||
      now - lastChangeAt < FAST_WINDOW_MS ||
      [...tracked.values()].some((entry) => entry.verdict?.kind === 'pending' && entry.verdict.needsRecord && entry.seenUpdating);
    interval = brisk ? FAST_POLL_MS : Math.min(SLOW_POLL_MS, Math.round(Math.max(interval, FAST_POLL_MS) * 1.3));
    // Records still due: go on as soon as the per-second cap allows, not a whole round later.
    const pause = backlog > 0 ? BACKLOG_POLL_MS : interval;
    if (deadline.expired()) throw timedOut(ctx, plan, tracked);
    await deadline.sleep(jittered(clock, pause, 0.1));
    if (deadline.expired()) throw timedOut(ctx, plan, tracked);
  }
}

function pendingSummary(tracked: Map<string, Tracked>): string {
  const groups = new Map<string, string[]>();
  for (const entry of tracked.values()) {
    if (!entry.cvm) continue;
    const why = entry.verdict?.kind === 'pending' ? entry.verdict.why : entry.cvm.status;
    const names = groups.get(why) ?? [];
    names.push(describeCvm(entry.cvm));
    groups.set(why, names);
  }
  return [...groups.entries()]
    .map(([why, names]) => `${names.length} ${why} (${names.slice(0, 10).join(', ')}${names.length > 10 ? `, … ${names.length - 10} more` : ''})`)
    .join('; ');
}

function timedOut(ctx: PhalaContext, plan: RollbackPlan, tracked: Map<string, Tracked>): TimeoutError {
  const still = [...tracked.entries()]
    .map(([vmUuid, entry]) => {
      if (!entry.cvm) return `${vmUuid}: state not read yet`;
      const why = entry.verdict?.kind === 'pending' ? entry.verdict.why : entry.cvm.status;
      return `${describeCvm(entry.cvm)}: ${why}, compose hash ${shortHash(entry.cvm.composeHash)}`;
    })
    .join('; ');
  return new TimeoutError(
    `The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the rollback to revision ${plan.revision.id}. Still pending: ${still}. The redeploy was accepted and may still finish on its own: watch the CVMs in the Phala Cloud dashboard, and do not trigger another rollback until they settle.`,
    { changed: 'accepted' }
  );
}

function report(ctx: PhalaContext, cvm: CvmState, verdict: Verdict, lastLine: Map<string, string>): void {
  const state =
    verdict.kind === 'done' ? `running compose hash ${shortHash(cvm.composeHash)}: rollback complete` : verdict.kind === 'failed' ? `failed: ${verdict.why}` : verdict.why;
  if (lastLine.get(cvm.vmUuid) === state) return;
  lastLine.set(cvm.vmUuid, state);
  ctx.log.info(`[${ctx.deadline.elapsedSeconds()}s] ${describeCvm(cvm)}: ${state}`);
}
