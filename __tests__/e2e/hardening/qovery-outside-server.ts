import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runAction, type ActionRun, type RunOptions } from '../../../scripts/run-action.js';

/**
 * An independent Qovery-like server for the outside check: written from the issue texts and
 * Qovery's public sources, not from the sandbox, so the two cannot share a wrong belief. Its
 * shapes are the OpenAPI document's (DeploymentHistoryEnvironmentV2, QueuedDeploymentRequestWithStages,
 * EnvDeploymentStatus, EnvironmentStatus); its behaviours are the ones the sources describe:
 * - a deploy request made while a deployment runs is queued, in neither the status nor the
 *   history until it runs (Qovery/documentation docs/configuration/deployment/actions.mdx,
 *   "Queueing and Merging"; the CLI prints "has been queued");
 * - the outcome of a deployment is `last_deployment_state`; `state` is the whole environment's
 *   and may stay in error for a service outside it (Qovery/console environment-state-chip.tsx);
 * - READY comes before the end (Qovery/terraform-provider-qovery deployment_status_qoveryapi.go);
 * - execution ids are `<environment id>-<counter>`, not bare UUIDs, so nothing may assume a UUID.
 * Each test scripts what differs (the deploy answer, the outcome, the versions that land).
 */

export type Kind = 'APPLICATION' | 'CONTAINER' | 'HELM';
export interface Svc {
  id: string;
  name: string;
  type: Kind;
}

export interface Exec {
  id: string;
  action?: string;
  actionStatus?: string;
  status?: string;
  by?: string;
  versions: Record<string, string>;
  extra?: Record<string, Record<string, unknown>>;
}

export interface Logged {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: unknown;
  at: number;
  answered?: number;
}

export interface DeployAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
  /** Whether Qovery acted on it (queued it) before answering. */
  acted?: boolean;
  /** Include deployment_request_id in a JSON answer. */
  withRequestId?: boolean;
}

export interface Options {
  services: Svc[];
  /** Oldest first, as they happened. */
  history: Exec[];
  /** The environment's `state`, whatever the deployments do (e.g. DEPLOYMENT_ERROR for a service outside). */
  envState?: string;
  /** One answer per POST, in order; the last repeats. Default: 202 with a request id, acted. */
  answers?: DeployAnswer[];
  /** Ms a new request stays QUEUED (behind a running deployment) before it runs. */
  queuedMs?: number;
  /** Ms it runs. */
  runMs?: number;
  /** States it goes through while running, before the end. */
  runStates?: string[];
  /** The end state of our deployment. */
  endState?: string;
  /** Versions that really land (default: what was sent). */
  land?: (sent: Record<string, string>) => Record<string, string>;
  /** Requests queued before ours (ahead of it). */
  queueAhead?: Array<{ id: string; by: string; action: string; services: string[] }>;
  /** A history page size the server uses whatever pageSize says; 'repeat' serves page 1 for every startId. */
  paging?: { ignorePageSize?: number; repeat?: boolean };
  /** An API without `GET /environment/deploymentStatus` (404) and whose status carries no deployment_request_id. */
  noRequestTracking?: boolean;
  /** Something else that happens shortly after the POST (another person's action). */
  meanwhile?: (server: Outside) => void;
}

export class Outside {
  readonly environmentId = randomUUID();
  readonly token = 'qov_t_outside_check_token_123456';
  readonly log: Logged[] = [];
  readonly history: Array<Record<string, unknown>> = [];
  queue: Array<Record<string, unknown>> = [];
  readonly requests = new Map<string, string>();
  status: Record<string, unknown>;
  private counter = 0;
  private posts = 0;
  private server!: Server;
  url = '';
  readonly timers: NodeJS.Timeout[] = [];

  constructor(readonly options: Options) {
    for (const exec of options.history) this.history.unshift(this.execution(exec));
    const last = options.history.at(-1);
    this.counter = options.history.length;
    this.status = {
      id: this.environmentId,
      state: options.envState ?? 'DEPLOYED',
      last_deployment_state: last?.status ?? 'DEPLOYED',
      last_deployment_id: last?.id,
      last_deployment_date: new Date().toISOString(),
      total_deployment_duration_in_seconds: 30,
      origin: 'CONSOLE',
      triggered_by: 'someone',
      deployment_request_id: randomUUID()
    };
    for (const q of options.queueAhead ?? []) this.queue.push(this.queued(q.id, q.by, q.action, q.services));
  }

  nextExecId(): string {
    return `${this.environmentId}-${++this.counter}`;
  }

  private svc(id: string): Svc {
    return this.options.services.find((s) => s.id === id)!;
  }

  private details(service: Svc, version: string, extra?: Record<string, unknown>): Record<string, unknown> {
    if (service.type === 'APPLICATION') return { commit: { git_commit_id: version, tag: 'main', author_name: 'x', message: 'm', commit_page_url: '' }, ...extra };
    if (service.type === 'CONTAINER') return { image_name: 'registry.example.com/web', tag: version, ...extra };
    return { repository: { chart_name: 'app', chart_version: version }, ...extra };
  }

  execution(exec: Exec): Record<string, unknown> {
    return {
      identifier: { execution_id: exec.id, environment_id: this.environmentId },
      status: exec.status ?? 'DEPLOYED',
      trigger_action: exec.action ?? 'DEPLOY',
      action_status: exec.actionStatus ?? 'SUCCESS',
      auditing_data: { created_at: new Date().toISOString(), triggered_by: exec.by ?? 'alice', origin: 'CONSOLE' },
      stages: [
        {
          name: 'stage',
          status: 'DONE',
          services: Object.entries(exec.versions).map(([id, version]) => ({
            identifier: { service_id: id, service_type: this.svc(id).type, name: this.svc(id).name },
            status: 'SUCCESS',
            details: this.details(this.svc(id), version, exec.extra?.[id])
          }))
        }
      ]
    };
  }

  queued(id: string, by: string, action: string, services: string[]): Record<string, unknown> {
    return {
      identifier: { deployment_request_id: id, environment_id: this.environmentId },
      auditing_data: { triggered_by: by, origin: 'API' },
      trigger_action: action,
      stages: [
        {
          name: 'stage',
          status: 'QUEUED',
          services: services.map((s) => ({ identifier: { service_id: s, service_type: this.svc(s).type, name: this.svc(s).name }, status: 'QUEUED' }))
        }
      ]
    };
  }

  /** Runs a request: queued, then an execution in the history, then its end. */
  accept(sent: Record<string, string>, by = 'ci-bot'): string {
    const requestId = randomUUID();
    const { queuedMs = 300, runMs = 600, runStates = ['DEPLOYING'], endState = 'DEPLOYED' } = this.options;
    this.requests.set(requestId, 'QUEUED');
    this.queue.push(this.queued(requestId, by, 'DEPLOY', Object.keys(sent)));
    this.later(queuedMs, () => {
      this.queue = this.queue.filter((q) => (q.identifier as { deployment_request_id: string }).deployment_request_id !== requestId);
      const id = this.nextExecId();
      const running = this.execution({ id, versions: sent, by, status: runStates[0], actionStatus: 'ONGOING' });
      this.history.unshift(running);
      const step = runMs / (runStates.length + 1);
      runStates.forEach((state, index) =>
        this.later(step * index, () => {
          this.requests.set(requestId, state);
          Object.assign(this.status, { last_deployment_state: state, last_deployment_id: id, deployment_request_id: requestId });
          running.status = state;
        })
      );
      this.later(runMs, () => {
        const landed = this.options.land ? this.options.land(sent) : sent;
        const done = this.execution({ id, versions: landed, by, status: endState, actionStatus: endState.endsWith('ERROR') ? 'ERROR' : 'SUCCESS' });
        this.history.splice(this.history.indexOf(running), 1, done);
        this.requests.set(requestId, endState);
        Object.assign(this.status, { last_deployment_state: endState, last_deployment_id: id, deployment_request_id: requestId });
      });
    });
    return requestId;
  }

  later(ms: number, fn: () => void): void {
    this.timers.push(setTimeout(fn, ms));
  }

  postsTo(): Logged[] {
    return this.log.filter((r) => r.method === 'POST');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const entry: Logged = { method: req.method ?? '', path: url.pathname, query: url.searchParams, at: Date.now() };
    try {
      entry.body = raw ? JSON.parse(raw) : undefined;
    } catch {
      entry.body = raw;
    }
    this.log.push(entry);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.answered = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Token ${this.token}`) return json(401, { status: 401, error: 'Unauthorized' });
    const env = `/environment/${this.environmentId}`;
    const p = url.pathname;
    if (req.method === 'GET' && p === env) return json(200, { id: this.environmentId, name: 'prod', organization: { id: randomUUID() }, project: { id: randomUUID() } });
    if (req.method === 'GET' && p === `${env}/status`) return json(200, this.options.noRequestTracking ? { ...this.status, deployment_request_id: undefined } : this.status);
    if (req.method === 'GET' && p === `${env}/statuses`) {
      const group = (type: Kind) => this.options.services.filter((s) => s.type === type).map((s) => ({ id: s.id, state: 'DEPLOYED', service_deployment_status: 'UP_TO_DATE' }));
      return json(200, { environment: this.status, applications: group('APPLICATION'), containers: group('CONTAINER'), helms: group('HELM'), jobs: [], databases: [] });
    }
    if (req.method === 'GET' && p === `${env}/deploymentQueue`) return json(200, { results: this.queue });
    if (req.method === 'GET' && p === '/environment/deploymentStatus') {
      const id = url.searchParams.get('deploymentRequestId') ?? '';
      const state = this.requests.get(id);
      return state && !this.options.noRequestTracking
        ? json(200, { deployment_request_id: id, environment_id: this.environmentId, status: state })
        : json(404, { status: 404, error: 'Not Found' });
    }
    if (req.method === 'GET' && p === `${env}/deploymentHistoryV2`) {
      const size = this.options.paging?.ignorePageSize ?? Number(url.searchParams.get('pageSize') ?? 20);
      const startId = url.searchParams.get('startId');
      const from = startId && !this.options.paging?.repeat ? this.history.findIndex((e) => (e.identifier as { execution_id: string }).execution_id === startId) + 1 : 0;
      return json(200, { page: 1, page_size: size, results: this.history.slice(from, from + size) });
    }
    if (req.method === 'POST' && (p === `${env}/service/deploy` || p === `${env}/redeploy` || p === `${env}/deploy`)) {
      const answers = this.options.answers ?? [{}];
      const answer = answers[Math.min(this.posts++, answers.length - 1)]!;
      const { status = 202, acted = status >= 200 && status < 300, withRequestId = true } = answer;
      let requestId: string | undefined;
      if (acted) requestId = this.accept(sentVersions(entry.body));
      if (this.options.meanwhile) this.options.meanwhile(this);
      if (answer.reset) return void req.socket.destroy();
      entry.answered = status;
      res.writeHead(status, { 'content-type': answer.body === undefined ? 'application/json' : 'text/html', ...answer.headers });
      res.end(answer.body ?? (status === 304 ? undefined : JSON.stringify({ ...this.status, ...(withRequestId && requestId ? { deployment_request_id: requestId } : {}) })));
      return;
    }
    json(404, { status: 404, error: 'Not Found', path: p });
  }
}

/** service id → version, from a DeployAllRequest body. */
export function sentVersions(body: unknown): Record<string, string> {
  const b = (body ?? {}) as Record<string, Array<Record<string, string>>>;
  const out: Record<string, string> = {};
  for (const a of b.applications ?? []) out[a.application_id!] = a.git_commit_id!;
  for (const c of b.containers ?? []) out[c.id!] = c.image_tag!;
  for (const h of b.helms ?? []) out[h.id!] = h.chart_version ?? h.git_commit_id!;
  return out;
}

export async function outside(options: Options): Promise<Outside> {
  return new Outside(options).start();
}

export function run(server: Outside, inputs: Record<string, string> = {}, options: RunOptions = {}): Promise<ActionRun> {
  return runAction({ provider: 'qovery', app_id: server.environmentId, api_url: server.url, api_key: server.token, ...inputs }, { killAfterMs: 90_000, ...options });
}

export const sha = (label: string) => (label.repeat(40) + '0'.repeat(40)).replace(/[^0-9a-f]/g, 'a').slice(0, 40);
