/**
 * The neutral words the pipeline, the providers and the summary share: what is rolled back
 * (instances, versions, a revision) and how a platform names them. Types only, below every layer
 * that speaks them, so the report can render a plan without reaching up into the providers.
 */

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
