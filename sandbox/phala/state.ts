/**
 * Mutable state of one sandboxed app: its CVMs, revision rows and per-CVM operation logs, and
 * the asynchronous update lifecycle a redeploy sets off. The lifecycle follows what Phala's
 * backend does: the compose hash flips at once, the update task starts later, then settles.
 */
import { Rng } from './prng.js';
import { USER_EMAIL, USER_NUMERIC_ID, iso, type AppRevision, type CvmOperation, type OperationEvent, type ProgressInfo } from './model.js';
import { RevisionFactory, buildHistory, currentHashOf, deployHashes, resolveCvms, userOf, type DeployRecord, type ResolvedCvm } from './scenario.js';
import type { AcceptedRedeploy, Scenario, UpdateRecord } from './types.js';

export interface CvmState extends ResolvedCvm {
  in_progress: boolean;
  progress: ProgressInfo | null;
  /** newest first */
  operations: CvmOperation[];
  /** an accepted update whose task has not started yet; superseded by a newer redeploy */
  pendingStart?: NodeJS.Timeout;
}

/** Where the i-th of n redeployed CVMs falls in the spread of update durations: 0 for the first, 1 for the last. */
function spreadShare(index: number, count: number): number {
  return count <= 1 ? 0 : index / (count - 1);
}

/** Status a CVM shows while an operation of this type runs. */
function busyStatus(operationType: string): string {
  switch (operationType) {
    case 'restart':
      return 'restarting';
    case 'power_on':
    case 'start':
      return 'starting';
    case 'power_off':
    case 'stop':
    case 'shutdown':
      return 'stopping';
    default:
      return 'updating';
  }
}

export class AppState {
  readonly cvms: CvmState[];
  /** newest first */
  readonly revisions: AppRevision[];
  private readonly revisionIndex = new Map<string, AppRevision>();
  private readonly factory: RevisionFactory;
  private readonly rng: Rng;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly listeners = new Set<(cvm: CvmState) => void>();
  /** per CVM per accepted redeploy, in acceptance order */
  readonly updates: UpdateRecord[] = [];
  private closed = false;

  constructor(
    readonly scenario: Scenario,
    now: number = Date.now()
  ) {
    this.rng = new Rng(`${scenario.appId}:runtime`);
    this.factory = new RevisionFactory(scenario.appId, userOf(scenario));
    const hashes = deployHashes(scenario);
    const resolved = resolveCvms(scenario, currentHashOf(hashes, scenario));
    const history = buildHistory(scenario, resolved, this.factory);
    this.revisions = history.rows;
    for (const row of this.revisions) this.revisionIndex.set(row.revision_id, row);
    this.cvms = resolved.map((cvm, c) => ({
      ...cvm,
      in_progress: false,
      progress: null,
      operations: this.seedOperations(cvm, c, history.deploys)
    }));
    if (scenario.busy) this.startBusy(scenario.busy.vmIndex ?? 0, scenario.busy.operationType ?? 'restart', scenario.busy.forMs, now);
  }

  correlationId(): string {
    return this.rng.uuid();
  }

  requestId(): string {
    return `req_${this.rng.base62(16)}`;
  }

  /**
   * Resolves a {cvm_id} path segment the way the platform does: the hashed id (only while
   * bodies serve it), the vm_uuid without dashes in any case, or app_<app_id> (the app's
   * first CVM). The dashed UUID is not accepted.
   */
  findCvm(pathId: string): CvmState | undefined {
    if (this.scenario.cvmIdStyle === 'hashid') {
      const byId = this.cvms.find((c) => c.id === pathId);
      if (byId) return byId;
    }
    if (pathId.startsWith('app_')) return pathId.slice('app_'.length) === this.scenario.appId ? this.cvms[0] : undefined;
    if (!/^[0-9a-f]{32}$/i.test(pathId)) return undefined;
    const wanted = pathId.toLowerCase();
    return this.cvms.find((c) => c.vm_uuid.replace(/-/g, '').toLowerCase() === wanted);
  }

  /** Calls `fn` after every change of a CVM's status, progress or compose hash; returns the unsubscribe. */
  onChange(fn: (cvm: CvmState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(cvm: CvmState): void {
    for (const fn of [...this.listeners]) fn(cvm);
  }

  findRevision(revisionId: string): AppRevision | undefined {
    return this.revisionIndex.get(revisionId);
  }

  /**
   * Accepts a redeploy of `hash` onto `targets`. Validation (409, 465, …) is the caller's job;
   * by the time this runs the platform has said yes.
   */
  acceptRedeploy(revisionId: string, hash: string, targets: CvmState[], transactionHash: string | undefined, now: number): { accepted: AcceptedRedeploy; correlationId: string } {
    const correlationId = this.correlationId();
    for (const [index, cvm] of targets.entries()) {
      if (cvm.pendingStart) this.clear(cvm.pendingStart);
      cvm.compose_hash = hash;
      // The real platform may not write a row for a redeploy; clients must not rely on one.
      if (this.scenario.update.writesRevisionRow) {
        const row = this.factory.make(cvm, hash, 'update', now);
        this.revisions.unshift(row);
        this.revisionIndex.set(row.revision_id, row);
      }
      const record: UpdateRecord = { vmUuid: cvm.vm_uuid, correlationId, acceptedAt: now };
      this.updates.push(record);
      cvm.pendingStart = this.after(this.scenario.update.startLagMs, () => {
        delete cvm.pendingStart;
        this.startUpdate(cvm, hash, correlationId, record, spreadShare(index, targets.length));
      });
      this.changed(cvm);
    }
    const accepted: AcceptedRedeploy = { revisionId, composeHash: hash, vmUuids: targets.map((c) => c.vm_uuid), at: now };
    if (transactionHash !== undefined) accepted.transactionHash = transactionHash;
    return { accepted, correlationId };
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Timers are unref'd and tracked so neither a test runner nor close() waits on them. */
  after(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.closed) fn();
    }, ms);
    t.unref();
    this.timers.add(t);
    return t;
  }

  private clear(t: NodeJS.Timeout): void {
    clearTimeout(t);
    this.timers.delete(t);
  }

  private startUpdate(cvm: CvmState, hash: string, correlationId: string, record: UpdateRecord, spread: number): void {
    const { durationMs: baseMs, spreadMs = 0, outcome, errorMessage, settleStatus, operationType, operationCarriesHash } = this.scenario.update;
    const startedAt = Date.now();
    record.startedAt = startedAt;
    const durationMs = baseMs + Math.round(spreadMs * spread);
    const op = this.newOperation(cvm, operationType, operationCarriesHash ? hash : null, correlationId, startedAt);
    cvm.operations.unshift(op);
    cvm.in_progress = true;
    cvm.status = 'updating';
    cvm.progress = { target: 'running', started_at: iso(startedAt), correlation_id: correlationId };
    this.changed(cvm);
    // 'endless' models a task that never reports back: the client's deadline must fire.
    if (outcome === 'endless') return;
    this.after(durationMs, () => {
      if (outcome === 'failed') this.settle(cvm, op, 'failed', settleStatus, errorMessage, record);
      // The new compose hash stays recorded while the old container keeps serving.
      else if (outcome === 'failed-running') this.settle(cvm, op, 'failed', 'running', errorMessage, record);
      else this.settle(cvm, op, 'completed', 'running', null, record);
    });
  }

  private startBusy(vmIndex: number, operationType: string, forMs: number, now: number): void {
    const cvm = this.cvms[vmIndex];
    if (!cvm) return;
    const correlationId = this.correlationId();
    const op = this.newOperation(cvm, operationType, cvm.compose_hash, correlationId, now);
    cvm.operations.unshift(op);
    cvm.in_progress = true;
    cvm.status = busyStatus(operationType);
    cvm.progress = { target: 'running', started_at: iso(now), correlation_id: correlationId };
    this.after(forMs, () => this.settle(cvm, op, 'completed', 'running', null));
  }

  private settle(cvm: CvmState, op: CvmOperation, opStatus: 'completed' | 'failed', cvmStatus: string, error: string | null, record?: UpdateRecord): void {
    const end = Date.now();
    if (record) {
      record.settledAt = end;
      record.outcome = opStatus;
    }
    op.status = opStatus;
    op.completed_at = iso(end);
    op.duration_ms = Math.max(0, end - Date.parse(op.started_at));
    op.error_message = error;
    op.events.push({ event_type: `${op.operation_type}_${opStatus}`, timestamp: iso(end), state: cvmStatus });
    cvm.status = cvmStatus;
    cvm.in_progress = false;
    cvm.progress = null;
    this.changed(cvm);
  }

  private newOperation(cvm: ResolvedCvm, operationType: string, hash: string | null, correlationId: string, startedAt: number): CvmOperation {
    const events: OperationEvent[] = [{ event_type: `${operationType}_started`, timestamp: iso(startedAt), state: busyStatus(operationType) }];
    return {
      correlation_id: correlationId,
      operation_type: operationType,
      target_state: 'running',
      triggered_by: USER_NUMERIC_ID,
      triggered_by_username: userOf(this.scenario).username,
      triggered_by_email: USER_EMAIL,
      started_at: iso(startedAt),
      completed_at: null,
      duration_ms: null,
      status: 'in_progress',
      error_message: null,
      sub_operations: [],
      events,
      instance_name: cvm.name,
      compose_hash: hash
    };
  }

  /**
   * Old completed operations, so a client has to judge "completed after my trigger" by time
   * rather than by an operation merely existing.
   */
  private seedOperations(cvm: ResolvedCvm, c: number, deploys: DeployRecord[]): CvmOperation[] {
    const ops: CvmOperation[] = [];
    const completed = (type: string, hash: string, at: number, durationMs: number): CvmOperation => {
      const op = this.newOperation(cvm, type, hash, this.correlationId(), at);
      op.status = 'completed';
      op.completed_at = iso(at + durationMs);
      op.duration_ms = durationMs;
      op.events.push({ event_type: `${type}_completed`, timestamp: iso(at + durationMs), state: 'running' });
      return op;
    };
    const offset = c * 1000 + 2000;
    const recent = deploys.slice(-2);
    recent.forEach((d, i) => {
      const isFirstEver = deploys.length === recent.length && i === 0;
      ops.push(completed(isFirstEver ? 'create' : 'compose_update', d.hash, d.at + offset, 45_000 + i * 5000));
    });
    const newest = deploys[deploys.length - 1];
    if (newest?.restartAt !== undefined) ops.push(completed('restart', newest.hash, newest.restartAt + offset, 20_000));
    if (ops.length === 0) ops.push(completed('create', cvm.compose_hash, Date.parse(cvm.created_at), 60_000));
    return ops.reverse();
  }
}
