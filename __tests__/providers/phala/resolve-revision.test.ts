import { describe, expect, it } from '@jest/globals';
import { parseRevisionSelector } from '../../../src/revision-selector.js';
import { resolveRevision, undoesEarlierRollback, type RevisionTarget } from '../../../src/providers/phala/resolve-revision.js';
import { failure } from '../../action-error.js';
import { fakeHistory, hash, row, rowsOf, VM_A, VM_B } from './fake-revision-history.js';

const cvm = (vmUuid: string, composeHash: string, name = vmUuid === VM_A ? 'web-a' : 'web-b'): RevisionTarget => ({ vmUuid, name, composeHash });
const sel = parseRevisionSelector;

describe("'previous' is relative to what the targeted CVMs run now", () => {
  it('steps back from the live compose hash even when the deploy that put it there wrote no row', async () => {
    const { fetchPage } = fakeHistory([row('r3', hash(3)), row('r2', hash(2)), row('r1', hash(1))]);
    const result = await resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(4))]);
    expect(result.target.revisionId).toBe('r3');
    expect(result.currentHash).toBe(hash(4));
  });

  it('skips the running hash, its restarts and repeated deploys: each hash counts once', async () => {
    const { fetchPage } = fakeHistory([
      row('r6', hash(3), VM_A, 'restart'),
      row('r5', hash(3)),
      row('r4', hash(2), VM_A, 'restart'),
      row('r3', hash(2), VM_A, 'update'),
      row('r2', hash(2)),
      row('r1', hash(1))
    ]);
    const targets = [cvm(VM_A, hash(3))];
    expect((await resolveRevision(fetchPage, sel('previous'), targets)).target.revisionId).toBe('r3');
    expect((await resolveRevision(fetchPage, sel('previous~2'), targets)).target.revisionId).toBe('r1');
  });

  it("falls back to the targeted CVMs' newest row as current when no live hash is known", async () => {
    const { fetchPage } = fakeHistory([row('b2', hash(9), VM_B), row('a3', hash(3)), row('a2', hash(2)), row('a1', hash(1))]);
    const result = await resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, '')]);
    expect(result.currentHash).toBe(hash(3));
    expect(result.target.revisionId).toBe('a2');
  });

  it("counts only the targeted CVMs' rows", async () => {
    const { fetchPage } = fakeHistory([row('b2', hash(9), VM_B), row('a2', hash(2)), row('b1', hash(8), VM_B), row('a1', hash(1))]);
    const result = await resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(2))]);
    expect(result.target.revisionId).toBe('a1');
  });

  it('refuses before reading any history when the targeted CVMs run different hashes, listing each CVM and the way out', async () => {
    const { fetchPage, fetched } = fakeHistory([row('r2', hash(2)), row('r1', hash(1))]);
    const error = await failure(resolveRevision(fetchPage, sel('previous~2'), [cvm(VM_A, hash(2)), cvm(VM_B, hash(1))]));
    expect(error.title).toBe('Targeted CVMs run different compose hashes');
    expect(error.message).toContain(`web-a (${VM_A}): ${hash(2)}`);
    expect(error.message).toContain(`web-b (${VM_B}): ${hash(1)}`);
    expect(error.message).toMatch(/one group at a time .*vm_uuids.*explicit revision/s);
    expect(fetched).toEqual([]);
  });

  it('lets an explicit revision through when the targeted CVMs run different hashes', async () => {
    const { fetchPage } = fakeHistory([row('r2', hash(2)), row('r1', hash(1))]);
    const result = await resolveRevision(fetchPage, sel('r1'), [cvm(VM_A, hash(2)), cvm(VM_B, hash(1))]);
    expect(result.target.revisionId).toBe('r1');
    expect(result.currentHash).toBe(''); // no single hash runs now
  });

  it('takes a CVM that reports no hash along with the others, and says so in a warning', async () => {
    const { fetchPage } = fakeHistory([row('r2', hash(2)), row('r1', hash(1))]);
    const result = await resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(2)), cvm(VM_B, '')]);
    expect(result.target.revisionId).toBe('r1');
    expect(result.warnings).toEqual([expect.stringContaining(`web-b (${VM_B}) reports no compose hash`)]);
  });

  it('compares live hashes in any spelling', async () => {
    const { fetchPage } = fakeHistory([row('r2', hash(2)), row('r1', hash(1))]);
    const result = await resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(2)), cvm(VM_B, `0x${hash(2).toUpperCase()}`)]);
    expect(result.target.revisionId).toBe('r1');
  });

  it('explains when the history is too short for previous~N', async () => {
    const { fetchPage } = fakeHistory([row('r3', hash(2)), row('r2', hash(2)), row('r1', hash(1))]);
    const error = await failure(resolveRevision(fetchPage, sel('previous~2'), [cvm(VM_A, hash(2))]));
    expect(error.title).toBe('No earlier revision to roll back to');
    expect(error.message).toMatch(/needs 2 compose hashes other than the running one.*only 1.*searched 3 revisions: 1 page, 3 in total/);
  });

  it('says so when the targeted CVMs have no rows at all', async () => {
    const { fetchPage } = fakeHistory([row('b1', hash(1), VM_B)]);
    const error = await failure(resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, '')]));
    expect(error.message).toMatch(/targeted CVMs have no revisions/);
  });
});

describe("'previous' refuses to undo an earlier rollback", () => {
  it('refuses when the running hash also ran before the target (v1 → v2 → v1), naming the revision it would have picked', async () => {
    const { fetchPage } = fakeHistory([row('r3', hash(1), VM_A, 'update'), row('r2', hash(2)), row('r1', hash(1))]);
    const error = await failure(resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(1))]));
    expect(error.title).toBe("'previous' would undo an earlier rollback");
    expect(error.message).toContain('revision r2');
    expect(error.message).toContain(hash(2));
    expect(error.message).toContain('pass revision: r2 explicitly');
  });

  it('refuses also when the rollback itself wrote no row (history v1 → v2, live v1)', async () => {
    const { fetchPage } = fakeHistory([row('r2', hash(2)), row('r1', hash(1))]);
    const error = await failure(resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(1))]));
    expect(error.title).toBe("'previous' would undo an earlier rollback");
  });

  it('never refuses an explicit revision id or hash', async () => {
    const { fetchPage } = fakeHistory([row('r3', hash(1), VM_A, 'update'), row('r2', hash(2)), row('r1', hash(1))]);
    const targets = [cvm(VM_A, hash(1))];
    expect((await resolveRevision(fetchPage, sel('r2'), targets)).target.revisionId).toBe('r2');
    expect((await resolveRevision(fetchPage, sel(hash(2)), targets)).warnings).toEqual([]);
  });

  it('goes back without complaint in an ordinary history', async () => {
    const { fetchPage } = fakeHistory([row('r3', hash(3)), row('r2', hash(2)), row('r1', hash(1))]);
    const result = await resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(3))]);
    expect(result.target.revisionId).toBe('r2');
    expect(result.warnings).toEqual([]);
  });

  it('reads one more page when the target is the oldest targeted row read, and refuses on what it finds there', async () => {
    const rows = rowsOf(2000, (i) => (i < 999 ? hash(3) : i === 999 ? hash(2) : hash(3)));
    const { fetchPage, fetched } = fakeHistory(rows);
    const error = await failure(resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(3))], { concurrency: 1 }));
    expect(error.title).toBe("'previous' would undo an earlier rollback");
    expect(fetched).toEqual([1, 2]);
  });

  it('reads that one more page and goes back when it shows no earlier run of the current hash', async () => {
    const rows = rowsOf(3000, (i) => (i < 999 ? hash(3) : i === 999 ? hash(2) : hash(1)));
    const { fetchPage, fetched } = fakeHistory(rows);
    const result = await resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(3))], { concurrency: 1 });
    expect(result.target.revisionId).toBe('r2000');
    expect(result.pagesRead).toBe(2);
    expect(fetched).toEqual([1, 2]);
  });

  describe('undoesEarlierRollback (the rule every provider shares)', () => {
    it('is true when the current version occurs older than the newest occurrence of the target', () => {
      expect(undoesEarlierRollback(['a', 'b', 'c', 'a'], 'a', 'b')).toBe(true);
      expect(undoesEarlierRollback(['b', 'b', 'a'], 'a', 'b')).toBe(true);
    });
    it('is false when the current version is only newer than the target, absent, or the target itself', () => {
      expect(undoesEarlierRollback(['a', 'b', 'c'], 'a', 'b')).toBe(false);
      expect(undoesEarlierRollback(['b', 'c'], 'a', 'b')).toBe(false);
      expect(undoesEarlierRollback(['a', 'b', 'a'], 'a', 'a')).toBe(false);
      expect(undoesEarlierRollback(['a', 'b', 'a'], '', 'b')).toBe(false);
    });
  });
});

describe('an explicit revision', () => {
  it('matches a revision id exactly and a full hash in any spelling, on any CVM of the app, settled by page 1', async () => {
    const rows = [row('r3', hash(3)), row('r2', hash(2), VM_B), row('r1', hash(1)), ...rowsOf(4000, (i) => hash(100 + i), 'x')];
    const { fetchPage, fetched } = fakeHistory(rows);
    const targets = [cvm(VM_A, hash(3))];
    expect((await resolveRevision(fetchPage, sel('r2'), targets)).target.revisionId).toBe('r2');
    const byHash = await resolveRevision(fetchPage, sel(`0x${hash(2).toUpperCase()}`), targets);
    expect(byHash.target.revisionId).toBe('r2');
    expect(byHash.requests).toBe(1);
    expect(fetched).toEqual([1, 1]);
  });

  it('refuses a prefix that matches two different hashes, listing both', async () => {
    const h1 = `deadbeef01${'0'.repeat(54)}`;
    const h2 = `deadbeef02${'0'.repeat(54)}`;
    const { fetchPage } = fakeHistory([row('r3', hash(3)), row('r2', h2), row('r1', h1)]);
    const error = await failure(resolveRevision(fetchPage, sel('deadbeef'), [cvm(VM_A, hash(3))]));
    expect(error.title).toBe('Ambiguous compose hash prefix');
    expect(error.message).toContain(h1);
    expect(error.message).toContain(h2);
  });

  it('reads the whole history for a prefix, even when page 1 already matches', async () => {
    const h = `cafebabe${'1'.repeat(56)}`;
    const { fetchPage, fetched } = fakeHistory([row('r9999', h), ...rowsOf(4500, (i) => hash(i))]);
    const result = await resolveRevision(fetchPage, sel('cafebabe'), [cvm(VM_A, '')]);
    expect(result.target.revisionId).toBe('r9999');
    expect(result.pagesRead).toBe(5);
    expect([...fetched].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('accepts a prefix that matches one hash in several rows, preferring the row that introduced it over a restart', async () => {
    const h = `cafebabe${'1'.repeat(56)}`;
    const { fetchPage } = fakeHistory([row('r4', hash(3)), row('r3', h, VM_B, 'restart'), row('r2', h, VM_B), row('r1', h)]);
    expect((await resolveRevision(fetchPage, sel('CAFEBABE'), [cvm(VM_A, hash(3))])).target.revisionId).toBe('r2');
  });

  it('says how many revisions and pages were searched when nothing matches', async () => {
    const { fetchPage } = fakeHistory(rowsOf(1200, (i) => hash(i % 200)));
    const error = await failure(resolveRevision(fetchPage, sel('nope'), [cvm(VM_A, '')]));
    expect(error.title).toBe('Revision not found');
    expect(error.message).toMatch(/searched 1200 revisions: 2 pages, 1200 in total/);
  });
});

describe('choosing among rows of one hash', () => {
  it('prefers the deploy that introduced the hash over a later restart of it, which names no author', async () => {
    const { fetchPage } = fakeHistory([row('r4', hash(3)), row('r3', hash(2), VM_A, 'restart'), row('r2', hash(2), VM_A, 'update'), row('r1', hash(1))]);
    const targets = [cvm(VM_A, hash(3))];
    expect((await resolveRevision(fetchPage, sel('previous'), targets)).target.revisionId).toBe('r2');
    expect((await resolveRevision(fetchPage, sel(hash(2).slice(0, 10)), targets)).target.revisionId).toBe('r2');
  });
});

describe('reading only as far as the answer needs', () => {
  it("settles 'previous~N' that page 1 decides with exactly one request", async () => {
    const { fetchPage, fetched } = fakeHistory(rowsOf(5000, (i) => hash(Math.floor(i / 10))));
    const result = await resolveRevision(fetchPage, sel('previous~5'), [cvm(VM_A, hash(0))]);
    expect(result.target.revisionId).toBe(`r${5000 - 1 - 50}`);
    expect(result.requests).toBe(1);
    expect(fetched).toEqual([1]);
  });

  it('stops at the page that settles the answer and reports rows and pages read', async () => {
    const rows = rowsOf(6000, (i) => (i < 1500 ? hash(1) : hash(2 + Math.floor((i - 1500) / 10))));
    const { fetchPage } = fakeHistory(rows);
    const result = await resolveRevision(fetchPage, sel('previous'), [cvm(VM_A, hash(1))], { concurrency: 2 });
    expect(result.target.revisionId).toBe('r4499');
    expect(result.searched).toBe(2000);
    expect(result.pagesRead).toBe(2);
    expect(result.requests).toBeLessThanOrEqual(2 + 2);
  });
});

describe('linear time', () => {
  const rows = rowsOf(50_000, (i) => hash(i));

  it('reads 50,000 rows of 50,000 distinct hashes well within a second and a half, whatever the selector', async () => {
    const { fetchPage } = fakeHistory(rows);
    // CPU time, not wall time: the suite runs several files per core, and linear is about work done.
    const started = process.cpuUsage();
    const oldest = await resolveRevision(fetchPage, sel('r0'), [cvm(VM_A, '')]);
    const unknownPrefix = await failure(resolveRevision(fetchPage, sel('ffffffff'), [cvm(VM_A, '')]));
    const deepPrevious = await resolveRevision(fetchPage, sel('previous~1000'), [cvm(VM_A, hash(999_999))]);
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(oldest.searched).toBe(50_000);
    expect(unknownPrefix.title).toBe('Revision not found');
    expect(deepPrevious.target.revisionId).toBe('r49000');
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('the page cap', () => {
  const endless = () => fakeHistory(rowsOf(101_000, (i) => hash(i)));

  it('stops a search at 100 pages and says so, suggesting a full hash or revision id', async () => {
    const { fetchPage, fetched } = endless();
    const error = await failure(resolveRevision(fetchPage, sel('nope'), [cvm(VM_A, '')]));
    expect(error.title).toBe('Revision not found');
    expect(error.message).toContain('stopped after 100,000 revisions in 100 requests');
    expect(error.message).toMatch(/full compose hash or a revision id/);
    expect(fetched).toHaveLength(100);
  });

  it('will not call a prefix unambiguous when the cap kept it from reading the whole history', async () => {
    const { fetchPage } = endless();
    const error = await failure(resolveRevision(fetchPage, sel(hash(5).slice(0, 12)), [cvm(VM_A, '')], { maxPages: 3 }));
    expect(error.title).toBe('Compose hash prefix may be ambiguous');
    expect(error.message).toContain('stopped after 3,000 revisions in 3 requests');
  });

  it('counts rows, not pages: a server that ignores page_size (pages of 20,000 rows) is read up to 100,000 revisions, and the message says so', async () => {
    const { fetchPage, fetched } = fakeHistory(
      rowsOf(1_000_000, (i) => hash(i)),
      { pageSize: 20_000 }
    );
    const error = await failure(resolveRevision(fetchPage, sel('nope'), [cvm(VM_A, '')]));
    expect(error.title).toBe('Revision not found');
    expect(error.message).toContain('stopped after 100,000 revisions');
    expect(error.message).toContain('ignored page_size (pages of up to 20,000 rows)');
    expect(fetched.length).toBeLessThanOrEqual(5 + 8);
  });
});
