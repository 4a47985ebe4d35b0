/**
 * The seam between the platform-neutral pipeline (resolve → trigger → wait → report) and a
 * platform. A provider is built with its settings and clients; the pipeline only sees this, and
 * speaks of instances and versions while the provider names them (CVM, compose hash, …).
 */
import type { Deadline } from '../clock.js';
import type { Logger } from '../log.js';
import type { RollbackPlan, Vocabulary } from '../rollback-plan.js';
import type { TriggerTracker } from '../trust/trigger-tracker.js';

// The neutral words live below the providers (the summary renders them too); re-exported so a
// provider finds the whole seam here.
export type { Instance, RollbackPlan, TargetRevision, Vocabulary } from '../rollback-plan.js';
export type { TriggerTracker } from '../trust/trigger-tracker.js';

/** What every provider is built with; each makes its own API client from its settings. */
export interface ProviderDeps {
  deadline: Deadline;
  log: Logger;
  /** `rollback-action/<version>`; a provider appends its own tag. */
  userAgent: string;
}

export interface TriggerReceipt {
  /** When the redeploy was sent, on the platform's clock (ms since epoch): the update started after it. */
  acceptedAt: number;
  /** Outputs only known once the platform accepted (e.g. Camunda's new deployment_id). */
  outputs?: Record<string, string>;
  /** Said in the log when the outcome had to be found out by reading state (an answer lost). */
  note?: string;
  /** The platform's reference for the request, when its answer named one (e.g. a correlation id). */
  ref?: string;
}

export type TriggerOutcome =
  | { kind: 'triggered'; receipt: TriggerReceipt }
  /** While waiting out another operation, the targets reached the revision on their own. */
  | { kind: 'already-there'; reason: string };

export interface WaitTracker {
  /** A one-line description of what is pending, for cancellation and timeout messages. */
  pending(description: string): void;
}

export interface RollbackProvider {
  readonly vocabulary: Vocabulary;
  /** Read-only: inspect the app, pick targets, resolve the revision. */
  plan(): Promise<RollbackPlan>;
  /** Send the redeploy exactly once (waiting out a busy platform first). */
  trigger(plan: RollbackPlan, tracker: TriggerTracker): Promise<TriggerOutcome>;
  /** Return only once every target provably runs the revision; throw on failure or timeout. */
  waitUntilDone(plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void>;
  /** Release sockets and timers. */
  dispose?(): void;
}
