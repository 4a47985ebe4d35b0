import { describe, expect, it } from '@jest/globals';
import { parseRevisionSelector } from '../../../src/revision-selector.js';
import { resolveRevision } from '../../../src/providers/phala/resolve-revision.js';
import { skimRevisionsPage, type SkimNeedles } from '../../../src/providers/phala/revision-skim.js';
import { parseRevisionsPage, type RevisionsPage } from '../../../src/providers/phala/shapes.js';
import { failure } from '../../action-error.js';
import { VM_A, hash } from './fake-revision-history.js';

/** A row as GET /apps/{app_id}/revisions writes it (API version 2026-01-21). */
function apiRow(id: string, composeHash: string, vm = VM_A) {
  return {
    revision_id: id,
    app_id: 'a1b2c3',
    vm_uuid: vm,
    compose_hash: composeHash,
    created_at: '2026-11-01T00:00:00Z',
    trace_id: 'f00d',
    operation_type: 'update',
    triggered_by: { object_type: 'user', id: 'usr_1', username: 'dev', avatar_url: null },
    cvm: { object_type: 'cvm', vm_uuid: vm, app_id: 'a1b2c3', name: 'web-1' }
  };
}

type ApiRow = ReturnType<typeof apiRow>;

/** The page as the API writes it: compact, members in the OpenAPI document's order. */
function pageText(rows: ApiRow[], page = 1, total = rows.length, pageSize = 1000): string {
  return JSON.stringify({ revisions: rows, total, page, page_size: pageSize, total_pages: Math.max(1, Math.ceil(total / pageSize)) });
}

const H1 = hash(1);
const H2 = hash(2);
const TARGET = hash(7);
const byHash: SkimNeedles = { revisionId: TARGET, hashPrefix: TARGET };
const rows = [apiRow('rev_b', H2), apiRow('rev_a', H1)];

describe('a page that cannot hold the revision searched for', () => {
  it('is only skimmed: its counts and row ids, in order, and no rows to search', () => {
    expect(skimRevisionsPage(pageText(rows, 1, 2000), byHash)).toEqual({ rows: [], total: 2000, totalPages: 2, skippedIds: ['rev_b', 'rev_a'] });
  });

  it('reads an empty page as no ids', () => {
    expect(skimRevisionsPage(pageText([], 3, 0), byHash)).toEqual({ rows: [], total: 0, totalPages: 1, skippedIds: [] });
  });

  it('gives the same counts and ids as the full parse', () => {
    const text = pageText(rows, 1, 1500);
    const full = parseRevisionsPage('GET /apps/x/revisions', JSON.parse(text));
    const skim = skimRevisionsPage(text, byHash)!;
    expect([skim.total, skim.totalPages]).toEqual([full.total, full.totalPages]);
    expect(skim.skippedIds).toEqual(full.rows.map((r) => r.revisionId));
  });
});

describe('a page that may hold it is parsed in full (undefined)', () => {
  it.each([
    ['the hash, bare', TARGET],
    ['the hash in upper case', TARGET.toUpperCase()],
    ['the hash 0x-prefixed in mixed case', `0x${TARGET.slice(0, 10).toUpperCase()}${TARGET.slice(10)}`]
  ])('a row with %s', (_, written) => {
    expect(skimRevisionsPage(pageText([...rows, apiRow('rev_t', written)]), byHash)).toBeUndefined();
  });

  it('the revision id anywhere in the text', () => {
    expect(skimRevisionsPage(pageText([...rows, apiRow('rev_target', H1)]), { revisionId: 'rev_target' })).toBeUndefined();
  });

  it('a hash prefix anywhere, even inside another field', () => {
    const prefix = TARGET.slice(0, 8);
    const row = { ...apiRow('rev_c', H1), trace_id: `xx${prefix}` };
    expect(skimRevisionsPage(pageText([row]), { revisionId: prefix, hashPrefix: prefix })).toBeUndefined();
  });

  it('any escape, which could spell the needle (\\u0061 is a)', () => {
    const spelled = JSON.stringify({ revisions: [apiRow('rev_t', 'PLACEHOLDER')], total: 1, page: 1, page_size: 1000, total_pages: 1 }).replace(
      'PLACEHOLDER',
      TARGET.replace(/a/g, '\\u0061')
    );
    expect(JSON.parse(spelled).revisions[0].compose_hash).toBe(TARGET);
    expect(skimRevisionsPage(spelled, byHash)).toBeUndefined();
  });

  it.each([
    ['pretty-printed', JSON.stringify({ revisions: rows, total: 2, page: 1, page_size: 1000, total_pages: 1 }, null, 2)],
    ['counts before the rows', JSON.stringify({ total: 2, page: 1, page_size: 1000, total_pages: 1, revisions: rows })],
    ['a count that is not a number', pageText(rows).replace('"total":2', '"total":"2"')],
    ['no total_pages', pageText(rows).replace(',"total_pages":1', '')],
    ['cut off after the rows', pageText(rows).slice(0, pageText(rows).indexOf('],') + 12)],
    ['a revision id cut off', '{"revisions":[{"revision_id":"rev_b],"total":1,"page":1,"page_size":1000,"total_pages":1}'],
    ['rows but no revision ids', pageText(rows).replace(/"revision_id"/g, '"id"')],
    ['not JSON at all', '<html>502 Bad Gateway</html>']
  ])('a page laid out otherwise: %s', (_, text) => {
    expect(skimRevisionsPage(text, byHash)).toBeUndefined();
  });
});

/** A history served as page texts, skimmed where the needles allow, parsed otherwise; counts requests of each kind. */
function textHistory(all: ApiRow[], pageSize = 1000) {
  const seen = { skimmed: 0, parsed: 0 };
  const fetchPage = async (page: number, needles?: SkimNeedles): Promise<RevisionsPage> => {
    await Promise.resolve();
    const text = pageText(all.slice((page - 1) * pageSize, page * pageSize), page, all.length, pageSize);
    const skimmed = needles ? skimRevisionsPage(text, needles) : undefined;
    if (skimmed) {
      seen.skimmed++;
      return skimmed;
    }
    seen.parsed++;
    return parseRevisionsPage('GET /apps/x/revisions', JSON.parse(text));
  };
  return { fetchPage, seen };
}

/** 5,000 rows, newest first: r4999 … r0, each with its own hash (hash(4999 - i) at index i). */
const history = Array.from({ length: 5000 }, (_, i) => apiRow(`r${4999 - i}`, hash(4999 - i)));
const live = [{ vmUuid: VM_A, name: 'web-1', composeHash: hash(4999) }];

describe('resolution over skimmed pages gives the answer a full read gives', () => {
  it('finds the oldest full hash parsing only its own page, and counts every row read', async () => {
    const { fetchPage, seen } = textHistory(history);
    const resolved = await resolveRevision(fetchPage, parseRevisionSelector(`0x${hash(0).toUpperCase()}`), live);
    expect(resolved.target).toMatchObject({ revisionId: 'r0', composeHash: hash(0) });
    expect(resolved.searched).toBe(5000);
    expect(seen).toEqual({ skimmed: 4, parsed: 1 });
  });

  it('finds a revision id on a middle page', async () => {
    const { fetchPage, seen } = textHistory(history);
    const resolved = await resolveRevision(fetchPage, parseRevisionSelector('r2500'), live);
    expect(resolved.target).toMatchObject({ revisionId: 'r2500', composeHash: hash(2500) });
    expect(seen.parsed).toBe(1);
  });

  it('still refuses a prefix that matches hashes on two different pages', async () => {
    const twins = history.map((r, i) =>
      i === 10 ? { ...r, compose_hash: `cafe0001${hash(1).slice(8)}` } : i === 4000 ? { ...r, compose_hash: `cafe0001${hash(2).slice(8)}` } : r
    );
    const { fetchPage, seen } = textHistory(twins);
    const error = await failure(resolveRevision(fetchPage, parseRevisionSelector('cafe0001'), live));
    expect(error.title).toBe('Ambiguous compose hash prefix');
    expect(seen).toEqual({ skimmed: 3, parsed: 2 });
  });

  it('says nothing matches after skimming the whole history, with the full count', async () => {
    const { fetchPage, seen } = textHistory(history);
    const error = await failure(resolveRevision(fetchPage, parseRevisionSelector(hash(9999)), live));
    expect(error.title).toBe('Revision not found');
    expect(error.message).toContain('searched 5000 revisions: 5 pages');
    expect(seen).toEqual({ skimmed: 5, parsed: 0 });
  });

  it('still catches a server that ignores the page parameter when every page is skimmed', async () => {
    const firstPage = history.slice(0, 1000);
    const fetchPage = async (page: number, needles?: SkimNeedles): Promise<RevisionsPage> => {
      const skimmed = skimRevisionsPage(pageText(firstPage, page, history.length), needles!);
      if (!skimmed) throw new Error(`page ${page} was not skimmed`);
      return skimmed;
    };
    const error = await failure(resolveRevision(fetchPage, parseRevisionSelector(hash(0)), live));
    expect(error.message).toMatch(/Page 2 of the revision history repeated page 1/);
  });

  it("parses every page for 'previous', which needs every row", async () => {
    const { fetchPage, seen } = textHistory(history);
    await resolveRevision(fetchPage, parseRevisionSelector('previous'), live);
    expect(seen.skimmed).toBe(0);
  });

  it('parses every page when no targeted CVM reports a hash: the newest targeted row stands in for it', async () => {
    const { fetchPage, seen } = textHistory(history);
    const resolved = await resolveRevision(fetchPage, parseRevisionSelector(hash(0)), [{ ...live[0]!, composeHash: '' }]);
    expect(resolved.currentHash).toBe(hash(4999));
    expect(seen.skimmed).toBe(0);
  });
});
