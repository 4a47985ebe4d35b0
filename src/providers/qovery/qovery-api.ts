import type { ApiClient, ApiResponse } from '../../http/api-client.js';
import type { Changed } from '../../errors.js';
import { explainFailure } from './platform-errors.js';
import { readRateBudget, TokenPace, type RateBudget } from './rate-pace.js';
import {
  parseEnvironment,
  parseEnvironmentStatus,
  parseEnvironmentStatuses,
  parseHistoryPage,
  parseQueue,
  parseRequestStatus,
  type EnvironmentInfo,
  type QueuedRequest,
  type EnvironmentStatus,
  type EnvironmentStatuses,
  type Execution,
  type VersionField
} from './shapes.js';

/** Rows per history page; the next page starts after the last execution id read (`startId`). */
export const HISTORY_PAGE_SIZE = 100;

export interface ServiceDeploy {
  id: string;
  type: string;
  field: VersionField;
  version: string;
  /** helms: the values-override commit the target ran, when the history recorded one */
  valuesOverride?: string;
}

/**
 * The Qovery endpoints the rollback uses, typed. Remembers the rate-limit budget the server
 * reports, so polling can slow down before the token runs dry.
 */
export class QoveryApi {
  budget: RateBudget = {};
  /** Every answer's budget in order, to pace polls fairly with whoever else uses the token. */
  readonly pace = new TokenPace();
  /** The last pacing the log told of, so it is told once. */
  paceNote = '';
  /** Whether this run may have changed the environment; failures say so. */
  changed: Changed = 'nothing';

  constructor(
    private readonly client: ApiClient,
    readonly environmentId: string,
    private readonly now: () => number
  ) {}

  async environment(doing: string): Promise<EnvironmentInfo> {
    const response = await this.read(`/environment/${this.environmentId}`, undefined, doing);
    return parseEnvironment(response.endpoint, response.body);
  }

  async status(doing: string): Promise<EnvironmentStatus> {
    const response = await this.read(`/environment/${this.environmentId}/status`, undefined, doing);
    return parseEnvironmentStatus(response.endpoint, response.body);
  }

  async statuses(doing: string): Promise<EnvironmentStatuses> {
    const response = await this.read(`/environment/${this.environmentId}/statuses`, undefined, doing);
    return parseEnvironmentStatuses(response.endpoint, response.body);
  }

  /**
   * One page of the history, newest first, from after `startId` (the operation's documented
   * paging). At most `limit` rows are kept; `rows` says how many the server sent.
   */
  async historyPage(doing: string, startId?: string, limit = HISTORY_PAGE_SIZE): Promise<{ executions: Execution[]; rows: number }> {
    const query: Record<string, string | number> = { pageSize: HISTORY_PAGE_SIZE };
    if (startId) query.startId = startId;
    const response = await this.read(`/environment/${this.environmentId}/deploymentHistoryV2`, query, doing);
    return parseHistoryPage(response.endpoint, response.body, limit);
  }

  /** The newest page of the history. */
  async history(doing: string): Promise<Execution[]> {
    return (await this.historyPage(doing)).executions;
  }

  /** The deploy requests waiting behind the running deployment, in the order they will run. */
  async queue(doing: string): Promise<QueuedRequest[]> {
    const response = await this.read(`/environment/${this.environmentId}/deploymentQueue`, undefined, doing);
    return parseQueue(response.endpoint, response.body);
  }

  /** The state of one deploy request; undefined when the API does not know the id (404). */
  async requestStatus(requestId: string, doing: string): Promise<string | undefined> {
    const response = await this.client.read({ method: 'GET', path: '/environment/deploymentStatus', query: { deploymentRequestId: requestId } });
    this.noteBudget(response);
    if (response.status === 404) return undefined;
    if (response.status < 200 || response.status >= 300) throw explainFailure(response, { environmentId: this.environmentId, doing, changed: this.changed });
    return parseRequestStatus(response.endpoint, response.body);
  }

  /** One attempt, no retry: the caller decides what a lost answer means. */
  async redeploy(): Promise<ApiResponse> {
    return this.send(`/environment/${this.environmentId}/redeploy`, undefined);
  }

  /** One attempt, no retry. Each service goes in its type's list with the field that carries its version. */
  async deployServices(services: ServiceDeploy[]): Promise<ApiResponse> {
    const body: Record<string, Array<Record<string, string>>> = {};
    const add = (list: string, item: Record<string, string>) => (body[list] ??= []).push(item);
    for (const service of services) {
      switch (service.type) {
        case 'APPLICATION':
          add('applications', { application_id: service.id, git_commit_id: service.version });
          break;
        case 'CONTAINER':
          add('containers', { id: service.id, image_tag: service.version });
          break;
        case 'JOB':
          add('jobs', { id: service.id, [service.field]: service.version });
          break;
        case 'HELM':
          add('helms', { id: service.id, [service.field]: service.version, ...(service.valuesOverride ? { values_override_git_commit_id: service.valuesOverride } : {}) });
          break;
      }
    }
    return this.send(`/environment/${this.environmentId}/service/deploy`, body);
  }

  private async send(path: string, body: unknown): Promise<ApiResponse> {
    const response = await this.client.send({ method: 'POST', path, body });
    this.noteBudget(response);
    return response;
  }

  private noteBudget(response: ApiResponse): void {
    const now = this.now();
    this.budget = readRateBudget(response.headers, now, this.budget);
    this.pace.observe(this.budget, now);
  }

  private async read(path: string, query: Record<string, string | number> | undefined, doing: string): Promise<ApiResponse> {
    const response = await this.client.read({ method: 'GET', path, query });
    this.noteBudget(response);
    if (response.status < 200 || response.status >= 300) {
      throw explainFailure(response, { environmentId: this.environmentId, doing, changed: this.changed });
    }
    return response;
  }
}
