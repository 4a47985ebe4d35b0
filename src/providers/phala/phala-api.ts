import { notJsonError, parseJsonText, type ApiCall, type ApiClient, type ApiResponse } from '../../http/api-client.js';
import { throttleWaitMs, type RequestPacer } from '../../http/rate-window.js';
import type { Changed } from '../../errors.js';
import { explainFailure } from './platform-errors.js';
import { skimRevisionsPage, type SkimNeedles } from './revision-skim.js';
import { parseCvmList, parseOperations, parseRevisionsPage, type CvmState, type OperationRecord, type RevisionsPage } from './shapes.js';

/** Sent on every request so a change of the server's default response shapes cannot break parsing. */
export const PHALA_API_VERSION = '2026-01-21';
export const REVISIONS_PAGE_SIZE = 1000;

/** How reads of a long wait go out: paced, and never given up on because of a 429. */
export interface PacedRead {
  pacer: RequestPacer;
  /** Ahead of the reads already waiting (the state read every decision depends on). */
  first?: boolean;
  /** Told of every 429 and the pause it asked for, so the log says why the wait slowed. */
  onThrottled(endpoint: string, waitMs: number): void;
}

/**
 * The documented filters of GET /cvms/{cvm_id}/operations (Phala Cloud OpenAPI, phala-cloud-openapi.json):
 * `start_time` ("operations started after this UTC time"), `operation_types` (repeated) and `limit` (1–500).
 */
export interface OperationsQuery {
  limit: number;
  /** ms since epoch, on the platform's clock */
  startedAfter?: number;
  types?: readonly string[];
}
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

  async listAppCvms(doing: string, paced?: PacedRead): Promise<CvmState[]> {
    const response = await this.read(`/apps/${this.appId}/cvms`, undefined, doing, paced);
    return parseCvmList(response.endpoint, response.body);
  }

  /** With `needles`, a page that cannot hold the revision searched for is only skimmed. */
  async listRevisions(page: number, doing: string, needles?: SkimNeedles): Promise<RevisionsPage> {
    const response = await this.read(`/apps/${this.appId}/revisions`, { page, page_size: REVISIONS_PAGE_SIZE }, doing, undefined, true);
    const skimmed = needles && skimRevisionsPage(response.text, needles);
    if (skimmed) return skimmed;
    const parsed = parseJsonText(response.text);
    if (parsed.notJson) throw notJsonError(response, 'Phala Cloud');
    return parseRevisionsPage(response.endpoint, parsed.body);
  }

  /** Newest first. `cvmId` is CvmState.id: the hashed id, or the dashless UUID. A number is the limit alone. */
  async listOperations(cvmId: string, filter: number | OperationsQuery, doing: string, paced?: PacedRead): Promise<OperationRecord[]> {
    const { limit, startedAfter, types } = typeof filter === 'number' ? { limit: filter } : filter;
    const query: ApiCall['query'] = { limit };
    if (startedAfter !== undefined) query.start_time = new Date(startedAfter).toISOString();
    if (types && types.length > 0) query.operation_types = [...types];
    const response = await this.read(`/cvms/${encodeURIComponent(cvmId)}/operations`, query, doing, paced);
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

  private async read(path: string, query: ApiCall['query'], doing: string, paced?: PacedRead, textOnSuccess = false): Promise<ApiResponse> {
    const response = paced
      ? await this.pacedRead({ method: 'GET', path, query, throttledToCaller: true }, paced)
      : await this.client.read({ method: 'GET', path, query, textOnSuccess });
    this.noteServerDate(response);
    if (response.status < 200 || response.status >= 300) {
      throw explainFailure(response, { appId: this.appId, doing, changed: this.changed, apiUrl: this.apiUrl });
    }
    if (response.notJson) throw notJsonError(response, 'Phala Cloud');
    return response;
  }

  /** Until an answer that is not a 429 (or the deadline, which the pacer and the client enforce). */
  private async pacedRead(call: ApiCall, { pacer, onThrottled, first }: PacedRead): Promise<ApiResponse> {
    for (let throttles = 0; ; throttles++) {
      let pauseMs: number | undefined;
      const response = await pacer.run(async () => {
        const answer = await this.client.read(call);
        // Told inside the request's slot, so no waiting request slips out before the pause starts.
        if (answer.status === 429) {
          this.noteServerDate(answer);
          // Without a header saying how long: 2 s, doubling, within the 1–60 s bounds.
          pauseMs = throttleWaitMs(answer.headers, this.localNow(), 2000 * 2 ** Math.min(throttles, 5));
          pacer.throttled(pauseMs);
        } else pacer.answered();
        return answer;
      }, first);
      if (pauseMs === undefined) return response;
      onThrottled(response.endpoint, pauseMs);
    }
  }

  private noteServerDate(response: ApiResponse): void {
    const date = Date.parse(String(response.headers.date ?? ''));
    // Date has one-second resolution; half a second is the expected error.
    if (!Number.isNaN(date)) this.clockOffsetMs = date + 500 - this.localNow();
  }
}
