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
  /**
   * the i-th of n CVMs of one redeploy runs durationMs + spreadMs·i/(n−1) (default 0: all finish
   * together). CVMs on different hosts do not finish in the same millisecond; benchmarks use both.
   */
  spreadMs?: number;
  /**
   * default 'running'. 'failed-running': the operation fails (with errorMessage) but the CVM
   * settles 'running' on the target compose hash, the old container still serving.
   */
  outcome: 'running' | 'failed' | 'failed-running' | 'endless';
  /** used when outcome is 'failed' or 'failed-running' */
  errorMessage: string;
  /** status a CVM settles in when outcome is 'failed' (default 'error') */
  settleStatus: string;
  /** operation_type of the update's operation record (default 'compose_update') */
  operationType: string;
  /** whether the update's operation record carries the compose hash (default true; false serves null) */
  operationCarriesHash: boolean;
  /** whether an accepted redeploy adds a revision row per CVM (default true) */
  writesRevisionRow: boolean;
}

export type FaultEndpoint =
  | 'listRevisions'
  | 'redeploy'
  | 'listAppCvms'
  | 'getCvm'
  | 'listOperations'
  | 'statusBatch'
  | 'cvmState'
  /** GET /app/health on the sandbox origin: the demo app's own health check, not the platform API */
  | 'appHealth'
  /** GET /dashboard/cvms/{vm_uuid} on the sandbox origin: a stand-in for the dashboard page, not the platform API */
  | 'console';

export type FaultKind = 'status' | 'drop' | 'malformed' | 'latency' | 'redirect' | 'huge-body' | 'slow-body' | 'raw' | 'echo-key';

export interface FaultSpec {
  endpoint: FaultEndpoint;
  kind: FaultKind;
  /**
   * for 'status': HTTP code (default 503), optional body text and Retry-After header value;
   * for 'malformed': the status of the non-JSON answer (default 200);
   * for 'echo-key': the 4xx/5xx to answer (default 401)
   */
  status?: number;
  body?: string;
  retryAfter?: string;
  /** for 'malformed' (default 'not-json') */
  malformed?: 'not-json' | 'wrong-shape';
  /** for 'huge-body': size of the 200 JSON-looking body, streamed in chunks (default 20 MiB) */
  sizeBytes?: number;
  /**
   * for 'slow-body': the real answer (the request is processed) trickles out chunkBytes
   * (default 1) every intervalMs (default 500), padded with JSON whitespace for ever, or
   * until totalBytes have been sent
   */
  chunkBytes?: number;
  intervalMs?: number;
  totalBytes?: number;
  /** for 'raw': written to the socket verbatim, which is then closed */
  raw?: string;
  /** for 'echo-key': only the first half of the key, at the very end of a long detail */
  echoKeyPartial?: boolean;
  /** for 'latency': delay before answering normally */
  delayMs?: number;
  /** for 'redirect': absolute Location to send with `status` (default 307; any 3xx, e.g. 303 or 308) */
  location?: string;
  /** for 'status': extra response headers (e.g. a WWW-Authenticate that echoes a credential) */
  headers?: Record<string, string>;
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
  /** CVM bodies (list, detail) leave out `in_progress` entirely; `progress` still tells (default false) */
  omitInProgress?: boolean;
  /**
   * How CVM bodies serve `id` (default 'hashid': 'cvm_…' string, usable in /cvms/{cvm_id}).
   * 'int': an integer (off-spec for CVMInfo, as the Go SDK sees it); 'none': left out. With
   * either, clients must address CVMs by the vm_uuid without dashes (or app_<app_id>).
   */
  cvmIdStyle: 'hashid' | 'int' | 'none';
  /** every answer is delayed this long before it is written (default 0) */
  latencyMs: number;
  /** GET revisions serves page 1's rows whatever `page` asks for (echoing the requested page) */
  ignorePage?: boolean;
  /** served as total_pages of GET revisions instead of the true count (e.g. 1e12) */
  totalPagesOverride?: number;
  /** triggered_by.username of revision rows and triggered_by_username of operations (default 'sandbox-dev') */
  username?: string;
  /** compose hashes (any decoration) GET /app/health reports unhealthy when a CVM runs one (default []) */
  unhealthyHashes: string[];
  /** caps a GET /cvms/{id}/state?target=… stream below its `timeout` parameter (10–600 s) */
  stateStreamMaxMs?: number;
}

/** What startSandbox accepts: any scenario field, and any subset of the update behaviour. */
export type ScenarioOverrides = Omit<Partial<Scenario>, 'update'> & { update?: Partial<UpdateBehaviour> };

export interface RecordedRequest {
  /** the route that matched; absent for unknown paths */
  endpoint?: FaultEndpoint;
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
  /** `id` as CVM bodies serve it (absent with cvmIdStyle 'none') */
  id?: string | number;
  vm_uuid: string;
  name: string;
  status: string;
  in_progress: boolean;
  compose_hash: string;
}

/** One CVM's share of an accepted redeploy; times are ms epoch on the server's clock. */
export interface UpdateRecord {
  vmUuid: string;
  correlationId: string;
  acceptedAt: number;
  /** when the update task started (absent while lagging, or when superseded by a newer redeploy) */
  startedAt?: number;
  settledAt?: number;
  outcome?: 'completed' | 'failed';
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
  /** per CVM per accepted redeploy, in acceptance order */
  updates(): UpdateRecord[];
  /** replaces the compose hashes GET /app/health reports unhealthy */
  setUnhealthy(hashes: string[]): void;
  close(): Promise<void>;
}
