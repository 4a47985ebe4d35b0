import type { RevisionRow, RevisionsPage } from '../../../src/providers/phala/shapes.js';

export const VM_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const VM_B = 'bbbbbbbb-0000-4000-8000-000000000002';

/** A distinct 64-hex compose hash for every n, whose first 8 characters already tell it apart. */
export const hash = (n: number): string => n.toString(16).padStart(8, '0').repeat(8);

export function row(id: string, h: string, vm = VM_A, operationType = 'deploy'): RevisionRow {
  return { revisionId: id, vmUuid: vm, composeHash: h, createdAt: '2026-11-01T00:00:00Z', operationType };
}

export interface FakeOptions {
  pageSize?: number;
  /** Milliseconds before page n answers; 0 answers on the next tick. */
  delay?: (page: number) => number;
  /** Called as a request arrives (before the delay), e.g. to insert new rows at the top. */
  onCall?: (page: number, rows: RevisionRow[]) => void;
  /** Called just before the page is sliced (after the delay): the snapshot the page is served from. */
  onServe?: (page: number, rows: RevisionRow[]) => void;
}

/** An in-memory history, newest first, that records every request and the requests in flight. */
export function fakeHistory(rows: RevisionRow[], options: FakeOptions = {}) {
  const pageSize = options.pageSize ?? 1000;
  const fetched: number[] = [];
  const stats = { inFlight: 0, maxInFlight: 0, inFlightAtFirstPage: 0 };
  const fetchPage = async (page: number): Promise<RevisionsPage> => {
    fetched.push(page);
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    options.onCall?.(page, rows);
    try {
      const ms = options.delay?.(page) ?? 0;
      await new Promise((resolve) => setTimeout(resolve, ms));
      options.onServe?.(page, rows);
      return {
        rows: rows.slice((page - 1) * pageSize, page * pageSize),
        total: rows.length,
        totalPages: Math.max(1, Math.ceil(rows.length / pageSize))
      };
    } finally {
      stats.inFlight--;
    }
  };
  return { fetchPage, fetched, stats, rows };
}

/** `count` rows <id>(count-1) … <id>0 (newest first), hashes chosen by position from the top. */
export function rowsOf(count: number, hashAt: (index: number) => string, id = 'r', vm = VM_A): RevisionRow[] {
  return Array.from({ length: count }, (_, i) => row(`${id}${count - 1 - i}`, hashAt(i), vm));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
