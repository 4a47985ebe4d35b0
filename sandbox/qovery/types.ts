/**
 * Public types of the Qovery sandbox. The e2e tests of the action code against these, so
 * changes here are API changes.
 */

export type ServiceType = 'APPLICATION' | 'CONTAINER' | 'JOB' | 'HELM' | 'DATABASE';

export interface SandboxServiceSpec {
  /** default: a stable UUID derived from the name */
  id?: string;
  name: string;
  type: ServiceType;
  /** jobs: 'image' (default, versions are tags) or 'git' (commits); helms: 'chart' (default) or 'git' */
  source?: 'git' | 'image' | 'chart';
  /** false: the service appears in the history but no longer exists in the environment */
  exists?: boolean;
  /** helms from a chart: whether values come from a git override repository (its commit is recorded per execution) */
  valuesOverride?: boolean;
}

export type TriggerAction = 'DEPLOY' | 'RESTART' | 'STOP' | 'DELETE' | 'DEPLOY_DRY_RUN';
export type ActionStatus = 'SUCCESS' | 'ERROR' | 'CANCELED';

/** One execution of the history, as a scenario writes it. */
export interface ExecutionSpec {
  /** default: a stable UUID derived from the position */
  id?: string;
  action?: TriggerAction;
  /** default SUCCESS */
  result?: ActionStatus;
  /** service name → version (commit, tag or chart version). Only these services are listed. */
  versions: Record<string, string>;
  /** names of services listed without a version (e.g. databases) */
  withoutVersion?: string[];
  triggeredBy?: string;
  /** containers and image jobs: service name → image name (default registry.example.com/<name>) */
  images?: Record<string, string>;
  /** helms from a chart: service name → chart name (default the service name) */
  charts?: Record<string, string>;
  /** helms with valuesOverride: service name → the override repository's commit */
  valuesOverrides?: Record<string, string>;
}

/** A deploy request someone else makes while the sandbox runs (queued behind a running deployment, as documented). */
export interface ForeignRequestSpec {
  /** ms after the sandbox started */
  afterMs: number;
  action?: TriggerAction;
  /** service name → version; default: every existing service on its current version */
  versions?: Record<string, string>;
  /** default someone-else@example.com; the token's own user (`tokenUser`) makes it mergeable with the action's request */
  triggeredBy?: string;
  /** time it runs once started (default 600) */
  durationMs?: number;
}

export interface DeploymentBehaviour {
  /** after an accepted request, time during which the status still shows the previous deployment (default 400) */
  startLagMs: number;
  /** time in DEPLOYMENT_QUEUED once visible (default 300) */
  queuedMs: number;
  /** time in DEPLOYING (default 800) */
  durationMs: number;
  outcome: 'success' | 'error' | 'canceled' | 'endless';
  /** before DEPLOYMENT_QUEUED, time the deployment shows READY (default 0): READY is not an end */
  readyMs?: number;
  /** hostile: service name → the version that really ends up deployed instead of the requested one */
  actualVersions?: Record<string, string>;
  /** for 'error': names of the services that end in DEPLOYMENT_ERROR (default: every deployed one) */
  errorServices?: string[];
}

export type FaultEndpoint = 'environment' | 'status' | 'statuses' | 'history' | 'redeploy' | 'deploy' | 'queue' | 'requestStatus';

export interface FaultSpec {
  endpoint: FaultEndpoint;
  kind: 'status' | 'drop' | 'malformed' | 'latency' | 'redirect';
  /** for 'status': HTTP code, optional raw body and Retry-After; for 'malformed': the 2xx code (default 200); for 'redirect': the 3xx code */
  status?: number;
  body?: string;
  retryAfter?: string;
  /** for 'status' 429: X-RateLimit-Reset this many ms from now (a Unix time in seconds), Remaining 0 */
  resetInMs?: number;
  /** for 'redirect': the Location header */
  location?: string;
  /** for 'latency': delay before answering normally */
  delayMs?: number;
  /** only for 'redeploy' and 'deploy': process the request, then let the fault replace the answer */
  afterProcessing?: boolean;
  /** how many matching requests this fault applies to (default 1; Infinity allowed) */
  times?: number;
}

export interface QoveryScenario {
  /** API token, accepted as `Authorization: Token <token>` */
  token: string;
  /** a JWT accepted as `Authorization: Bearer <jwt>` */
  jwt: string;
  environmentId: string;
  organizationId: string;
  projectId: string;
  /** false: the token is valid but may not see the environment (403) */
  access: boolean;
  services: SandboxServiceSpec[];
  /** OLDEST FIRST */
  executions: ExecutionSpec[];
  /** a deployment by someone else is running when the sandbox starts, for this long */
  busyForMs?: number;
  /** who the token belongs to: triggered_by of the requests it makes (merging is per user) */
  tokenUser: string;
  /** requests already queued when the sandbox starts (behind the busyForMs deployment, which they need) */
  queued?: Array<Omit<ForeignRequestSpec, 'afterMs'>>;
  /** requests made by others while the sandbox runs */
  foreign?: ForeignRequestSpec[];
  /** answer 409 to a deploy request while a deployment runs, as the OpenAPI's 'Operation is in progress' (default: queue it) */
  conflictWhileBusy?: boolean;
  /** hostile history paging: ignore pageSize (serve every row) / ignore startId (serve the first page again) */
  historyIgnoresPageSize?: boolean;
  historyIgnoresStartId?: boolean;
  deployment: DeploymentBehaviour;
  /** requests per window per token; 429 beyond */
  rateLimit: { limit: number; windowMs: number };
  /** whether accepted deploy requests answer with a deployment_request_id (default true) */
  echoRequestId: boolean;
  faults: FaultSpec[];
}

export type ScenarioOverrides = Omit<Partial<QoveryScenario>, 'deployment'> & { deployment?: Partial<DeploymentBehaviour> };

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** 'Token' | 'Bearer' | other scheme | undefined; the credential itself is never stored */
  authScheme?: string;
  userAgent?: string;
  body?: unknown;
  /** the JSON body answered (absent for dropped connections and non-JSON faults) */
  response?: unknown;
  at: number;
}

export interface AcceptedDeploy {
  kind: 'redeploy' | 'services';
  /** set once the request leaves the queue and runs as an execution */
  executionId?: string;
  /** the request it became: its own, or the queued one it was merged into */
  requestId: string;
  /** whether it waited in the queue behind another deployment */
  queued: boolean;
  /** the queued request it was merged into (same action, same user), if any */
  mergedInto?: string;
  /** service id → version sent (services), or every service's current version (redeploy) */
  versions: Record<string, string>;
  at: number;
}

export interface ServiceView {
  id: string;
  name: string;
  type: ServiceType;
  version?: string;
  state: string;
  exists: boolean;
}

export interface ExecutionView {
  executionId: string;
  triggerAction: string;
  actionStatus: string;
  status: string;
  versions: Record<string, string>;
}

export interface QoverySandbox {
  url: string;
  scenario: QoveryScenario;
  requests: RecordedRequest[];
  deploys: AcceptedDeploy[];
  addFault(f: FaultSpec): void;
  services(): ServiceView[];
  /** newest first */
  executions(): ExecutionView[];
  /** the environment status as the API would show it now */
  state(): { state: string; lastDeploymentState: string; lastDeploymentId?: string; requestId?: string };
  /** the deploy requests waiting, oldest first */
  queue(): Array<{ requestId: string; triggeredBy: string; action: string; services: string[] }>;
  close(): Promise<void>;
}
