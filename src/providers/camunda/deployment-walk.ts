import { ActionError } from '../../errors.js';
import type { TimeWindow } from './camunda-api.js';
import type { Deployment } from './shapes.js';

/** The history read never goes past this many deployments, whatever the engine (or a proxy) sends. */
export const MAX_DEPLOYMENTS_READ = 1000;
/** Tie groups up to this size are ordered by their definitions' versions (two reads per deployment). */
const MAX_TIE_LOOKUPS = 20;

/** What the walk reads from the engine. */
export interface DeploymentPages {
  /**
   * Rows within `window`, at most `maxResults` (a hostile server may send anything): newest first,
   * or with `byId` in the order of their ids, which are unique, so firstResult paging over it
   * neither skips nor repeats rows.
   */
  page(window: TimeWindow & { firstResult?: number; byId?: boolean }, maxResults: number): Promise<Deployment[]>;
  /** Rows per request the engine accepts (its queryMaxResultsLimit may lower it). */
  pageSize(): number;
  /** For tied deployments: definition key → version, per deployment (versions grow with each deployment of a key). */
  versions(deployment: Deployment): Promise<Map<string, number>>;
}

export type WalkEnd = 'end' | 'cap' | 'repeated';

/**
 * Deployments of one name, newest first, in a stable order, read lazily and bounded by rows.
 *
 * `deploymentTime` is stamped by each node's clock (and some databases keep whole seconds), so
 * deployments tie; paging with firstResult over ties can skip or repeat rows, as the database
 * returns tied rows in any order. So pages are cut by time instead: each page is strictly
 * before the oldest time of the last one, and the rows at that oldest time are read as one tie
 * group (after t−1 ms, before t+1 ms: both bounds are strict in the engine's deployment query,
 * paged by id), then ordered by their definitions' versions, which the engine numbers per key in
 * deploy order.
 */
export class DeploymentWalk {
  /** Deployments handed out so far. */
  read = 0;
  /** Requests made for the listing (pages and tie groups). */
  requests = 0;
  ended: WalkEnd | undefined;
  private readonly buffer: Deployment[] = [];
  private readonly seen = new Set<string>();
  private cursor: number | undefined;

  constructor(
    private readonly pages: DeploymentPages,
    private readonly maxRows = MAX_DEPLOYMENTS_READ
  ) {}

  async next(): Promise<Deployment | undefined> {
    if (this.read >= this.maxRows) {
      if (this.buffer.length > 0 || !this.ended) this.ended = 'cap';
      return undefined;
    }
    while (this.buffer.length === 0) {
      if (this.ended) return undefined;
      await this.fill();
    }
    this.read++;
    return this.buffer.shift();
  }

  /** A sentence on what was really read, for messages. */
  describe(): string {
    const rows = `${this.read} deployment${this.read === 1 ? '' : 's'}`;
    switch (this.ended) {
      case 'cap':
        return `${rows} (the action reads at most ${this.maxRows}; give revision as a deployment id to go further back)`;
      case 'repeated':
        return `${rows} (the engine, or a proxy in front of it, answered a page with rows already read, so the reading stopped there)`;
      default:
        return rows;
    }
  }

  private async fill(): Promise<void> {
    const size = this.pages.pageSize();
    const window: TimeWindow = this.cursor === undefined ? {} : { before: formatEngineTime(this.cursor) };
    this.requests++;
    const rows = (await this.pages.page(window, size)).map(withTime);
    const fresh = rows.filter((row) => !this.seen.has(row.deployment.id) && (this.cursor === undefined || row.time < this.cursor));
    if (rows.length > 0 && fresh.length === 0) {
      this.ended = 'repeated';
      return;
    }
    if (fresh.length === 0) {
      this.ended = 'end';
      return;
    }
    fresh.sort((a, b) => b.time - a.time);
    const oldest = fresh[fresh.length - 1]!.time;
    let batch = fresh;
    // The engine may have lowered the page size during that request (its queryMaxResultsLimit).
    if (rows.length >= Math.min(size, this.pages.pageSize())) {
      // The page was full: more rows may share its oldest time. Read that whole tie group.
      batch = [...fresh.filter((row) => row.time !== oldest), ...(await this.tieGroup(oldest, fresh))];
    } else {
      this.ended = 'end';
    }
    this.cursor = oldest;
    for (const group of groupByTime(batch)) {
      const ordered = group.length > 1 ? await this.orderTies(group.map((row) => row.deployment)) : [group[0]!.deployment];
      for (const deployment of ordered) {
        if (this.seen.has(deployment.id)) continue;
        this.seen.add(deployment.id);
        this.buffer.push(deployment);
      }
    }
    if (this.buffer.length === 0 && !this.ended) this.ended = 'repeated';
  }

  private async tieGroup(time: number, already: Array<{ deployment: Deployment; time: number }>): Promise<Array<{ deployment: Deployment; time: number }>> {
    const group = new Map<string, { deployment: Deployment; time: number }>();
    for (const row of already) if (row.time === time) group.set(row.deployment.id, row);
    const window = { after: formatEngineTime(time - 1), before: formatEngineTime(time + 1), byId: true };
    // Tied rows come back from the database in any order, and in another one per query: paged by
    // id (unique) within the instant, no row is skipped. Rows the first page already gave are
    // expected again; a page whose every row an earlier page of this group gave is a repeat.
    const paged = new Set<string>();
    for (let firstResult = 0; this.read + group.size < this.maxRows; firstResult += this.pages.pageSize()) {
      this.requests++;
      const size = this.pages.pageSize();
      const rows = (await this.pages.page({ ...window, firstResult }, size)).map(withTime).filter((row) => row.time === time);
      const repeated = rows.length > 0 && rows.every((row) => paged.has(row.deployment.id));
      for (const row of rows) {
        paged.add(row.deployment.id);
        if (!this.seen.has(row.deployment.id)) group.set(row.deployment.id, row);
      }
      if (repeated || rows.length < Math.min(size, this.pages.pageSize())) break;
    }
    return [...group.values()];
  }

  private async orderTies(tied: Deployment[]): Promise<Deployment[]> {
    const versions = new Map<string, Map<string, number>>();
    if (tied.length <= MAX_TIE_LOOKUPS) for (const deployment of tied) versions.set(deployment.id, await this.pages.versions(deployment));
    return orderTied(tied, versions);
  }
}

/**
 * Newest first among deployments with the same deploymentTime: where two hold definitions of the
 * same key, the higher version is the newer (the engine numbers versions per key in deploy
 * order); otherwise the id's own order (time-based UUIDs, or numbers from the database id
 * generator); otherwise as the engine listed them.
 */
export function orderTied(tied: Deployment[], versions: Map<string, Map<string, number>>): Deployment[] {
  const compare = (a: Deployment, b: Deployment): number => {
    const va = versions.get(a.id);
    const vb = versions.get(b.id);
    if (va && vb) {
      for (const [key, version] of va) {
        const other = vb.get(key);
        if (other !== undefined && other !== version) return other - version;
      }
    }
    const ia = idOrder(a.id);
    const ib = idOrder(b.id);
    if (ia !== undefined && ib !== undefined && ia !== ib) return ia > ib ? -1 : 1;
    return 0;
  };
  // Insertion sort: stable, and sound with a comparison that can only order some pairs.
  const out: Deployment[] = [];
  for (const deployment of tied) {
    let at = out.length;
    while (at > 0 && compare(deployment, out[at - 1]!) < 0) at--;
    out.splice(at, 0, deployment);
  }
  return out;
}

/** A time-based UUID's timestamp (the engine's default StrongUuidGenerator), or a numeric id; undefined otherwise. */
function idOrder(id: string): bigint | undefined {
  const uuid = /^([0-9a-f]{8})-([0-9a-f]{4})-1([0-9a-f]{3})-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(id);
  if (uuid) return BigInt(`0x${uuid[3]}${uuid[2]}${uuid[1]}`);
  if (/^\d{1,30}$/.test(id)) return BigInt(id);
  return undefined;
}

function withTime(deployment: Deployment): { deployment: Deployment; time: number } {
  const time = parseEngineTime(deployment.deploymentTime);
  if (time === undefined) {
    throw new ActionError(
      'Unexpected response from the Camunda engine',
      `Deployment ${deployment.id} has deploymentTime '${deployment.deploymentTime.slice(0, 40)}', which is not a date the engine writes. Check that api_url is the engine-rest base and that no proxy answers in its place.`
    );
  }
  return { deployment, time };
}

function groupByTime<T extends { time: number }>(rows: T[]): T[][] {
  const groups: T[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.time === row.time) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/** The engine's date form, 2013-04-23T13:42:43.000+0200, in ms since the epoch. */
export function parseEngineTime(text: string): number | undefined {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,9})?(Z|[+-]\d\d:?\d\d)?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ? match[2].slice(0, 4).padEnd(4, '0') : '.000';
  const zone = !match[3] || match[3] === 'Z' ? 'Z' : `${match[3].slice(0, 3)}:${match[3].slice(-2)}`;
  const time = Date.parse(`${match[1]}${fraction}${zone}`);
  return Number.isNaN(time) ? undefined : time;
}

/** A time as the engine's REST date parameters take it (yyyy-MM-dd'T'HH:mm:ss.SSSZ). */
export function formatEngineTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
