import { describe, expect, it } from '@jest/globals';
import { ActionError } from '../../../src/errors.js';
import { parseRevisionSelector } from '../../../src/revision-selector.js';
import { resolveRevision } from '../../../src/providers/phala/resolve-revision.js';
import { readRevisionPages, type PageVisitor } from '../../../src/providers/phala/revision-paging.js';
import type { RevisionRow, RevisionsPage } from '../../../src/providers/phala/shapes.js';
import { failure } from '../../action-error.js';
import { fakeHistory, hash, row, rowsOf, sleep } from './fake-revision-history.js';

/** A visitor that never settles and remembers what it was handed. */
function collector() {
  const ids: string[] = [];
  const pages: number[] = [];
  const visit: PageVisitor = (rows, page) => {
    pages.push(page);
    for (const r of rows) ids.push(r.revisionId);
    return 'continue';
  };
  return { ids, pages, visit };
}

/** Ids of `expected` that never reached the visitor. */
const missing = (expected: string[], seen: string[]) => {
  const got = new Set(seen);
  return expected.filter((id) => !got.has(id));
};

const jitter = (page: number) => ((page * 7) % 5) * 2;

describe('concurrent paging', () => {
  it('fetches page 1 alone, then keeps at most `concurrency` requests in flight', async () => {
    const fake = fakeHistory(
      rowsOf(30_000, (i) => hash(i)),
      { delay: jitter }
    );
    let inFlightWhilePageOne = -1;
    const { visit, pages } = collector();
    const result = await readRevisionPages(
      fake.fetchPage,
      (rows, page) => {
        if (page === 1) inFlightWhilePageOne = fake.stats.inFlight;
        return visit(rows, page);
      },
      { concurrency: 3 }
    );
    expect(inFlightWhilePageOne).toBe(0);
    expect(fake.stats.maxInFlight).toBe(3);
    expect(result).toMatchObject({ end: 'exhausted', requests: 30, pagesRead: 30, rowsRead: 30_000 });
    expect(pages).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('never has more than 8 requests in flight, whatever concurrency is asked for', async () => {
    const fake = fakeHistory(
      rowsOf(30_000, (i) => hash(i)),
      { delay: jitter }
    );
    await readRevisionPages(fake.fetchPage, collector().visit, { concurrency: 50 });
    expect(fake.stats.maxInFlight).toBe(8);
  });

  it('hands pages over strictly in order even when later pages answer first', async () => {
    const fake = fakeHistory(
      rowsOf(8000, (i) => hash(i)),
      { delay: (page) => (9 - page) * 3 }
    );
    const { visit, pages, ids } = collector();
    await readRevisionPages(fake.fetchPage, visit, { concurrency: 8 });
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ids).toEqual(fake.rows.map((r) => r.revisionId));
  });

  it('issues no new request once the answer is settled, even though later pages were wanted', async () => {
    const fake = fakeHistory(
      rowsOf(40_000, (i) => hash(i)),
      { delay: jitter }
    );
    const result = await readRevisionPages(fake.fetchPage, (_rows, page) => (page === 4 ? 'settled' : 'continue'), { concurrency: 3 });
    const issuedAtSettling = fake.fetched.length;
    await sleep(60);
    expect(fake.fetched).toHaveLength(issuedAtSettling);
    expect(Math.max(...fake.fetched)).toBeLessThanOrEqual(3 + 3); // the window ahead of page 3, the last page handed over before 4
    expect(result).toMatchObject({ end: 'settled', pagesRead: 4, requests: issuedAtSettling });
  });

  it('ignores a failure of a page fetched ahead but never needed', async () => {
    const fake = fakeHistory(
      rowsOf(10_000, (i) => hash(i)),
      { delay: jitter }
    );
    const fetchPage = (page: number): Promise<RevisionsPage> => (page >= 3 ? Promise.reject(new Error('boom')) : fake.fetchPage(page));
    const result = await readRevisionPages(fetchPage, (_rows, page) => (page === 2 ? 'settled' : 'continue'), { concurrency: 4 });
    expect(result.end).toBe('settled');
  });

  it('passes on the failure of a page it needs', async () => {
    const fake = fakeHistory(rowsOf(10_000, (i) => hash(i)));
    const fetchPage = (page: number): Promise<RevisionsPage> => (page === 3 ? Promise.reject(new ActionError('API down', 'boom')) : fake.fetchPage(page));
    await expect(readRevisionPages(fetchPage, collector().visit)).rejects.toThrow('boom');
  });
});

describe('rows that shift while paging', () => {
  it('hands every row over once and never skips one when new revisions arrive at the top between requests', async () => {
    let arrivals = 0;
    const fake = fakeHistory(
      rowsOf(3000, (i) => hash(i)),
      {
        delay: jitter,
        onCall: (_page, rows) => rows.unshift(...Array.from({ length: 7 }, () => row(`new${arrivals++}`, hash(900_000 + arrivals))))
      }
    );
    const original = fake.rows.map((r) => r.revisionId);
    const { visit, ids } = collector();
    const result = await readRevisionPages(fake.fetchPage, visit, { concurrency: 3 });
    expect(new Set(ids).size).toBe(ids.length);
    expect(missing(original, ids)).toEqual([]);
    expect(result.rowsRead).toBe(ids.length);
    expect(fake.fetched).toContain(4); // the oldest rows were pushed past the three pages first planned
  });

  it('fetches a page again when it was served from an older snapshot than the page before it', async () => {
    // Page 2 is slow and served after 5 revisions arrived; page 3 answers at once from the old snapshot.
    let inserted = false;
    const fake = fakeHistory(
      rowsOf(3000, (i) => hash(i)),
      {
        delay: (page) => (page === 2 ? 20 : 0),
        onServe: (page, rows) => {
          if (page === 2 && !inserted) {
            inserted = true;
            rows.unshift(...Array.from({ length: 5 }, (_, n) => row(`new${n}`, hash(800_000 + n))));
          }
        }
      }
    );
    const original = fake.rows.map((r) => r.revisionId);
    const { visit, ids } = collector();
    await readRevisionPages(fake.fetchPage, visit, { concurrency: 4 });
    expect(missing(original, ids)).toEqual([]);
    expect(fake.fetched.filter((page) => page === 3)).toHaveLength(2);
  });

  it('finds the oldest revision by id while revisions keep arriving', async () => {
    let arrivals = 0;
    const fake = fakeHistory(
      rowsOf(2500, (i) => hash(i)),
      {
        onCall: (_page, rows) => rows.unshift(...Array.from({ length: 400 }, () => row(`new${arrivals++}`, hash(700_000 + arrivals))))
      }
    );
    const result = await resolveRevision(fake.fetchPage, parseRevisionSelector('r0'), [], { concurrency: 2 });
    expect(result.target.revisionId).toBe('r0');
  });

  it('does not mistake a page pushed down whole by many arrivals for a server that ignores paging', async () => {
    const rows = rowsOf(3000, (i) => hash(i));
    let calls = 0;
    const fetchPage = async (page: number): Promise<RevisionsPage> => {
      // Before the second request a full page of new revisions arrives: page 2 now repeats page 1.
      if (calls++ === 1) rows.unshift(...Array.from({ length: 1000 }, (_, n) => row(`new${n}`, hash(600_000 + n))));
      return { rows: rows.slice((page - 1) * 1000, page * 1000), total: rows.length, totalPages: Math.ceil(rows.length / 1000) };
    };
    const { visit, ids } = collector();
    const result = await readRevisionPages(fetchPage, visit, { concurrency: 1 });
    expect(ids).toHaveLength(3000);
    expect(result.end).toBe('exhausted');
  });
});

describe('bounded paging', () => {
  it('stops with an error naming the repeated page when the server ignores the page parameter', async () => {
    const first: RevisionRow[] = rowsOf(1000, (i) => hash(i));
    const fetched: number[] = [];
    const fetchPage = async (page: number): Promise<RevisionsPage> => {
      fetched.push(page);
      return { rows: first, total: 5000, totalPages: 5 };
    };
    const error = await failure(readRevisionPages(fetchPage, collector().visit, { concurrency: 1 }));
    expect(error.title).toBe('Revision history paging failed');
    expect(error.message).toMatch(/Page 2 .*repeated page 1.*ignored the page parameter/);
    expect(fetched).toEqual([1, 2]);
  });

  it('stops with an error on an empty page before the history is read', async () => {
    const rows = rowsOf(3000, (i) => hash(i));
    const fetchPage = async (page: number): Promise<RevisionsPage> => ({
      rows: page === 2 ? [] : rows.slice((page - 1) * 1000, page * 1000),
      total: 3000,
      totalPages: 3
    });
    const error = await failure(readRevisionPages(fetchPage, collector().visit));
    expect(error.title).toBe('Revision history paging failed');
    expect(error.message).toMatch(/Page 2 .*empty.*3000 revisions.*only 1000 were read/);
  });

  it('ends where the rows end when total_pages is absurd (10^12)', async () => {
    const rows = rowsOf(2500, (i) => hash(i));
    const fetched: number[] = [];
    const fetchPage = async (page: number): Promise<RevisionsPage> => {
      fetched.push(page);
      return { rows: rows.slice((page - 1) * 1000, page * 1000), total: 2500, totalPages: 1e12 };
    };
    const result = await readRevisionPages(fetchPage, collector().visit, { concurrency: 4 });
    expect(result).toMatchObject({ end: 'exhausted', rowsRead: 2500 });
    expect(fetched.length).toBeLessThanOrEqual(4 + 4);
  });

  it('reads at most maxPages pages (100 by default) from a server that never runs out', async () => {
    let served = 0;
    const fetched: number[] = [];
    const fetchPage = async (page: number): Promise<RevisionsPage> => {
      fetched.push(page);
      const rows = Array.from({ length: 1000 }, () => row(`x${served++}`, hash(served)));
      return { rows, total: 1e15, totalPages: 1e12 };
    };
    const result = await readRevisionPages(fetchPage, collector().visit);
    expect(result).toMatchObject({ end: 'capped', requests: 100, maxPages: 100 });
    expect(fetched).toHaveLength(100);
    const small = await readRevisionPages(fetchPage, collector().visit, { maxPages: 7 });
    expect(small).toMatchObject({ end: 'capped', requests: 7 });
  });
});

describe('the row cap', () => {
  it('hands over at most maxRows rows, however many each page holds', async () => {
    const fake = fakeHistory(
      rowsOf(50_000, (i) => hash(i)),
      { pageSize: 7000 }
    );
    const { ids, visit } = collector();
    const result = await readRevisionPages(fake.fetchPage, visit, { maxRows: 10_000 });
    expect(result).toMatchObject({ end: 'capped', rowsRead: 10_000, pagesRead: 2, largestPage: 7000 });
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
  });

  it('a history of exactly maxRows rows is read to its end, not capped', async () => {
    const fake = fakeHistory(rowsOf(3000, (i) => hash(i)));
    const result = await readRevisionPages(fake.fetchPage, collector().visit, { maxRows: 3000 });
    expect(result).toMatchObject({ end: 'exhausted', rowsRead: 3000 });
  });
});
