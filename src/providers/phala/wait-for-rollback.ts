import { jittered } from '../../clock.js';
import { ActionError, TimeoutError } from '../../errors.js';
import { shortHash } from './hash.js';
import { RequestPacer, type PacerLimits } from '../../http/rate-window.js';
import type { RollbackPlan, TriggerReceipt, WaitTracker } from '../provider.js';
import { assessCvm, operationForRollback, type Verdict } from './assess-cvm.js';
import type { PhalaContext } from './context.js';
import type { OperationsQuery, PacedRead } from './phala-api.js';
import { describeCvm } from './select-cvms.js';
import type { CvmState, OperationRecord } from './shapes.js';

/**
 * Phala publishes no rate limit. What protects the API is sending only the requests that are
 * needed, a bound on those open at once and in any second, and backing off when it says 429.
 */
export const WAIT_LIMITS: PacerLimits = { maxInFlight: 8, maxPerSecond: 25 };
/**
 * One read of all the app's CVMs about every 0.95 s (±5 %): a CVM that finishes is seen within
 * a second, and the state reads stay under 1.1 per second however many CVMs there are.
 */
export const POLL_MS = 950;
const POLL_JITTER = 0.05;
/**
 * A CVM never seen updating may have run its whole update between two reads: its record is first
 * read this long after the trigger (late enough that an update starting within a couple of
 * seconds is seen busy first, so its one record read comes when it settles), then at growing
 * intervals, up to…
 */
const UNSEEN_FIRST_LOOK_MS = 3000;
const UNSEEN_LOOK_MAX_MS = 15_000;
/**
 * A CVM seen updating and then settled whose record does not say so yet: read it again after…
 * That read joins the back of the queue. When many CVMs finish at once every record must be read
 * before the run can end, so the queue's end is the earliest the run can end anyway: a record
 * that lags is best read again then, when it most likely says completed, rather than ahead of
 * the others, where it would more likely need yet another read.
 */
const SETTLED_RELOOK_MS = 1000;
/**
 * When every CVM left was seen busy, has settled and only its record is missing, the state read is
 * skipped (its slot goes to the records, which decide): while any of those records is being read
 * (waiting for a slot or open), and otherwise for at most this long after the last state read.
 */
const RECORDS_ONLY_MAX_MS = 4000;
/** A line at least this often while waiting, so a long wait never looks hung. */
const HEARTBEAT_MS = 25_000;
/**
 * The record read asks only for records of this rollback: started after the redeploy (less
 * this slack for the server clock estimate, taken from one-second Date headers), of an activating
 * type, the few newest. The names come from the OpenAPI document's example (`compose_update`) and
 * the Terraform provider (`activate_revision`); an answer without any record is asked again
 * without the type filter, because the backend's names may vary (see assess-cvm.ts).
 */
const START_TIME_SLACK_MS = 5000;
export const ROLLBACK_OPERATION_TYPES: readonly string[] = ['compose_update', 'activate_revision'];
const OPERATIONS_LIMIT = 5;

interface Tracked {
  cvm?: CvmState;
  seenUpdating: boolean;
  correlationIds: Set<string>;
  operation?: OperationRecord;
  /** When its operation record is next due (local clock); undefined while it is busy. */
  nextLookAt?: number;
  looks: number;
  reading: boolean;
  filterTypes: boolean;
  verdict?: Verdict;
}

/**
 * Waits until every redeployed CVM provably runs the target revision (assessCvm holds the one
 * success condition). One request reads all the app's CVMs about every second; each CVM's own
 * operation record is read the moment that CVM is seen finished, alongside the state reads, and
 * the run ends as soon as the last record proves the last CVM. All requests go through one pacer.
 */
export async function waitForRollback(ctx: PhalaContext, plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
  const { api, deadline, log } = ctx;
  const clock = deadline.clock;
  const target = plan.revision.version;
  const pacer = new RequestPacer(deadline, WAIT_LIMITS);
  let quietUntil = 0;
  const paced: PacedRead = {
    pacer,
    onThrottled: (endpoint, waitMs) => {
      if (clock.now() < quietUntil) return;
      quietUntil = clock.now() + waitMs;
      log.info(`${endpoint} answered 429 (too many requests): pausing ${(waitMs / 1000).toFixed(1)}s, then at most ${pacer.inFlightLimit} request(s) at once.`);
    }
  };
  const startedLocal = clock.now();
  const tracked = new Map<string, Tracked>(
    plan.toRedeploy.map((instance) => [
      instance.id,
      {
        seenUpdating: false,
        correlationIds: new Set(receipt.ref ? [receipt.ref] : []),
        nextLookAt: startedLocal + UNSEEN_FIRST_LOOK_MS,
        looks: 0,
        reading: false,
        filterTypes: true
      }
    ])
  );
  const lastLine = new Map<string, string>();
  let lastHeartbeatAt = startedLocal;
  // Record reads finish on their own time; each one wakes the loop so its CVM is judged at once.
  let woken = false;
  let wake: (() => void) | undefined;
  let readFailure: unknown;
  const readRecord = (entry: Tracked): void => {
    entry.reading = true;
    entry.looks++;
    const query: OperationsQuery = { limit: OPERATIONS_LIMIT, startedAfter: receipt.acceptedAt - START_TIME_SLACK_MS };
    if (entry.filterTypes) query.types = ROLLBACK_OPERATION_TYPES;
    api
      .listOperations(entry.cvm!.id, query, "reading the CVM's operations", paced)
      .then((operations) => {
        if (operations.length === 0 && entry.filterTypes && (entry.seenUpdating || entry.looks > 1)) entry.filterTypes = false;
        const found = operationForRollback(operations, target, receipt.acceptedAt, entry.correlationIds);
        if (found) entry.operation = found;
        if (found?.status === 'completed' || found?.status === 'failed') entry.nextLookAt = undefined;
        // A record still running means the update is under way: it will be seen settling soon.
        else entry.nextLookAt = clock.now() + (entry.seenUpdating || found ? SETTLED_RELOOK_MS : unseenRelookMs(entry.looks));
      })
      .catch((error: unknown) => {
        readFailure ??= error;
      })
      .finally(() => {
        entry.reading = false;
        woken = true;
        wake?.();
      });
  };

  if (receipt.note) log.info(`Following the redeploy: ${receipt.note}.`);
  // Right after the trigger every CVM shows the flipped hash and no update yet: reading it proves nothing.
  let nextPollAt = startedLocal + jittered(clock, POLL_MS, POLL_JITTER);
  let lastStateReadAt = startedLocal;
  const onlyRecordsMissing = (): boolean => {
    const left = [...tracked.values()];
    if (!left.every((entry) => entry.seenUpdating && entry.cvm && !entry.cvm.inProgress && !decided(entry) && (entry.reading || entry.nextLookAt !== undefined))) return false;
    // A state read now would take the slot of a record waiting to go, and tell less than its answer.
    return left.some((entry) => entry.reading) || clock.now() - lastStateReadAt < RECORDS_ONLY_MAX_MS;
  };

  try {
    for (;;) {
      if (deadline.expired()) throw timedOut(ctx, plan, tracked);
      if (readFailure !== undefined) throw readFailure;
      if (clock.now() >= nextPollAt && onlyRecordsMissing()) nextPollAt = clock.now() + jittered(clock, POLL_MS, POLL_JITTER);
      if (clock.now() >= nextPollAt) {
        const cvms = await api.listAppCvms('watching the rollback', { ...paced, first: true });
        lastStateReadAt = clock.now();
        nextPollAt = clock.now() + jittered(clock, POLL_MS, POLL_JITTER);
        for (const [vmUuid, entry] of tracked) {
          const cvm = cvms.find((candidate) => candidate.vmUuid === vmUuid);
          if (!cvm) {
            throw new ActionError(
              'CVM disappeared during the rollback',
              `CVM ${vmUuid} is no longer listed for app ${plan.appId}. It may have been deleted while the rollback ran; check the dashboard.`
            );
          }
          if (cvm.inProgress) {
            entry.seenUpdating = true;
            if (cvm.progress?.correlationId) entry.correlationIds.add(cvm.progress.correlationId);
            if (entry.operation?.status !== 'completed' && entry.operation?.status !== 'failed') entry.nextLookAt = undefined;
          } else if (entry.seenUpdating && entry.nextLookAt === undefined && !decided(entry)) {
            // Seen busy, now settled: its record is what proves it, so read it now.
            entry.nextLookAt = clock.now();
          }
          entry.cvm = cvm;
        }
      }

      const now = clock.now();
      for (const entry of tracked.values()) {
        if (entry.cvm && !entry.cvm.inProgress && !entry.reading && !decided(entry) && entry.nextLookAt !== undefined && entry.nextLookAt <= now) readRecord(entry);
      }

      for (const [vmUuid, entry] of tracked) {
        if (!entry.cvm) continue;
        const verdict = assessCvm(entry.cvm, target, { seenUpdating: entry.seenUpdating, operation: entry.operation });
        entry.verdict = verdict;
        report(ctx, entry.cvm, verdict, lastLine);
        if (verdict.kind === 'failed') {
          throw new ActionError(
            'Rollback failed on the platform',
            `${describeCvm(entry.cvm)}: ${verdict.why}. Target revision ${plan.revision.id} (compose hash ${target}). Look at the CVM's logs in the Phala Cloud dashboard before trying again.`,
            { changed: 'accepted', outcome: 'failed' }
          );
        }
        if (verdict.kind === 'done') tracked.delete(vmUuid);
      }
      if (tracked.size === 0) return;
      tracker.pending(pendingSummary(tracked));
      if (clock.now() - lastHeartbeatAt >= HEARTBEAT_MS) {
        lastHeartbeatAt = clock.now();
        log.info(`[${deadline.elapsedSeconds()}s] still waiting: ${pendingSummary(tracked)}`);
      }

      // Until the next state read or record due, or until a record read comes back.
      const nextLook = Math.min(
        ...[...tracked.values()].filter((entry) => !entry.reading && entry.cvm && !entry.cvm.inProgress && entry.nextLookAt !== undefined).map((entry) => entry.nextLookAt!)
      );
      const pause = Math.min(nextPollAt, nextLook) - clock.now();
      if (woken) woken = false;
      else if (pause > 0) {
        const sleeping = new AbortController();
        await Promise.race([deadline.sleep(pause, sleeping.signal), new Promise<void>((resolve) => (wake = resolve))]);
        sleeping.abort();
        wake = undefined;
        woken = false;
      }
    }
  } catch (error) {
    if (deadline.expired() && !(error instanceof ActionError && !(error instanceof TimeoutError))) throw timedOut(ctx, plan, tracked);
    throw error;
  } finally {
    // Record reads still waiting for a slot are not needed any more: never sent, no timer left.
    pacer.close();
  }
}

function decided(entry: Tracked): boolean {
  return entry.operation?.status === 'completed' || entry.operation?.status === 'failed';
}

/** 3 s after the trigger, then 3, 6, 12, 15, 15 … s apart. */
function unseenRelookMs(looks: number): number {
  return Math.min(UNSEEN_LOOK_MAX_MS, 3000 * 2 ** (looks - 1));
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
