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
}

export interface DeploymentBehaviour {
  /** after an accepted request, time during which the status still shows the previous deployment (default 400) */
  startLagMs: number;
  /** time in DEPLOYMENT_QUEUED once visible (default 300) */
  queuedMs: number;
  /** time in DEPLOYING (default 800) */
  durationMs: number;
  outcome: 'success' | 'error' | 'canceled' | 'endless';
  /** for 'error': names of the services that end in DEPLOYMENT_ERROR (default: every deployed one) */
  errorServices?: string[];
}

export type FaultEndpoint = 'environment' | 'status' | 'statuses' | 'history' | 'redeploy' | 'deploy';

export interface FaultSpec {
  endpoint: FaultEndpoint;
  kind: 'status' | 'drop' | 'malformed' | 'latency';
  /** for 'status': HTTP code, optional raw body and Retry-After */
  status?: number;
  body?: string;
  retryAfter?: string;
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
  executionId: string;
  requestId: string;
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
  state(): { state: string; lastDeploymentId?: string };
  close(): Promise<void>;
}
