import { notJsonError, type ApiClient, type ApiResponse } from '../../http/api-client.js';
import type { Changed } from '../../errors.js';
import { explainFailure } from './platform-errors.js';
import { parseCvmList, parseOperations, parseRevisionsPage, type CvmState, type OperationRecord, type RevisionsPage } from './shapes.js';

/** Sent on every request so a change of the server's default response shapes cannot break parsing. */
export const PHALA_API_VERSION = '2026-01-21';
export const REVISIONS_PAGE_SIZE = 1000;

/**
 * The Phala Cloud endpoints the rollback uses, typed. Also keeps an estimate of the server's
 * clock (from Date headers), because "an operation that started after the trigger" must be
 * judged on the platform's clock, not the runner's.
 */
export class PhalaApi {
  private clockOffsetMs = 0;
  /** What a failed read means for the platform's state; the trigger moves it on as it sends. */
  changed: Changed = 'nothing';

  constructor(
    private readonly client: ApiClient,
    readonly appId: string,
    private readonly localNow: () => number,
    /** For hints: an api_url without /api/v1 answers 404 to everything. */
    readonly apiUrl = ''
  ) {}

  /** The platform's current time, as best known. */
  serverNow(): number {
    return this.localNow() + this.clockOffsetMs;
  }

  async listAppCvms(doing: string): Promise<CvmState[]> {
    const response = await this.read(`/apps/${this.appId}/cvms`, undefined, doing);
    return parseCvmList(response.endpoint, response.body);
  }

  async listRevisions(page: number, doing: string): Promise<RevisionsPage> {
    const response = await this.read(`/apps/${this.appId}/revisions`, { page, page_size: REVISIONS_PAGE_SIZE }, doing);
    return parseRevisionsPage(response.endpoint, response.body);
  }

  /** Newest first. `cvmId` is CvmState.id: the hashed id, or the dashless UUID. */
  async listOperations(cvmId: string, limit: number, doing: string): Promise<OperationRecord[]> {
    const response = await this.read(`/cvms/${encodeURIComponent(cvmId)}/operations`, { limit }, doing);
    return parseOperations(response.endpoint, response.body);
  }

  /** One attempt, no retry, no redirect: the caller decides what an unclear answer means. */
  async redeploy(revisionId: string, vmUuids: string[], transactionHash: string | undefined): Promise<ApiResponse> {
    const response = await this.client.send({
      method: 'POST',
      path: `/apps/${this.appId}/revisions/${encodeURIComponent(revisionId)}/redeploy`,
      query: { transaction_hash: transactionHash },
      body: { vm_uuids: vmUuids }
    });
    this.noteServerDate(response);
    return response;
  }

  private async read(path: string, query: Record<string, string | number> | undefined, doing: string): Promise<ApiResponse> {
    const response = await this.client.read({ method: 'GET', path, query });
    this.noteServerDate(response);
    if (response.status < 200 || response.status >= 300) {
      throw explainFailure(response, { appId: this.appId, doing, changed: this.changed, apiUrl: this.apiUrl });
    }
    if (response.notJson) throw notJsonError(response, 'Phala Cloud');
    return response;
  }

  private noteServerDate(response: ApiResponse): void {
    const date = Date.parse(String(response.headers.date ?? ''));
    // Date has one-second resolution; half a second is the expected error.
    if (!Number.isNaN(date)) this.clockOffsetMs = date + 500 - this.localNow();
  }
}
