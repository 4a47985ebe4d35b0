import { ActionError } from '../../errors.js';
import { describeSelector, FULL_HASH_LENGTH, type RevisionSelector } from '../../revision-selector.js';
import type { RevisionRow, RevisionsPage } from './shapes.js';

export interface ResolvedRevision {
  /** The row to redeploy (its revision_id and compose hash). */
  target: RevisionRow;
  /** Compose hash of the newest revision of the targeted CVMs; undefined if they have none. */
  currentHash?: string;
  /** How many revision rows were read before the answer was settled. */
  searched: number;
  pagesRead: number;
  /** Things the on-call engineer should know before the redeploy goes out. */
  warnings: string[];
}

/**
 * Rows of one compose hash are interchangeable for a redeploy, but a restart row names no author;
 * the deploy or update that introduced the hash says who made the revision and when.
 */
function isRestart(row: RevisionRow): boolean {
  return row.operationType === 'restart';
}

/** Safety net against a server whose total_pages never ends. */
const MAX_PAGES = 10_000;

/**
 * Pages through the history (newest first) and stops at the first page that settles the answer.
 * "Current" is the newest row of the targeted CVMs. `previous~N` is the N-th distinct compose
 * hash before it among those CVMs' rows, so restarts and repeated deploys of one hash do not
 * count. A revision id matches exactly; a hash or prefix matches normalised compose hashes of
 * any CVM of the app (a row made on one CVM may be redeployed to the others). A prefix must be
 * unambiguous, which only the whole history can prove.
 */
export async function resolveRevision(
  fetchPage: (page: number) => Promise<RevisionsPage>,
  selector: RevisionSelector,
  targets: ReadonlyArray<{ vmUuid: string; name: string; composeHash: string }>
): Promise<ResolvedRevision> {
  const targetVmUuids = new Set(targets.map((target) => target.vmUuid));
  const distinct: RevisionRow[] = []; // newest row of each distinct hash, targeted CVMs only
  const targetedHashes: string[] = []; // every targeted row's hash, newest first, as far as read
  const prefixMatches = new Map<string, RevisionRow>(); // hash → newest row
  let idMatch: RevisionRow | undefined;
  let searched = 0;
  let total = 0;
  let pagesRead = 0;

  /**
   * History like current → target → current means the running hash already replaced the target
   * once: most likely a rollback away from it, being repeated now (a re-run). Going "back" then
   * redeploys the release that was rolled back from. Judged from the rows already read.
   */
  const warnings = (target: RevisionRow): string[] => {
    const current = distinct[0]?.composeHash;
    if (selector.kind !== 'previous' || !current || current === target.composeHash) return [];
    const targetAt = targetedHashes.indexOf(target.composeHash);
    if (!targetedHashes.slice(targetAt + 1).includes(current)) return [];
    return [
      `The running compose hash ${current.slice(0, 12)} also ran before ${target.composeHash.slice(0, 12)}: the app may already have been rolled back from ${target.composeHash.slice(0, 12)}. ` +
        `${describeSelector(selector)} follows what runs now, so it redeploys ${target.composeHash.slice(0, 12)}. If this run repeats an earlier rollback, pass that run's compose_hash output as revision instead.`
    ];
  };

  const wantsFullHash = selector.kind === 'ref' && selector.hashPrefix?.length === FULL_HASH_LENGTH;
  const settled = (): RevisionRow | undefined => {
    if (selector.kind === 'previous') return distinct[selector.steps];
    if (distinct.length === 0) return undefined; // "current" still unknown
    if (idMatch) return idMatch;
    return wantsFullHash ? prefixMatches.values().next().value : undefined;
  };

  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await fetchPage(page);
    pagesRead = page;
    total = result.total;
    for (const row of result.rows) {
      searched++;
      if (targetVmUuids.has(row.vmUuid)) {
        targetedHashes.push(row.composeHash);
        const index = distinct.findIndex((seen) => seen.composeHash === row.composeHash);
        if (index === -1) distinct.push(row);
        else if (isRestart(distinct[index]!) && !isRestart(row)) distinct[index] = row;
      }
      if (selector.kind !== 'ref') continue;
      if (!idMatch && row.revisionId === selector.revisionId) idMatch = row;
      if (selector.hashPrefix && row.composeHash.startsWith(selector.hashPrefix)) {
        const known = prefixMatches.get(row.composeHash);
        if (!known || (isRestart(known) && !isRestart(row))) prefixMatches.set(row.composeHash, row);
      }
    }
    const answer = settled();
    if (answer) return { target: answer, currentHash: distinct[0]?.composeHash, searched, pagesRead, warnings: warnings(answer) };
    if (page >= result.totalPages || result.rows.length === 0) break;
  }

  const currentHash = distinct[0]?.composeHash;
  const summary = `searched ${searched} revision${searched === 1 ? '' : 's'}: ${pagesRead} page${pagesRead === 1 ? '' : 's'}, ${total} in total`;
  if (selector.kind === 'previous') {
    const found = distinct.length;
    throw new ActionError(
      'No earlier revision to roll back to',
      found === 0
        ? `The targeted CVMs have no revisions in the app's history (${summary}). Give revision as a revision id or compose hash from another CVM of the app.`
        : `${describeSelector(selector)} needs ${selector.steps + 1} distinct compose hashes on the targeted CVMs, but their history holds only ${found} (${summary}): ${distinct.map((r) => r.composeHash.slice(0, 12)).join(', ')}. Choose a smaller N or give a revision id or compose hash.`
    );
  }
  if (idMatch) return { target: idMatch, currentHash, searched, pagesRead, warnings: warnings(idMatch) };
  if (prefixMatches.size > 1) {
    const list = [...prefixMatches.values()].map((row) => `  ${row.composeHash} (revision ${row.revisionId}, ${row.createdAt})`).join('\n');
    throw new ActionError(
      'Ambiguous compose hash prefix',
      `${describeSelector(selector)} matches ${prefixMatches.size} different compose hashes; give more characters:\n${list}`
    );
  }
  const only = prefixMatches.values().next().value;
  if (only) return { target: only, currentHash, searched, pagesRead, warnings: warnings(only) };
  throw new ActionError(
    'Revision not found',
    `No revision id or compose hash matches ${describeSelector(selector)} in the app's history (${summary}).${
      /^(0x)?[0-9a-f]{1,7}$/i.test(selector.text) ? ' A compose hash prefix needs at least 8 hex characters.' : ''
    } Use 'previous', or copy a revision id or compose hash from the app's revision history.`
  );
}
