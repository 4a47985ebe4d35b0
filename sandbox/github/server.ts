/**
 * A local stand-in for the two GitHub REST endpoints the deployment record uses:
 *   POST /repos/{owner}/{repo}/deployments
 *   POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses
 * Shapes follow GitHub's REST documentation ("Deployments" and "Deployment statuses"); inputs are
 * validated the way GitHub does (422 "Validation Failed"), and auth the way GITHUB_TOKEN is sent.
 * node:http only, 127.0.0.1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STAND_IN_TOKEN = 'ghs_standInToken0123456789abcdefABCDEF';

export interface RecordedGitHubRequest {
  method: string;
  path: string;
  body: unknown;
  /** Whether a valid token came with it; the token itself is never stored. */
  authorization: boolean;
  status: number;
  userAgent?: string;
}

export interface GitHubDeployment {
  url: string;
  id: number;
  node_id: string;
  sha: string;
  ref: string;
  task: string;
  payload: Record<string, unknown> | string;
  original_environment: string;
  environment: string;
  description: string | null;
  creator: GitHubUser;
  created_at: string;
  updated_at: string;
  statuses_url: string;
  repository_url: string;
  transient_environment: boolean;
  production_environment: boolean;
  /** Not part of GitHub's response; kept so tests can check what was asked for. */
  requested: { required_contexts: unknown; auto_merge: unknown };
}

export interface GitHubDeploymentStatus {
  url: string;
  id: number;
  node_id: string;
  state: string;
  creator: GitHubUser;
  description: string;
  environment: string;
  target_url: string;
  created_at: string;
  updated_at: string;
  deployment_url: string;
  repository_url: string;
  environment_url: string;
  log_url: string;
  /** The deployment it belongs to (GitHub only gives deployment_url). */
  deployment_id: number;
}

interface GitHubUser {
  login: string;
  id: number;
  node_id: string;
  type: string;
  site_admin: boolean;
}

export interface GitHubStandIn {
  url: string;
  token: string;
  requests: RecordedGitHubRequest[];
  deployments: GitHubDeployment[];
  statuses: GitHubDeploymentStatus[];
  /** The next request (whose path matches `path`, when given) gets this status with GitHub's error body. */
  failNext(status: number, path?: RegExp): void;
  /** The next request (matching `path`, when given) is accepted but never answered (until close). */
  hangNext(path?: RegExp): void;
  close(): Promise<void>;
}

const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];
const DOCS = 'https://docs.github.com/rest/deployments';
const BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', type: 'Bot', site_admin: false };

const ERROR_MESSAGES: Record<number, string> = {
  400: 'Problems parsing JSON',
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable'
};

interface Reply {
  status: number;
  body: unknown;
}

export async function startGitHubStandIn(options: { token?: string } = {}): Promise<GitHubStandIn> {
  const token = options.token ?? STAND_IN_TOKEN;
  const requests: RecordedGitHubRequest[] = [];
  const deployments: GitHubDeployment[] = [];
  const statuses: GitHubDeploymentStatus[] = [];
  const pending: Array<{ outcome: number | 'hang'; path?: RegExp }> = [];
  let nextId = 1_000_001;
  let base = '';

  const error = (status: number, message = ERROR_MESSAGES[status] ?? 'Error', errors?: unknown[]): Reply => ({
    status,
    body: { message, ...(errors ? { errors } : {}), documentation_url: DOCS, status: String(status) }
  });
  const invalid = (resource: string, field: string, code: string, message?: string): Reply =>
    error(422, 'Validation Failed', [{ resource, field, code, ...(message ? { message } : {}) }]);

  function createDeployment(owner: string, repo: string, body: Record<string, unknown>): Reply {
    if (typeof body.ref !== 'string' || body.ref === '') return invalid('Deployment', 'ref', 'missing_field');
    if (body.environment !== undefined && (typeof body.environment !== 'string' || body.environment === '')) return invalid('Deployment', 'environment', 'invalid');
    if (body.required_contexts !== undefined && !(Array.isArray(body.required_contexts) && body.required_contexts.every((c) => typeof c === 'string'))) {
      return invalid('Deployment', 'required_contexts', 'invalid');
    }
    for (const flag of ['auto_merge', 'transient_environment', 'production_environment']) {
      if (body[flag] !== undefined && typeof body[flag] !== 'boolean') return invalid('Deployment', flag, 'invalid');
    }
    if (body.description !== undefined && body.description !== null && (typeof body.description !== 'string' || body.description.length > 140)) {
      return invalid('Deployment', 'description', 'custom', 'description is too long (maximum is 140 characters)');
    }
    const payload = body.payload ?? {};
    if (typeof payload !== 'string' && (typeof payload !== 'object' || payload === null || Array.isArray(payload))) return invalid('Deployment', 'payload', 'invalid');
    const id = nextId++;
    const now = new Date().toISOString();
    const environment = (body.environment as string | undefined) ?? 'production';
    const repositoryUrl = `${base}/repos/${owner}/${repo}`;
    const deployment: GitHubDeployment = {
      url: `${repositoryUrl}/deployments/${id}`,
      id,
      node_id: Buffer.from(`Deployment:${id}`).toString('base64'),
      // GitHub resolves the ref to a commit; a 40-hex ref is its own sha.
      sha: /^[0-9a-f]{40}$/.test(body.ref) ? body.ref : '0'.repeat(40),
      ref: body.ref,
      task: typeof body.task === 'string' ? body.task : 'deploy',
      payload: payload as Record<string, unknown> | string,
      original_environment: environment,
      environment,
      description: (body.description as string | null | undefined) ?? null,
      creator: BOT,
      created_at: now,
      updated_at: now,
      statuses_url: `${repositoryUrl}/deployments/${id}/statuses`,
      repository_url: repositoryUrl,
      transient_environment: body.transient_environment === true,
      production_environment: (body.production_environment as boolean | undefined) ?? environment === 'production',
      requested: { required_contexts: body.required_contexts, auto_merge: body.auto_merge }
    };
    deployments.push(deployment);
    const { requested: _requested, ...shown } = deployment;
    return { status: 201, body: shown };
  }

  function createStatus(owner: string, repo: string, deploymentId: number, body: Record<string, unknown>): Reply {
    const deployment = deployments.find((d) => d.id === deploymentId && d.repository_url === `${base}/repos/${owner}/${repo}`);
    if (!deployment) return error(404);
    if (typeof body.state !== 'string' || !STATES.includes(body.state)) return invalid('DeploymentStatus', 'state', 'invalid');
    for (const field of ['log_url', 'environment_url', 'target_url']) {
      const value = body[field];
      if (value !== undefined && value !== '' && (typeof value !== 'string' || !/^https?:\/\//.test(value))) return invalid('DeploymentStatus', field, 'invalid');
    }
    if (body.description !== undefined && (typeof body.description !== 'string' || body.description.length > 140)) {
      return invalid('DeploymentStatus', 'description', 'custom', 'description is too long (maximum is 140 characters)');
    }
    const id = nextId++;
    const now = new Date().toISOString();
    const logUrl = typeof body.log_url === 'string' ? body.log_url : typeof body.target_url === 'string' ? body.target_url : '';
    const status: GitHubDeploymentStatus = {
      url: `${deployment.url}/statuses/${id}`,
      id,
      node_id: Buffer.from(`DeploymentStatus:${id}`).toString('base64'),
      state: body.state,
      creator: BOT,
      description: (body.description as string | undefined) ?? '',
      environment: typeof body.environment === 'string' ? body.environment : deployment.environment,
      target_url: logUrl,
      created_at: now,
      updated_at: now,
      deployment_url: deployment.url,
      repository_url: deployment.repository_url,
      environment_url: typeof body.environment_url === 'string' ? body.environment_url : '',
      log_url: logUrl,
      deployment_id: deployment.id
    };
    statuses.push(status);
    const { deployment_id: _id, ...shown } = status;
    return { status: 201, body: shown };
  }

  function route(method: string, path: string, body: unknown): Reply {
    const created = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(path);
    const status = /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/.exec(path);
    if (!created && !status) return error(404);
    if (method !== 'POST') return error(404);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(400);
    if (created) return createDeployment(created[1]!, created[2]!, body as Record<string, unknown>);
    return createStatus(status![1]!, status![2]!, Number(status![3]), body as Record<string, unknown>);
  }

  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
      const header = req.headers.authorization ?? '';
      const authorized = header === `token ${token}` || header === `Bearer ${token}`;
      let body: unknown;
      let parsed = true;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = false;
        body = text;
      }
      const record: RecordedGitHubRequest = { method: req.method ?? 'GET', path: url.pathname, body, authorization: authorized, status: 0 };
      if (req.headers['user-agent']) record.userAgent = req.headers['user-agent'];
      requests.push(record);

      const index = pending.findIndex((p) => p.path === undefined || p.path.test(record.path));
      const planned = index >= 0 ? pending.splice(index, 1)[0]!.outcome : undefined;
      if (planned === 'hang') {
        hanging.add(res);
        return;
      }
      const reply = planned !== undefined ? error(planned) : !authorized ? error(401) : !parsed ? error(400) : route(record.method, record.path, body);
      record.status = reply.status;
      res.writeHead(reply.status, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-GitHub-Media-Type': 'github.v3; format=json',
        'X-GitHub-Request-Id': `STANDIN:${requests.length}`
      });
      res.end(JSON.stringify(reply.body));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    token,
    requests,
    deployments,
    statuses,
    failNext: (status, path) => void pending.push(path ? { outcome: status, path } : { outcome: status }),
    hangNext: (path) => void pending.push(path ? { outcome: 'hang', path } : { outcome: 'hang' }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
