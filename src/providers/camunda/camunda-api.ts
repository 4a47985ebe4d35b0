import type { Changed } from '../../errors.js';
import type { ApiClient, ApiResponse } from '../../http/api-client.js';
import type { CamundaAuth } from '../../settings.js';
import { explainFailure } from './platform-errors.js';
import { parseDefinitions, parseDeployment, parseDeployments, parseResources, type Definition, type Deployment, type DeploymentResource } from './shapes.js';

export type DefinitionKind = 'process' | 'decision';

/** Which deployments a query covers: one name, in one tenant or in none. */
export interface DeploymentFilter {
  name?: string;
  tenantId?: string | null;
  source?: string;
}

/** The engine-rest endpoints a rollback uses, typed; every failed read is explained. */
export class CamundaApi {
  /** What this run may have done to the engine so far; every read failure says it. */
  changed: Changed = 'nothing';

  constructor(
    private readonly client: ApiClient,
    private readonly auth: CamundaAuth['kind']
  ) {}

  /** Newest first (by deploymentTime), one page. */
  async listDeployments(filter: DeploymentFilter, firstResult: number, maxResults: number, doing: string): Promise<Deployment[]> {
    const response = await this.read('/deployment', { ...deploymentQuery(filter), sortBy: 'deploymentTime', sortOrder: 'desc', firstResult, maxResults }, doing);
    return parseDeployments(response.endpoint, response.body);
  }

  async getDeployment(id: string, doing: string): Promise<Deployment> {
    const response = await this.read(`/deployment/${encodeURIComponent(id)}`, undefined, doing);
    return parseDeployment(response.endpoint, response.body);
  }

  /** One deployment by id; undefined when the engine has none (404). */
  async findDeployment(id: string, doing: string): Promise<Deployment | undefined> {
    const response = await this.client.read({ method: 'GET', path: `/deployment/${encodeURIComponent(id)}` });
    if (response.status === 404) return undefined;
    if (response.status < 200 || response.status >= 300) throw this.explain(response, doing);
    return parseDeployment(response.endpoint, response.body);
  }

  async listResources(deploymentId: string, doing: string): Promise<DeploymentResource[]> {
    const response = await this.read(`/deployment/${encodeURIComponent(deploymentId)}/resources`, undefined, doing);
    return parseResources(response.endpoint, response.body);
  }

  async resourceData(deploymentId: string, resourceId: string, doing: string): Promise<Buffer> {
    const response = await this.read(`/deployment/${encodeURIComponent(deploymentId)}/resources/${encodeURIComponent(resourceId)}/data`, undefined, doing, true);
    return response.bytes ?? Buffer.alloc(0);
  }

  /** The definitions a deployment created (the engine refuses latestVersion together with deploymentId). */
  async definitionsOf(kind: DefinitionKind, deploymentId: string, doing: string): Promise<Definition[]> {
    const response = await this.read(`/${kind}-definition`, { deploymentId }, doing);
    return parseDefinitions(response.endpoint, response.body);
  }

  /** The latest version of one definition key in a tenant (or without one). */
  async latestDefinition(kind: DefinitionKind, key: string, tenantId: string | null, doing: string): Promise<Definition | undefined> {
    const tenant: Record<string, string> = tenantId ? { tenantIdIn: tenantId } : { withoutTenantId: 'true' };
    const response = await this.read(`/${kind}-definition`, { key, latestVersion: 'true', ...tenant }, doing);
    return parseDefinitions(response.endpoint, response.body)[0];
  }

  /** One attempt, never retried: the caller finds out what a lost answer means. */
  redeploy(deploymentId: string, body: { source: string; resourceNames?: string[] }): Promise<ApiResponse> {
    return this.client.send({ method: 'POST', path: `/deployment/${encodeURIComponent(deploymentId)}/redeploy`, body });
  }

  explain(response: ApiResponse, doing: string, changed: Changed = this.changed) {
    return explainFailure(response, { doing, auth: this.auth, changed });
  }

  private async read(path: string, query: Record<string, string | number> | undefined, doing: string, raw = false): Promise<ApiResponse> {
    const response = await this.client.read({ method: 'GET', path, query, raw });
    if (response.status < 200 || response.status >= 300) throw this.explain(response, doing);
    return response;
  }
}

export function deploymentQuery(filter: DeploymentFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.name !== undefined) query.name = filter.name;
  if (filter.source !== undefined) query.source = filter.source;
  // Without a tenant the engine would list every tenant's deployments of that name.
  if (filter.tenantId) query.tenantIdIn = filter.tenantId;
  else query.withoutTenantId = 'true';
  return query;
}
