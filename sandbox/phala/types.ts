/**
 * Public types of the Phala Cloud sandbox. The e2e tests of the action code against these,
 * so changes here are API changes.
 */

export interface SandboxCvmSpec {
  vm_uuid?: string;
  name?: string;
  status?: string;
  compose_hash?: string;
}

export interface UpdateBehaviour {
  /** after an accepted redeploy, time before the CVM's update task starts (default 400) */
  startLagMs: number;
  /** time the update task runs (default 800) */
  durationMs: number;
  /** default 'running' */
  outcome: 'running' | 'failed' | 'endless';
  /** used when outcome is 'failed' */
  errorMessage: string;
  /** status a CVM settles in when failed (default 'error') */
  settleStatus: string;
}

export type FaultEndpoint = 'listRevisions' | 'redeploy' | 'listAppCvms' | 'getCvm' | 'listOperations';

export interface FaultSpec {
  endpoint: FaultEndpoint;
  kind: 'status' | 'drop' | 'malformed' | 'latency' | 'redirect';
  /** for 'status': HTTP code, optional body text and Retry-After header value */
  status?: number;
  body?: string;
  retryAfter?: string;
  /** for 'malformed' (default 'not-json') */
  malformed?: 'not-json' | 'wrong-shape';
  /** for 'latency': delay before answering normally */
  delayMs?: number;
  /** for 'redirect': absolute Location to send with 307 */
  location?: string;
  /**
   * Only for endpoint 'redeploy': process the redeploy (state changes, recorded) and then let
   * the fault replace the answer. Models an answer lost on the way back.
   */
  afterProcessing?: boolean;
  /** how many matching requests this fault applies to (default 1; Infinity allowed) */
  times?: number;
}

export interface BusySpec {
  vmIndex?: number;
  operationType?: string;
  forMs: number;
}

export interface Scenario {
  apiKey: string;
  appId: string;
  workspaceAccess: boolean;
  cvms: SandboxCvmSpec[];
  historySize: number;
  /** explicit history of compose hashes, OLDEST FIRST, one deploy per entry; overrides historySize */
  hashes?: string[];
  restartsBetweenDeploys: boolean;
  busy?: BusySpec;
  onchainKms: boolean;
  registeredTxHashes?: string[];
  update: UpdateBehaviour;
  faults: FaultSpec[];
}

/** What startSandbox accepts: any scenario field, and any subset of the update behaviour. */
export type ScenarioOverrides = Omit<Partial<Scenario>, 'update'> & { update?: Partial<UpdateBehaviour> };

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  hadApiKey: boolean;
  phalaVersion?: string;
  userAgent?: string;
  body?: unknown;
  at: number;
}

export interface AcceptedRedeploy {
  revisionId: string;
  composeHash: string;
  vmUuids: string[];
  transactionHash?: string;
  at: number;
}

export interface CvmView {
  vm_uuid: string;
  name: string;
  status: string;
  in_progress: boolean;
  compose_hash: string;
}

export interface RevisionView {
  revision_id: string;
  vm_uuid: string;
  compose_hash: string;
  operation_type: string;
  created_at: string;
}

export interface Sandbox {
  /** base URL including the API prefix, e.g. 'http://127.0.0.1:41234/api/v1' */
  url: string;
  origin: string;
  scenario: Scenario;
  requests: RecordedRequest[];
  redeploys: AcceptedRedeploy[];
  addFault(f: FaultSpec): void;
  cvms(): CvmView[];
  /** newest first; compose_hash exactly as the API serves it (may be 0x-prefixed / upper case) */
  revisions(): RevisionView[];
  close(): Promise<void>;
}
