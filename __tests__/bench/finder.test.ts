import { describe, expect, it } from '@jest/globals';
import { RevisionFinder, uniquePrefix } from '../../scripts/bench/finder.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const rows = (...hashes: string[]) => hashes.map((compose_hash) => ({ compose_hash }));

describe('RevisionFinder', () => {
  it('settles `previous` at the first hash that differs from the newest, normalising 0x and case', () => {
    const finder = new RevisionFinder({ kind: 'previous' });
    expect(finder.feed(rows(A, `0x${A.toUpperCase()}`), false)).toBe(false);
    expect(finder.feed(rows(B, C), false)).toBe(true);
    expect(finder.result()).toBe(B);
  });

  it('settles a full hash at its first row', () => {
    const finder = new RevisionFinder({ kind: 'hash', hash: `0x${C}` });
    expect(finder.feed(rows(A, B), false)).toBe(false);
    expect(finder.feed(rows(C.toUpperCase()), false)).toBe(true);
    expect(finder.result()).toBe(C);
  });

  it('reads a prefix to the last page, and has no answer when two hashes share it', () => {
    const finder = new RevisionFinder({ kind: 'prefix', prefix: 'aaaa' });
    expect(finder.feed(rows(A), false)).toBe(false);
    expect(finder.result()).toBe(A);
    expect(finder.feed(rows(`aaaa${'f'.repeat(60)}`), true)).toBe(true);
    expect(finder.result()).toBeUndefined();
  });

  it('stops at the last page without an answer when nothing matches', () => {
    const finder = new RevisionFinder({ kind: 'hash', hash: C });
    expect(finder.feed(rows(A, B), true)).toBe(true);
    expect(finder.result()).toBeUndefined();
  });
});

describe('uniquePrefix', () => {
  it('is the minimum length when no other hash shares it', () => {
    expect(uniquePrefix(A, [A, B, C])).toBe('aaaaaaaa');
  });

  it('grows until no other hash shares it', () => {
    const near = `aaaaaaaaa${'0'.repeat(55)}`;
    expect(uniquePrefix(A, [near, A])).toBe('aaaaaaaaaa');
  });
});
