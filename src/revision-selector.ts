import { InputError } from './errors.js';
import { quoteInput } from './inputs/parse.js';

/**
 * What the user asked to roll back to.
 * - `previous`: `steps` distinct versions back from the current one (`previous` = 1).
 * - `current`: redeploy what runs now (Qovery only).
 * - `ref`: a revision id, or (Phala) a compose hash / hash prefix. Which of the two it is can only
 *   be decided against the history, so `hashPrefix` is set whenever the text could be a hash.
 */
export type RevisionSelector =
  { kind: 'previous'; steps: number; text: string } | { kind: 'current'; text: string } | { kind: 'ref'; revisionId: string; hashPrefix?: string; text: string };

/** A compose hash is SHA-256: 64 hex characters. Shorter prefixes must still be unambiguous. */
export const FULL_HASH_LENGTH = 64;
export const MIN_PREFIX_LENGTH = 8;
const MAX_STEPS = 1000;
const DEFAULT_ID = /^[A-Za-z0-9_-]{1,128}$/;

export interface SelectorRules {
  /** Accept compose hashes and prefixes (Phala). */
  hashes?: boolean;
  /** Accept `current` (Qovery). */
  current?: boolean;
  /** What a revision id looks like on this platform, and how to describe it. */
  id?: { pattern: RegExp; describe: string };
}

export function parseRevisionSelector(raw: string, rules: SelectorRules = { hashes: true }): RevisionSelector {
  const text = raw.trim();
  const idRule = rules.id ?? { pattern: DEFAULT_ID, describe: 'a revision id (letters, digits, _ and -)' };
  const forms = ["'previous'", "'previous~N'", ...(rules.current ? ["'current'"] : []), idRule.describe, ...(rules.hashes ? ['a compose hash (hex, optional 0x)'] : [])];
  if (text === '') {
    throw new InputError('revision', `revision is empty. Use ${forms.join(', ')}.`);
  }
  const previous = /^previous(?:~(\d+))?$/i.exec(text);
  if (previous) {
    const steps = previous[1] === undefined ? 1 : Number(previous[1]);
    if (!Number.isSafeInteger(steps) || steps < 1 || steps > MAX_STEPS) {
      throw new InputError('revision', `${quoteInput(text)}: N in previous~N must be a whole number from 1 to ${MAX_STEPS}.`);
    }
    return { kind: 'previous', steps, text };
  }
  if (/^previous/i.test(text)) {
    throw new InputError('revision', `${quoteInput(text)} is not understood. Write 'previous' or 'previous~N' with N ≥ 1, e.g. previous~2.`);
  }
  if (/^current$/i.test(text)) {
    if (rules.current) return { kind: 'current', text };
    throw new InputError('revision', `'current' is not supported on this platform. Use ${forms.join(', ')}.`);
  }
  if (rules.hashes) {
    // Compose hashes come bare or 0x-prefixed, in either case (the full normalisation is Phala's own).
    const hex = text.toLowerCase().replace(/^0x/, '');
    if (/^[0-9a-f]+$/.test(hex) && hex.length >= MIN_PREFIX_LENGTH) {
      if (hex.length > FULL_HASH_LENGTH) {
        throw new InputError('revision', `${quoteInput(text)} has ${hex.length} hex characters; a compose hash has ${FULL_HASH_LENGTH}.`);
      }
      return { kind: 'ref', revisionId: text, hashPrefix: hex, text };
    }
    if (/^0x/i.test(text)) {
      throw new InputError('revision', `${quoteInput(text)} looks like a compose hash but is not ${MIN_PREFIX_LENGTH}–${FULL_HASH_LENGTH} hex characters after 0x.`);
    }
  }
  if (!idRule.pattern.test(text)) {
    throw new InputError('revision', `${quoteInput(text)} is neither ${forms.join(', ')}.`.replace(/, ([^,]*)\.$/, ' nor $1.'));
  }
  return { kind: 'ref', revisionId: text, text };
}

export function describeSelector(selector: RevisionSelector): string {
  if (selector.kind === 'previous') return selector.steps === 1 ? "'previous'" : `'previous~${selector.steps}'`;
  return `'${selector.text}'`;
}
