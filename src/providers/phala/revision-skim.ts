import type { RevisionsPage } from './shapes.js';

/**
 * What an explicit revision is looked for by: the text as given (a revision id matches exactly)
 * and, when the text could be a compose hash, its normalised hex (lower case, no 0x).
 */
export interface SkimNeedles {
  revisionId: string;
  hashPrefix?: string;
}

const HEAD = '{"revisions":[';
const ID_KEY = '"revision_id":"';

/**
 * Reads a revisions page only as far as an explicit-revision search needs when the page cannot
 * hold the revision. At 50,000 rows, parsing 50 pages into row objects was most of the
 * resolution time, and a full compose hash or revision id is often far down the history.
 *
 * A row can match only if its revision_id equals the text searched for, or its compose_hash,
 * lower-cased, holds the hex: either way the needle is a substring of the page text (lower-cased
 * for the hash), unless a JSON escape spells its characters (\u0061 is 'a'), so text with any
 * backslash is never skimmed. A page without either needle therefore answers nothing, whatever
 * its rows say; what is still read from it is bookkeeping: `total` and `total_pages` from the
 * members after the rows, and the row ids (de-duplication, counting, the repeated-page check).
 *
 * Returns undefined, and the caller parses the page in full with its shape checks, whenever a
 * needle occurs, the text has an escape, or the page is not laid out as the API writes it
 * (`{"revisions":[…],"total":…,…,"total_pages":…}`, compact). Rows are not checked one by one:
 * a malformed row on a skimmed page goes unreported, since nothing on that page can be the answer.
 */
export function skimRevisionsPage(text: string, needles: SkimNeedles): RevisionsPage | undefined {
  if (text.includes('\\') || text.includes(needles.revisionId)) return undefined;
  if (needles.hashPrefix !== undefined && holdsHex(text, needles.hashPrefix)) return undefined;
  if (!text.startsWith(HEAD)) return undefined;
  const counts = tail(text);
  if (!counts) return undefined;
  const ids = rowIds(text, counts.rowsEnd);
  if (!ids) return undefined;
  return { rows: [], total: counts.total, totalPages: counts.totalPages, skippedIds: ids };
}

let hexSearch: { hex: string; pattern: RegExp } | undefined;

/**
 * Whether the text holds the hex in any case. A case-insensitive pattern folds exactly A-F onto
 * a-f for hex digits (no other character folds to them without the u flag), as toLowerCase does,
 * without a lower-cased copy of the page.
 */
function holdsHex(text: string, hex: string): boolean {
  if (!/^[0-9a-f]+$/.test(hex)) return text.toLowerCase().includes(hex);
  if (hexSearch?.hex !== hex) hexSearch = { hex, pattern: new RegExp(hex, 'i') };
  return hexSearch.pattern.test(text);
}

/** The members after the rows' closing bracket, parsed; undefined unless they are the page's counts. */
function tail(text: string): { total: number; totalPages: number; rowsEnd: number } | undefined {
  const rowsEnd = text.lastIndexOf(']');
  if (rowsEnd < HEAD.length || text.charCodeAt(rowsEnd + 1) !== 0x2c /* , */) return undefined;
  let members: unknown;
  try {
    members = JSON.parse(`{${text.slice(rowsEnd + 2)}`);
  } catch {
    return undefined;
  }
  const { total, total_pages: totalPages } = (members ?? {}) as Record<string, unknown>;
  if (typeof total !== 'number' || typeof totalPages !== 'number') return undefined;
  return { total, totalPages, rowsEnd };
}

/** Every `"revision_id":"…"` between the head and the rows' end, in order; undefined if one is cut off. */
function rowIds(text: string, rowsEnd: number): string[] | undefined {
  const ids: string[] = [];
  for (let at = text.indexOf(ID_KEY, HEAD.length); at !== -1 && at < rowsEnd; at = text.indexOf(ID_KEY, at)) {
    const start = at + ID_KEY.length;
    const end = text.indexOf('"', start);
    if (end === -1 || end > rowsEnd) return undefined;
    ids.push(text.slice(start, end));
    at = end + 1;
  }
  if (ids.length === 0 && rowsEnd !== HEAD.length) return undefined;
  // The ids are slices of a page-sized string; one joined copy lets that string go.
  return ids.length === 0 ? ids : ids.join('\n').split('\n');
}
