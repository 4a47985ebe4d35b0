/**
 * The seam between the platform-neutral pipeline (resolve → trigger → wait → report) and a
 * platform. A provider is built with its settings and clients; the pipeline only sees this.
 */

/** One deployable unit (a Phala CVM) as the pipeline reports it. */
export interface Instance {
  id: string;
  name: string;
  /** The version it runs (for Phala: normalised compose hash). */
  version: string;
  status: string;
}

export interface TargetRevision {
  id: string;
  version: string;
  createdAt: string;
  createdBy?: string;
  operationType?: string;
}

export interface RollbackPlan {
  appId: string;
  /** Every instance the user targeted, as it was when planned. */
  targets: Instance[];
  /** The targets that do not already run the target revision: the ones the trigger sends. */
  toRedeploy: Instance[];
  revision: TargetRevision;
  /** What ran before the rollback: the newest revision's version ('' when unknown). */
  previousVersion: string;
  /** Revision rows read to settle the answer. */
  searched: number;
  /** Shown as warnings before anything is sent. */
  warnings: string[];
}

export interface TriggerReceipt {
  /** When the redeploy was sent, on the platform's clock (ms since epoch): the update started after it. */
  acceptedAt: number;
}

export type TriggerOutcome =
  | { kind: 'triggered'; receipt: TriggerReceipt }
  /** While waiting out another operation, the targets reached the revision on their own. */
  | { kind: 'already-there'; reason: string };

export interface RollbackProvider {
  readonly platformName: string;
  /** Read-only: inspect the app, pick targets, resolve the revision. */
  plan(): Promise<RollbackPlan>;
  /** Send the redeploy exactly once (waiting out a busy platform first). */
  trigger(plan: RollbackPlan): Promise<TriggerOutcome>;
  /** Return only once every target provably runs the revision; throw on failure or timeout. */
  waitUntilDone(plan: RollbackPlan, receipt: TriggerReceipt): Promise<void>;
}
