import { ActionError } from '../../errors.js';
import { normaliseHash } from './hash.js';
import { describeSelector, FULL_HASH_LENGTH, type RevisionSelector } from '../../revision-selector.js';
import { PAGE_SIZE, readRevisionPages, type PagingOptions, type PagingResult } from './revision-paging.js';
import type { SkimNeedles } from './revision-skim.js';
import type { RevisionRow, RevisionsPage } from './shapes.js';

/** A targeted CVM and the compose hash it runs now (normalised; '' if the platform reports none). */
export interface RevisionTarget {
  vmUuid: string;
  name: string;
  composeHash: string;
}

export type ResolveOptions = PagingOptions;

export interface ResolvedRevision {
  /** The row to redeploy (its revision_id and compose hash). */
  target: RevisionRow;
  /**
   * What the targeted CVMs run now: their common live compose hash, else the hash of their
   * newest revision row read; '' when unknown (or, for an explicit revision, when they differ).
   */
  currentHash: string;
  /** Distinct revision rows read before the answer was settled. */
  searched: number;
  pagesRead: number;
  /** Pages fetched, including pages fetched ahead and then ignored. */
  requests: number;
  /** Things the on-call engineer should know before the redeploy goes out. */
  warnings: string[];
}

/**
 * The rule "'previous' must not undo an earlier rollback", shared by every provider.
 *
 * `newestFirst` lists the versions (compose hashes, deployment ids, …) the targeted instances
 * ran, one entry per history row, newest first; `current` is what they run now and `target` what
 * 'previous' picked. If `current` also occurs OLDER than the newest occurrence of `target`, the
 * history reads current → target → current: the running version already replaced the target once,
 * most likely by a rollback away from it (possibly one that wrote no history row). Going "back"
 * would then redeploy the release that was rolled back from, so 'previous' must refuse; an
 * explicit revision never does. Judged only on the rows given.
 */
export function undoesEarlierRollback(newestFirst: readonly string[], current: string, target: string): boolean {
  if (current === '' || current === target) return false;
  const targetAt = newestFirst.indexOf(target);
  if (targetAt === -1) return false;
  for (let i = targetAt + 1; i < newestFirst.length; i++) {
    if (newestFirst[i] === current) return true;
  }
  return false;
}

/**
 * Rows of one compose hash are interchangeable for a redeploy, but a restart row names no author;
 * the deploy or update that introduced the hash says who made the revision and when.
 */
function isRestart(row: RevisionRow): boolean {
  return row.operationType === 'restart';
}

/** Keeps, per compose hash, the newest non-restart row (else the newest row). */
function preferRow(rows: Map<string, RevisionRow>, row: RevisionRow): boolean {
  const known = rows.get(row.composeHash);
  if (!known) {
    rows.set(row.composeHash, row);
    return true;
  }
  if (isRestart(known) && !isRestart(row)) rows.set(row.composeHash, row);
  return false;
}

const short = (hash: string): string => hash.slice(0, 12);

function summary(paging: PagingResult): string {
  const { rowsRead, pagesRead, total } = paging;
  return `searched ${rowsRead} revision${rowsRead === 1 ? '' : 's'}: ${pagesRead} page${pagesRead === 1 ? '' : 's'}, ${total} in total`;
}

function capNote(paging: PagingResult): string {
  const read = `${paging.rowsRead.toLocaleString('en-US')} revisions in ${paging.requests} request${paging.requests === 1 ? '' : 's'}`;
  const ignored = paging.largestPage > PAGE_SIZE ? `; the server ignored page_size (pages of up to ${paging.largestPage.toLocaleString('en-US')} rows)` : '';
  const limit = `at most ${paging.maxRows.toLocaleString('en-US')} revisions or ${paging.maxPages} requests`;
  return ` The search stopped after ${read} (${limit} are read${ignored}): pass a full compose hash or a revision id copied from the dashboard.`;
}

/**
 * The live compose hash the targeted CVMs share. 'previous' is relative to it, not to the newest
 * history row: a redeploy may write no row. CVMs that report no hash do not take part.
 * undefined when they run different hashes (only an explicit revision gets that far).
 */
function liveHash(targets: ReadonlyArray<RevisionTarget>, selector: RevisionSelector, warnings: string[]): string | undefined {
  const known = targets.filter((cvm) => cvm.composeHash !== '');
  const hashes = new Set(known.map((cvm) => cvm.composeHash));
  if (hashes.size > 1) {
    if (selector.kind === 'ref') return undefined;
    const list = targets.map((cvm) => `  ${cvm.name} (${cvm.vmUuid}): ${cvm.composeHash || 'no compose hash reported'}`).join('\n');
    throw new ActionError(
      'Targeted CVMs run different compose hashes',
      `${describeSelector(selector)} is relative to what the targeted CVMs run now, but they run ${hashes.size} different compose hashes:\n${list}\n` +
        'Roll back one group at a time by listing the CVMs that run the same hash in vm_uuids, or pass an explicit revision (a revision id or compose hash).'
    );
  }
  const [hash = ''] = hashes;
  if (hash !== '' && known.length < targets.length && selector.kind === 'previous') {
    const silent = targets.filter((cvm) => cvm.composeHash === '').map((cvm) => `${cvm.name} (${cvm.vmUuid})`);
    warnings.push(
      `${silent.join(', ')} report${silent.length === 1 ? 's' : ''} no compose hash; ${describeSelector(selector)} is taken relative to ${short(hash)}, which the other targeted CVMs run.`
    );
  }
  return hash;
}

interface Search {
  visit(rows: RevisionRow[]): 'settled' | 'continue';
  /** The answer once paging has ended, or an ActionError saying why there is none. */
  finish(paging: PagingResult): RevisionRow;
  currentHash(): string;
}

/** `previous~N`: the N-th distinct compose hash, newest first, among the targeted CVMs' rows, skipping the current one. */
class PreviousSearch implements Search {
  private readonly history: string[] = []; // targeted rows' hashes, newest first
  private readonly firstAt = new Map<string, number>(); // hash → its newest index in history
  private readonly count = new Map<string, number>(); // hash → rows in history
  private readonly order: string[] = []; // distinct hashes other than current, newest first
  private readonly best = new Map<string, RevisionRow>();
  private judging = false;

  constructor(
    private readonly selector: Extract<RevisionSelector, { kind: 'previous' }>,
    private readonly targeted: ReadonlySet<string>,
    private current: string,
    private readonly warnings: string[]
  ) {}

  currentHash(): string {
    return this.current;
  }

  visit(rows: RevisionRow[]): 'settled' | 'continue' {
    for (const row of rows) {
      if (!this.targeted.has(row.vmUuid.toLowerCase())) continue;
      const hash = row.composeHash;
      if (this.current === '') this.current = hash; // no live hash known: the newest row stands in
      if (!this.firstAt.has(hash)) this.firstAt.set(hash, this.history.length);
      this.count.set(hash, (this.count.get(hash) ?? 0) + 1);
      this.history.push(hash);
      if (hash !== this.current && preferRow(this.best, row)) this.order.push(hash);
    }
    const target = this.order[this.selector.steps - 1];
    if (target === undefined) return 'continue';
    // The rollback check needs a row older than the target; if none is read yet, read one more page.
    if (this.judging || this.olderRowsRead(target)) return 'settled';
    this.judging = true;
    return 'continue';
  }

  private olderRowsRead(target: string): boolean {
    const after = this.history.length - 1 - this.firstAt.get(target)!;
    return after > this.count.get(target)! - 1;
  }

  finish(paging: PagingResult): RevisionRow {
    const { selector, current } = this;
    const hash = this.order[selector.steps - 1];
    if (hash === undefined) throw this.notEnough(paging);
    const row = this.best.get(hash)!;
    if (paging.end === 'capped' && !this.olderRowsRead(hash)) {
      this.warnings.push(
        `Whether ${describeSelector(selector)} undoes an earlier rollback could not be checked: no older revision was read before the search stopped (${paging.rowsRead} revisions in ${paging.requests} requests).`
      );
    }
    if (undoesEarlierRollback(this.history, current, hash)) {
      throw new ActionError(
        "'previous' would undo an earlier rollback",
        `The targeted CVMs run compose hash ${current}, which also ran before ${short(hash)}: the history reads ${short(current)} → ${short(hash)} → ${short(current)}, ` +
          `so ${short(hash)} was most likely rolled back from. ${describeSelector(selector)} would have picked revision ${row.revisionId} (compose hash ${hash}) and undone that rollback. ` +
          `To really go there, pass revision: ${row.revisionId} explicitly.`
      );
    }
    return row;
  }

  private notEnough(paging: PagingResult): ActionError {
    const { selector, current } = this;
    const what = `${describeSelector(selector)} needs ${selector.steps} compose hash${selector.steps === 1 ? '' : 'es'} other than the running one`;
    const found = this.order.length;
    const list = found === 0 ? '' : `: ${this.order.map(short).join(', ')}`;
    if (paging.end === 'capped') {
      return new ActionError('Revision not found', `${what} (${short(current)}), but found only ${found} (${summary(paging)})${list}.${capNote(paging)}`);
    }
    if (this.history.length === 0 && current === '') {
      return new ActionError(
        'No earlier revision to roll back to',
        `The targeted CVMs have no revisions in the app's history (${summary(paging)}). Give revision as a revision id or compose hash from another CVM of the app.`
      );
    }
    return new ActionError(
      'No earlier revision to roll back to',
      `${what} (${short(current)}), but the targeted CVMs' history holds only ${found} (${summary(paging)})${list}. Choose a smaller N or give a revision id or compose hash.`
    );
  }
}

/**
 * An explicit revision: a revision id matches exactly; a hash or prefix matches normalised compose
 * hashes of any CVM of the app (a row made on one CVM may be redeployed to the others). A full
 * hash is settled by its first match; a prefix must be unambiguous, which only the whole history
 * can prove.
 */
class RefSearch implements Search {
  private idMatch: RevisionRow | undefined;
  private readonly matches = new Map<string, RevisionRow>();
  private readonly fullHash: boolean;
  private newestTargeted = '';

  constructor(
    private readonly selector: Extract<RevisionSelector, { kind: 'ref' }>,
    private readonly targeted: ReadonlySet<string>,
    private readonly live: string | undefined
  ) {
    this.fullHash = selector.hashPrefix?.length === FULL_HASH_LENGTH;
  }

  currentHash(): string {
    // undefined: the targeted CVMs run different hashes, so no one hash is "current".
    return this.live === undefined ? '' : this.live || this.newestTargeted;
  }

  visit(rows: RevisionRow[]): 'settled' | 'continue' {
    const { revisionId, hashPrefix } = this.selector;
    for (const row of rows) {
      if (this.newestTargeted === '' && this.targeted.has(row.vmUuid.toLowerCase())) this.newestTargeted = row.composeHash;
      if (!this.idMatch && row.revisionId === revisionId) this.idMatch = row;
      if (hashPrefix && row.composeHash.startsWith(hashPrefix)) preferRow(this.matches, row);
    }
    return this.idMatch || (this.fullHash && this.matches.size > 0) ? 'settled' : 'continue';
  }

  finish(paging: PagingResult): RevisionRow {
    const { selector } = this;
    if (this.idMatch) return this.idMatch;
    if (this.fullHash && this.matches.size > 0) return this.matches.values().next().value!;
    if (this.matches.size > 1) {
      const list = [...this.matches.values()].map((row) => `  ${row.composeHash} (revision ${row.revisionId}, ${row.createdAt})`).join('\n');
      throw new ActionError('Ambiguous compose hash prefix', `${describeSelector(selector)} matches ${this.matches.size} different compose hashes; give more characters:\n${list}`);
    }
    const only = this.matches.values().next().value;
    if (only && paging.end !== 'capped') return only;
    if (only) {
      throw new ActionError(
        'Compose hash prefix may be ambiguous',
        `${describeSelector(selector)} matches compose hash ${only.composeHash} (revision ${only.revisionId}), but older revisions were not read, so another hash may match too (${summary(paging)}).${capNote(paging)}`
      );
    }
    const tooShort = /^(0x)?[0-9a-f]{1,7}$/i.test(selector.text) ? ' A compose hash prefix needs at least 8 hex characters.' : '';
    const advice = paging.end === 'capped' ? capNote(paging) : " Use 'previous', or copy a revision id or compose hash from the app's revision history.";
    throw new ActionError(
      'Revision not found',
      `No revision id or compose hash matches ${describeSelector(selector)} in the app's history (${summary(paging)}).${tooShort}${advice}`
    );
  }
}

/**
 * Finds the revision to redeploy for `selector`, reading the history (newest first, 1000 rows a
 * page) only as far as the answer needs: page 1 alone, then later pages concurrently, handed over
 * in order, with no new request once the answer is settled. Work is linear in the rows read.
 * Rows read after the settling page never change the answer, except that a 'previous' target
 * whose rows are the oldest read so far costs one more page to judge the rollback rule.
 */
export async function resolveRevision(
  fetchPage: (page: number, needles?: SkimNeedles) => Promise<RevisionsPage>,
  selector: RevisionSelector,
  targets: ReadonlyArray<RevisionTarget>,
  options: ResolveOptions = {}
): Promise<ResolvedRevision> {
  // 'current' is a Qovery selector; Phala's inputs never produce it, but the type allows it.
  if (selector.kind === 'current') throw new ActionError('Revision not supported', `${describeSelector(selector)} is not supported on Phala Cloud.`);
  const warnings: string[] = [];
  const normalised = targets.map((cvm) => ({ ...cvm, composeHash: normaliseHash(cvm.composeHash) }));
  const live = liveHash(normalised, selector, warnings);
  const targeted = new Set(normalised.map((cvm) => cvm.vmUuid.toLowerCase()));
  const search: Search = selector.kind === 'previous' ? new PreviousSearch(selector, targeted, live ?? '', warnings) : new RefSearch(selector, targeted, live);
  // An explicit revision is looked for in the page text first; pages that cannot hold it are only
  // skimmed. Not when no CVM reports a hash: the newest targeted row then stands in for it.
  const needles: SkimNeedles | undefined =
    selector.kind === 'ref' && live !== '' ? { revisionId: selector.revisionId, ...(selector.hashPrefix === undefined ? {} : { hashPrefix: selector.hashPrefix }) } : undefined;
  const paging = await readRevisionPages(
    (page) => fetchPage(page, needles),
    (rows) => search.visit(rows),
    options
  );
  const target = search.finish(paging);
  return {
    target,
    currentHash: search.currentHash(),
    searched: paging.rowsRead,
    pagesRead: paging.pagesRead,
    requests: paging.requests,
    warnings
  };
}
