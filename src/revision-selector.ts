import { InputError } from './errors.js';
import { normaliseHash } from './hash.js';

/**
 * What the user asked to roll back to.
 * - `previous`: `steps` distinct compose hashes back from the current one (`previous` = 1).
 * - `ref`: a revision id, or a compose hash / hash prefix. Which of the two it is can only be
 *   decided against the history, so `hashPrefix` is set whenever the text could be a hash.
 */
export type RevisionSelector =
  | { kind: 'previous'; steps: number; text: string }
  | { kind: 'ref'; revisionId: string; hashPrefix?: string; text: string };

/** A compose hash is SHA-256: 64 hex characters. Shorter prefixes must still be unambiguous. */
export const FULL_HASH_LENGTH = 64;
export const MIN_PREFIX_LENGTH = 8;
const MAX_STEPS = 1000;

export function parseRevisionSelector(raw: string): RevisionSelector {
  const text = raw.trim();
  if (text === '') {
    throw new InputError('revision', "revision is empty. Use 'previous', 'previous~N', a revision id or a compose hash.");
  }
  const previous = /^previous(?:~(\d+))?$/i.exec(text);
  if (previous) {
    const steps = previous[1] === undefined ? 1 : Number(previous[1]);
    if (!Number.isSafeInteger(steps) || steps < 1 || steps > MAX_STEPS) {
      throw new InputError('revision', `'${text}': N in previous~N must be a whole number from 1 to ${MAX_STEPS}.`);
    }
    return { kind: 'previous', steps, text };
  }
  if (/^previous/i.test(text)) {
    throw new InputError('revision', `'${text}' is not understood. Write 'previous' or 'previous~N' with N ≥ 1, e.g. previous~2.`);
  }
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(text)) {
    throw new InputError(
      'revision',
      `'${text}' is neither 'previous', 'previous~N', a revision id (letters, digits, _ and -) nor a compose hash (hex, optional 0x).`
    );
  }
  const hex = normaliseHash(text);
  if (/^[0-9a-f]+$/.test(hex) && hex.length >= MIN_PREFIX_LENGTH) {
    if (hex.length > FULL_HASH_LENGTH) {
      throw new InputError('revision', `'${text}' has ${hex.length} hex characters; a compose hash has ${FULL_HASH_LENGTH}.`);
    }
    return { kind: 'ref', revisionId: text, hashPrefix: hex, text };
  }
  if (/^0x/i.test(text)) {
    throw new InputError(
      'revision',
      `'${text}' looks like a compose hash but is not ${MIN_PREFIX_LENGTH}–${FULL_HASH_LENGTH} hex characters after 0x.`
    );
  }
  return { kind: 'ref', revisionId: text, text };
}

export function describeSelector(selector: RevisionSelector): string {
  return selector.kind === 'previous'
    ? selector.steps === 1
      ? "'previous'"
      : `'previous~${selector.steps}'`
    : `'${selector.text}'`;
}
