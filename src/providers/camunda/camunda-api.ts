import { createHash, randomBytes } from 'node:crypto';
import type { Changed } from '../../errors.js';
import type { ApiClient, ApiResponse } from '../../http/api-client.js';
import type { CamundaAuth } from '../../settings.js';
import { explainFailure, readEngineError } from './platform-errors.js';
import { parseDefinitions, parseDeployment, parseDeployments, parseResources, type Definition, type Deployment, type DeploymentResource } from './shapes.js';

export type DefinitionKind = 'process' | 'decision';

/** Which deployments a query covers: one name, in one tenant or in none. */
export interface DeploymentFilter {
  name?: string;
  tenantId?: string | null;
  source?: string;
}

/** A time window of GET /deployment: both bounds are strict in the engine (DEPLOY_TIME_ < before, > after). */
export interface TimeWindow {
  before?: string;
  after?: string;
}

/** The page size asked for unless the engine's queryMaxResultsLimit is lower. */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * The engine's answer when a page is larger than its queryMaxResultsLimit (QueryMaxResultsLimitUtil
 * in camunda/camunda-bpm-platform, engine/src/main/java/org/camunda/bpm/engine/impl/util/
 * QueryMaxResultsLimitUtil.java): "Max results limit of N exceeded!".
 */
const LIMIT_EXCEEDED = /Max results limit of (\d+) exceeded/;

/** The endpoints a rollback uses, typed; every failed read is explained. */
export class CamundaApi {
  /** What this run may have done to the engine so far; every read failure says it. */
  changed: Changed = 'nothing';
  /** Rows per query page: DEFAULT_PAGE_SIZE, or the engine's queryMaxResultsLimit once it named one. */
  pageSize = DEFAULT_PAGE_SIZE;

  constructor(
    private readonly client: ApiClient,
    private readonly auth: CamundaAuth['kind'],
    private readonly apiUrl?: string
  ) {}

  /** Newest first (by deploymentTime), or by id with `byId`; one page of at most `maxResults` rows (capped at the page size). */
  async listDeployments(filter: DeploymentFilter, window: TimeWindow & { firstResult?: number; byId?: boolean }, maxResults: number, doing: string): Promise<Deployment[]> {
    const { firstResult = 0, byId = false, ...times } = window;
    const order = byId ? { sortBy: 'id', sortOrder: 'asc' } : { sortBy: 'deploymentTime', sortOrder: 'desc' };
    const response = await this.query('/deployment', { ...deploymentQuery(filter), ...times, ...order, firstResult }, maxResults, doing);
    // A server that ignores maxResults does not get to make the run hold more than it asked for.
    return parseDeployments(response.endpoint, response.body).slice(0, Math.min(maxResults, this.pageSize));
  }

  async getDeployment(id: string, doing: string): Promise<Deployment> {
    const response = await this.read(`/deployment/${encodeURIComponent(id)}`, undefined, doing);
    return parseDeployment(response.endpoint, response.body);
  }

  /** One deployment by id; undefined when the engine has none (404 with the engine's JSON error). */
  async findDeployment(id: string, doing: string): Promise<Deployment | undefined> {
    const response = await this.client.read({ method: 'GET', path: `/deployment/${encodeURIComponent(id)}` });
    if (response.status === 404 && isObject(response.body)) return undefined;
    if (response.status < 200 || response.status >= 300) throw this.explain(response, doing);
    return parseDeployment(response.endpoint, response.body);
  }

  /** Not a query (RepositoryService.getDeploymentResources): the engine's result limit does not apply. */
  async listResources(deploymentId: string, doing: string): Promise<DeploymentResource[]> {
    const response = await this.read(`/deployment/${encodeURIComponent(deploymentId)}/resources`, undefined, doing);
    return parseResources(response.endpoint, response.body);
  }

  async resourceData(deploymentId: string, resourceId: string, doing: string): Promise<Buffer> {
    const response = await this.read(`/deployment/${encodeURIComponent(deploymentId)}/resources/${encodeURIComponent(resourceId)}/data`, undefined, doing, true);
    return response.bytes ?? Buffer.alloc(0);
  }

  /** SHA-256 of one resource's bytes; the bytes are dropped at once, so a deployment of many large resources is never held whole. */
  async resourceHash(deploymentId: string, resourceId: string, doing: string): Promise<string> {
    return createHash('sha256')
      .update(await this.resourceData(deploymentId, resourceId, doing))
      .digest('hex');
  }

  /** The definitions a deployment created, one page (the engine refuses latestVersion together with deploymentId). */
  async definitionsOf(kind: DefinitionKind, deploymentId: string, firstResult: number, doing: string): Promise<Definition[]> {
    const response = await this.query(`/${kind}-definition`, { deploymentId, sortBy: 'id', sortOrder: 'asc', firstResult }, this.pageSize, doing);
    return parseDefinitions(response.endpoint, response.body).slice(0, this.pageSize);
  }

  /** The latest version of one definition key in a tenant (or without one). */
  async latestDefinition(kind: DefinitionKind, key: string, tenantId: string | null, doing: string): Promise<Definition | undefined> {
    const tenant: Record<string, string> = tenantId ? { tenantIdIn: tenantId } : { withoutTenantId: 'true' };
    const response = await this.query(`/${kind}-definition`, { key, latestVersion: 'true', ...tenant }, 1, doing);
    return parseDefinitions(response.endpoint, response.body)[0];
  }

  /** One attempt, never retried: the caller finds out what a lost answer means. */
  redeploy(deploymentId: string, body: { source: string; resourceIds: string[] }): Promise<ApiResponse> {
    return this.client.send({ method: 'POST', path: `/deployment/${encodeURIComponent(deploymentId)}/redeploy`, body });
  }

  /** POST /deployment/create (multipart), one attempt: a new deployment of exactly these resources, duplicate filtering off. */
  create(fields: { name: string; source: string; tenantId: string | null }, resources: Array<{ name: string; bytes: Buffer }>): Promise<ApiResponse> {
    const boundary = `----camunda-rollback-${randomBytes(16).toString('hex')}`;
    const parts: Buffer[] = [];
    const field = (name: string, value: string) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
    field('deployment-name', fields.name);
    field('deployment-source', fields.source);
    if (fields.tenantId) field('tenant-id', fields.tenantId);
    for (const resource of resources) {
      const quoted = resource.name.replace(/["\\]/g, '_');
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted}"; filename="${quoted}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'),
        resource.bytes,
        Buffer.from('\r\n', 'utf8')
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
    return this.client.send({ method: 'POST', path: '/deployment/create', rawBody: { contentType: `multipart/form-data; boundary=${boundary}`, data: Buffer.concat(parts) } });
  }

  explain(response: ApiResponse, doing: string, changed: Changed = this.changed) {
    return explainFailure(response, { doing, auth: this.auth, changed, apiUrl: this.apiUrl });
  }

  /**
   * A query: always with maxResults (an engine with queryMaxResultsLimit refuses an unbounded
   * one), and when the engine names its limit, again with pages of that size, for this and every
   * later query.
   */
  private async query(path: string, params: Record<string, string | number>, maxResults: number, doing: string): Promise<ApiResponse> {
    for (let attempt = 0; ; attempt++) {
      const response = await this.client.read({ method: 'GET', path, query: { ...params, maxResults: Math.min(maxResults, this.pageSize) } });
      if (response.status === 400 && attempt === 0) {
        const limit = LIMIT_EXCEEDED.exec(readEngineError(response).message ?? '');
        const named = limit ? Number(limit[1]) : NaN;
        if (Number.isSafeInteger(named) && named >= 1 && named < this.pageSize) {
          this.pageSize = named;
          continue;
        }
      }
      if (response.status < 200 || response.status >= 300) throw this.explain(response, doing);
      return response;
    }
  }

  private async read(path: string, query: Record<string, string | number> | undefined, doing: string, raw = false): Promise<ApiResponse> {
    const response = await this.client.read({ method: 'GET', path, query, raw });
    if (response.status < 200 || response.status >= 300) throw this.explain(response, doing);
    return response;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function deploymentQuery(filter: DeploymentFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.name !== undefined) query.name = filter.name;
  if (filter.source !== undefined) query.source = filter.source;
  // Without a tenant the engine would list every tenant's deployments of that name.
  if (filter.tenantId) query.tenantIdIn = filter.tenantId;
  else query.withoutTenantId = 'true';
  return query;
}
