import { describe, expect, it } from '@jest/globals';
import { InputError } from '../src/errors.js';
import { parseRevisionSelector } from '../src/revision-selector.js';

const HASH = 'ab'.repeat(32);

describe('parseRevisionSelector', () => {
  it('reads previous and previous~N', () => {
    expect(parseRevisionSelector('previous')).toEqual({ kind: 'previous', steps: 1, text: 'previous' });
    expect(parseRevisionSelector(' previous~3 ')).toEqual({ kind: 'previous', steps: 3, text: 'previous~3' });
  });

  it.each(['previous~0', 'previous~', 'previous~x', 'previous-1', 'previous~1001'])('refuses %s', (text) => {
    expect(() => parseRevisionSelector(text)).toThrow(InputError);
  });

  it('treats hex of 8 to 64 characters as a hash prefix that may also be a revision id', () => {
    expect(parseRevisionSelector(`0X${HASH.toUpperCase()}`)).toEqual({ kind: 'ref', revisionId: `0X${HASH.toUpperCase()}`, hashPrefix: HASH, text: `0X${HASH.toUpperCase()}` });
    expect(parseRevisionSelector('DEADBEEF')).toMatchObject({ kind: 'ref', hashPrefix: 'deadbeef' });
  });

  it('treats other names as revision ids only', () => {
    expect(parseRevisionSelector('rev_7XkP2mQ9aB')).toEqual({ kind: 'ref', revisionId: 'rev_7XkP2mQ9aB', text: 'rev_7XkP2mQ9aB' });
    expect(parseRevisionSelector('abc123')).toEqual({ kind: 'ref', revisionId: 'abc123', text: 'abc123' });
  });

  it('refuses a hash that is too long, a too-short 0x prefix, and odd characters', () => {
    expect(() => parseRevisionSelector(HASH + 'a')).toThrow(/64/);
    expect(() => parseRevisionSelector('0xabc')).toThrow(InputError);
    expect(() => parseRevisionSelector('rev 1')).toThrow(InputError);
    expect(() => parseRevisionSelector('')).toThrow(InputError);
  });
});
