import { ActionError } from '../../errors.js';
import type { RevisionRow, RevisionsPage } from './shapes.js';

/** The caller always asks for the largest page the API allows. */
export const PAGE_SIZE = 1000;
export const DEFAULT_CONCURRENCY = 8;
/** Beyond this we would only be hammering an API whose rate limits are unpublished. */
export const MAX_CONCURRENCY = 8;
/** 100 pages = 100,000 revisions: far past any real rollback, short enough to fail fast. */
export const DEFAULT_MAX_PAGES = 100;
/**
 * The bound counts rows, not only requests: a server that ignores page_size can put 16 MiB of
 * rows on every page, and 100 such pages would be millions of rows held and searched.
 */
export const DEFAULT_MAX_ROWS = DEFAULT_MAX_PAGES * PAGE_SIZE;

export interface PagingOptions {
  /** Requests in flight at once after page 1; clamped to 1..8. */
  concurrency?: number;
  /** Upper bound on requests per run (refetches count too). */
  maxPages?: number;
  /** Upper bound on distinct rows handed to the visitor, however many a page holds. */
  maxRows?: number;
}

/**
 * `visit` gets each page's rows not seen before, pages strictly in order (newest first), and
 * says whether the answer is settled. A skimmed page's rows are counted but not handed over:
 * none of them can answer. Settling stops new requests at once.
 */
export type PageVisitor = (freshRows: RevisionRow[], page: number) => 'settled' | 'continue';

export interface PagingResult {
  /** Distinct rows handed to the visitor. */
  rowsRead: number;
  pagesRead: number;
  /** Pages fetched, including ones fetched ahead and then ignored, and refetches. */
  requests: number;
  /** The history's size as the last page read reported it. */
  total: number;
  /** settled: the visitor stopped; exhausted: the history ended; capped: maxPages or maxRows stopped it. */
  end: 'settled' | 'exhausted' | 'capped';
  maxPages: number;
  maxRows: number;
  /** The largest page served, in rows: more than PAGE_SIZE means the server ignored page_size. */
  largestPage: number;
}

type Outcome = { ok: true; page: RevisionsPage } | { ok: false; error: unknown };

function pagingFailed(message: string): ActionError {
  return new ActionError('Revision history paging failed', message);
}

/**
 * Reads the revision history page by page. Page 1 goes alone (it tells how many pages there
 * are); later pages are fetched ahead, at most `concurrency` at once, but handed over in order.
 *
 * New revisions arrive at the top while we read and push older rows to later pages, so rows are
 * de-duplicated by revision id and the page count is re-planned from every page's `total`. A
 * page served from an older snapshot than its predecessor (a smaller `total`: possible when
 * concurrent requests are served out of order) may have skipped rows in between, so it is
 * fetched again once. Everything is bounded by `maxPages` requests and `maxRows` rows, whatever the server claims
 * or sends.
 */
export async function readRevisionPages(fetchPage: (page: number) => Promise<RevisionsPage>, visit: PageVisitor, options: PagingOptions = {}): Promise<PagingResult> {
  const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)));
  const maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
  const maxRows = Math.max(1, Math.floor(options.maxRows ?? DEFAULT_MAX_ROWS));
  let largestPage = 0;
  const firstSeenOn = new Map<string, number>(); // revision id → page
  const ahead = new Map<number, Promise<Outcome>>();
  let requests = 0;
  let rowsRead = 0;
  let pagesRead = 0;
  let total = 0;
  let wanted = 1; // last page we know we need
  let processed = 0;

  // Rejections are captured, never left unhandled: a page fetched ahead may be ignored.
  const request = (page: number): Promise<Outcome> => {
    requests++;
    return (async () => fetchPage(page))().then(
      (result): Outcome => ({ ok: true, page: result }),
      (error: unknown): Outcome => ({ ok: false, error })
    );
  };
  const receive = async (outcome: Promise<Outcome>): Promise<RevisionsPage> => {
    const settled = await outcome;
    if (!settled.ok) throw settled.error;
    return settled.page;
  };
  // The window [processed + 1, processed + concurrency] bounds both requests in flight and how
  // much is wasted once the answer is settled.
  const fetchAhead = (): void => {
    const last = Math.min(wanted, processed + concurrency);
    for (let page = processed + 1; page <= last && requests < maxPages; page++) {
      if (!ahead.has(page)) ahead.set(page, request(page));
    }
  };
  const result = (end: PagingResult['end']): PagingResult => ({ rowsRead, pagesRead, requests, total, end, maxPages, maxRows, largestPage });

  for (let page = 1; ; page++) {
    if (page > wanted) return result('exhausted');
    let pending = ahead.get(page);
    ahead.delete(page);
    if (!pending) {
      if (requests >= maxPages) return result('capped');
      pending = request(page);
    }
    let body = await receive(pending);
    if (page > 1 && body.total < total && requests < maxPages) body = await receive(request(page));

    // A skimmed page brings only ids (none of its rows can answer); the bookkeeping is the same.
    const ids = body.skippedIds ?? body.rows.map((row) => row.revisionId);
    if (ids.length === 0) {
      if (rowsRead >= body.total) return result('exhausted');
      throw pagingFailed(
        `Page ${page} of the revision history came back empty although it reports ${body.total} revisions and only ${rowsRead} were read: ` +
          'the server ignored the page parameter or lost rows mid-read. Stopped instead of paging on.'
      );
    }
    largestPage = Math.max(largestPage, ids.length);
    const fresh: RevisionRow[] = [];
    let freshCount = 0;
    const { rows } = body;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (firstSeenOn.has(id)) continue;
      firstSeenOn.set(id, page);
      freshCount++;
      if (i < rows.length) fresh.push(rows[i]!);
    }
    // A page of nothing new is legitimate only if at least a page of revisions arrived since the
    // previous page and pushed it down; otherwise the server is repeating itself.
    if (freshCount === 0 && body.total - total < ids.length) {
      const repeated = firstSeenOn.get(ids[0]!)!;
      throw pagingFailed(
        `Page ${page} of the revision history repeated page ${repeated} (only revisions already read, and the history did not grow): ` +
          `the server ignored the page parameter. Stopped after ${requests} requests instead of paging forever.`
      );
    }
    // Rows beyond the cap are never handed over, however large the page the server sent.
    if (rowsRead + freshCount > maxRows) {
      freshCount = maxRows - rowsRead;
      if (fresh.length > freshCount) fresh.length = freshCount;
    }
    rowsRead += freshCount;
    pagesRead++;
    total = body.total;
    processed = page;
    wanted = Math.max(wanted, body.totalPages, Math.ceil(body.total / PAGE_SIZE));
    if (visit(fresh, page) === 'settled') return result('settled');
    if (rowsRead >= maxRows) return result(rowsRead >= body.total ? 'exhausted' : 'capped');
    fetchAhead();
  }
}
