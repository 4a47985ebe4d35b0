/**
 * The seam between the platform-neutral pipeline (resolve → trigger → wait → report) and a
 * platform. A provider is built with its settings and clients; the pipeline only sees this, and
 * speaks of instances and versions while the provider names them (CVM, compose hash, …).
 */
import type { Changed } from '../errors.js';

/** How a platform names the neutral words, for log lines, messages and the summary. */
export interface Vocabulary {
  /** 'Phala Cloud', 'Camunda 7', 'Qovery' */
  platform: string;
  /** What app_id names: 'App', 'Deployment', 'Environment' */
  app: string;
  /** One deployable unit: 'CVM', 'deployment', 'service' */
  instance: string;
  instances: string;
  /** What an instance runs: 'compose hash', 'deployment', 'version' */
  version: string;
  /** The request that rolls back: 'redeploy', 'deploy request' */
  redeploy: string;
}

/** One deployable unit (a Phala CVM, a Qovery service) as the pipeline reports it. */
export interface Instance {
  id: string;
  name: string;
  /** The version it runs now ('' when unknown). */
  version: string;
  status: string;
  /** The version it will be put on, when it differs per instance (Qovery services). */
  targetVersion?: string;
}

export interface TargetRevision {
  id: string;
  /** The version the revision stands for (Phala: compose hash; Camunda: deployment id). */
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
  /** What ran before the rollback ('' when unknown). */
  previousVersion: string;
  /** History entries read to settle the answer. */
  searched: number;
  /** Shown as warnings before anything is sent. */
  warnings: string[];
  /**
   * Provider outputs known once planned (e.g. compose_hash, vm_uuids), set before anything is
   * sent so a later step has them even when the trigger fails. Validated by the pipeline.
   */
  outputs: Record<string, string>;
  /** Where to look next in the platform's console ('' when it has no such page). */
  consoleUrl: string;
  /** Extra summary rows (plain text; the summary escapes it). */
  details?: Array<[string, string]>;
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

/**
 * How the trigger tells the pipeline where the redeploy stands, so a cancellation or failure at
 * any moment states truthfully whether the platform was changed.
 */
export interface TriggerTracker {
  /** 'unknown' just before a request leaves; 'nothing' when verified not acted on; 'accepted' when accepted. */
  mark(state: Changed): void;
  /** Waiting for the platform to be free before sending (a 409): nothing sent yet. */
  waitingToSend(what: string): void;
}

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
