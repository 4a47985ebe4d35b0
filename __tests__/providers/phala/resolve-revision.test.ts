import { describe, expect, it } from '@jest/globals';
import { ActionError } from '../../../src/errors.js';
import { parseRevisionSelector } from '../../../src/revision-selector.js';
import { resolveRevision } from '../../../src/providers/phala/resolve-revision.js';
import type { RevisionRow, RevisionsPage } from '../../../src/providers/phala/shapes.js';

const VM_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const VM_B = 'bbbbbbbb-0000-4000-8000-000000000002';
const hash = (n: number) => n.toString(16).padStart(2, '0').repeat(32);

function row(id: string, h: string, vm = VM_A, operationType = 'deploy'): RevisionRow {
  return { revisionId: id, vmUuid: vm, composeHash: h, createdAt: '2026-11-01T00:00:00Z', operationType };
}

/** A paged history, newest first, that counts the pages fetched. */
function history(rows: RevisionRow[], pageSize = 1000) {
  const fetched: number[] = [];
  const fetchPage = async (page: number): Promise<RevisionsPage> => {
    fetched.push(page);
    return { rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, totalPages: Math.max(1, Math.ceil(rows.length / pageSize)) };
  };
  return { fetchPage, fetched };
}

const only = (...vms: string[]) => new Set(vms);

describe('resolveRevision', () => {
  it('takes previous as the newest row whose hash differs from the current one, skipping restarts and repeats', async () => {
    const { fetchPage } = history([row('r5', hash(3), VM_A, 'restart'), row('r4', hash(3)), row('r3', hash(3), VM_A, 'update'), row('r2', hash(2)), row('r1', hash(1))]);
    const result = await resolveRevision(fetchPage, parseRevisionSelector('previous'), only(VM_A));
    expect(result.target.revisionId).toBe('r2');
    expect(result.currentHash).toBe(hash(3));
  });

  it('steps back N distinct hashes with previous~N', async () => {
    const { fetchPage } = history([row('r6', hash(4)), row('r5', hash(3)), row('r4', hash(3)), row('r3', hash(2)), row('r2', hash(4)), row('r1', hash(1))]);
    expect((await resolveRevision(fetchPage, parseRevisionSelector('previous~2'), only(VM_A))).target.revisionId).toBe('r3');
    expect((await resolveRevision(fetchPage, parseRevisionSelector('previous~3'), only(VM_A))).target.revisionId).toBe('r1');
  });

  it('only counts rows of the targeted CVMs for current and previous', async () => {
    const { fetchPage } = history([row('b2', hash(9), VM_B), row('a2', hash(2), VM_A), row('b1', hash(8), VM_B), row('a1', hash(1), VM_A)]);
    const result = await resolveRevision(fetchPage, parseRevisionSelector('previous'), only(VM_A));
    expect(result.currentHash).toBe(hash(2));
    expect(result.target.revisionId).toBe('a1');
  });

  it('stops at the first page that settles the answer', async () => {
    const rows = Array.from({ length: 3500 }, (_, i) => row(`r${3500 - i}`, hash(i < 1500 ? 1 : 2 + Math.floor((i - 1500) / 10))));
    const { fetchPage, fetched } = history(rows);
    const result = await resolveRevision(fetchPage, parseRevisionSelector('previous'), only(VM_A));
    expect(result.target.revisionId).toBe('r2000');
    expect(fetched).toEqual([1, 2]);
    expect(result.searched).toBe(2000);
  });

  it('matches a revision id exactly and a full hash in any spelling, on any CVM of the app', async () => {
    const { fetchPage, fetched } = history([row('r3', hash(3)), row('r2', hash(2), VM_B), row('r1', hash(1))]);
    expect((await resolveRevision(fetchPage, parseRevisionSelector('r2'), only(VM_A))).target.revisionId).toBe('r2');
    expect((await resolveRevision(fetchPage, parseRevisionSelector(`0x${hash(2).toUpperCase()}`), only(VM_A))).target.revisionId).toBe('r2');
    expect(fetched.every((page) => page === 1)).toBe(true);
  });

  it('refuses a prefix that matches two different hashes, listing both', async () => {
    const h1 = `deadbeef01${'0'.repeat(54)}`;
    const h2 = `deadbeef02${'0'.repeat(54)}`;
    const { fetchPage } = history([row('r3', hash(3)), row('r2', h2), row('r1', h1)]);
    const error = await resolveRevision(fetchPage, parseRevisionSelector('deadbeef'), only(VM_A)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toContain(h1);
    expect((error as Error).message).toContain(h2);
  });

  it('accepts a prefix that matches one hash in several rows', async () => {
    const h = `cafebabe${'1'.repeat(56)}`;
    const { fetchPage } = history([row('r3', hash(3)), row('r2', h, VM_B), row('r1', h)]);
    expect((await resolveRevision(fetchPage, parseRevisionSelector('CAFEBABE'), only(VM_A))).target.revisionId).toBe('r2');
  });

  it('says how many revisions were searched when nothing matches', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => row(`r${i}`, hash(i % 200)));
    const { fetchPage } = history(rows);
    await expect(resolveRevision(fetchPage, parseRevisionSelector('nope'), only(VM_A))).rejects.toThrow(/searched 1200 revisions: 2 pages, 1200 in total/);
  });

  it('explains when history is too short for previous~N', async () => {
    const { fetchPage } = history([row('r2', hash(2)), row('r1', hash(2))]);
    await expect(resolveRevision(fetchPage, parseRevisionSelector('previous'), only(VM_A))).rejects.toThrow(/needs 2 distinct compose hashes.*only 1/);
  });
});

describe('resolveRevision, choosing among rows of one hash', () => {
  it('prefers the deploy that introduced the hash over a later restart of it, which names no author', async () => {
    const { fetchPage } = history([row('r4', hash(3)), row('r3', hash(2), VM_A, 'restart'), row('r2', hash(2), VM_A, 'update'), row('r1', hash(1))]);
    expect((await resolveRevision(fetchPage, parseRevisionSelector('previous'), only(VM_A))).target.revisionId).toBe('r2');
    expect((await resolveRevision(fetchPage, parseRevisionSelector(hash(2).slice(0, 10)), only(VM_A))).target.revisionId).toBe('r2');
  });
});

describe('resolveRevision warnings', () => {
  it('warns when the running hash already replaced the previous one (a repeated rollback)', async () => {
    // v1 → v2 (bad) → v1 (rolled back): previous is v2 by the rule, but that is the bad release.
    const { fetchPage } = history([row('r3', hash(1), VM_A, 'update'), row('r2', hash(2)), row('r1', hash(1))]);
    const result = await resolveRevision(fetchPage, parseRevisionSelector('previous'), only(VM_A));
    expect(result.target.revisionId).toBe('r2');
    expect(result.warnings).toEqual([expect.stringContaining('may already have been rolled back')]);
  });

  it('does not warn for an ordinary history', async () => {
    const { fetchPage } = history([row('r3', hash(3)), row('r2', hash(2)), row('r1', hash(1))]);
    expect((await resolveRevision(fetchPage, parseRevisionSelector('previous'), only(VM_A))).warnings).toEqual([]);
  });
});
