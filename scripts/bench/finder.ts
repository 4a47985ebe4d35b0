/**
 * What a user's own loop does with each page of revisions: normalise hashes and decide when it
 * has the answer. Shared by the baselines so they solve the same problem the action solves.
 */

export type Wanted = { kind: 'previous' } | { kind: 'hash'; hash: string } | { kind: 'prefix'; prefix: string };

export function normaliseHash(hash: string): string {
  return hash.toLowerCase().replace(/^0x/, '');
}

/**
 * Feeds pages newest first; `feed` returns true once the answer is settled. `previous` is the
 * first hash differing from the newest row's; a full hash is settled by its first row; a prefix
 * needs every page, because only the whole history proves no second hash shares it.
 */
export class RevisionFinder {
  private current: string | undefined;
  private readonly matches = new Set<string>();

  constructor(private readonly wanted: Wanted) {}

  feed(rows: ReadonlyArray<{ compose_hash: string }>, lastPage: boolean): boolean {
    for (const row of rows) {
      const hash = normaliseHash(row.compose_hash);
      switch (this.wanted.kind) {
        case 'previous':
          if (this.current === undefined) this.current = hash;
          else if (hash !== this.current) this.matches.add(hash);
          if (this.matches.size > 0) return true;
          break;
        case 'hash':
          if (hash === normaliseHash(this.wanted.hash)) {
            this.matches.add(hash);
            return true;
          }
          break;
        case 'prefix':
          if (hash.startsWith(normaliseHash(this.wanted.prefix))) this.matches.add(hash);
          break;
      }
    }
    return lastPage;
  }

  /** The one hash found; undefined when none or (for a prefix) more than one matched. */
  result(): string | undefined {
    return this.matches.size === 1 ? [...this.matches][0] : undefined;
  }
}

/** Shortest prefix of `hash`, at least `minLength` long, that no other of `all` shares. */
export function uniquePrefix(hash: string, all: readonly string[], minLength = 8): string {
  const own = normaliseHash(hash);
  const others = [...new Set(all.map(normaliseHash))].filter((h) => h !== own);
  for (let length = minLength; length <= own.length; length++) {
    const prefix = own.slice(0, length);
    if (!others.some((h) => h.startsWith(prefix))) return prefix;
  }
  return own;
}
