import type { QoveryApi } from './qovery-api.js';
import { HISTORY_PAGE_SIZE } from './qovery-api.js';
import type { Execution } from './shapes.js';

/** The most executions a run reads, whatever the server sends: a bound on time, requests and memory. */
export const MAX_HISTORY_ROWS = 1000;

/**
 * Reads the environment's deployment history page by page, only as far as the resolution needs,
 * and never more than MAX_HISTORY_ROWS rows in all: the cap counts rows, so a server that ignores
 * pageSize cannot make the run read more, and a server that ignores startId (the same page again)
 * is noticed at once instead of being read until the cap. What was really read is kept for
 * messages.
 */
export class HistoryReader {
  readonly executions: Execution[] = [];
  private readonly seen = new Set<string>();
  private pages = 0;
  private ended = false;
  private anomaly?: string;

  constructor(
    private readonly api: QoveryApi,
    private readonly doing: string
  ) {}

  /** Whether another page may hold more executions. */
  get complete(): boolean {
    return this.ended;
  }

  /** Reads the next page; false when there is nothing more to read (end, cap, or a misbehaving server). */
  async more(): Promise<boolean> {
    if (this.ended) return false;
    const room = MAX_HISTORY_ROWS - this.executions.length;
    const startId = this.executions.at(-1)?.executionId;
    const page = await this.api.historyPage(this.doing, startId, room);
    this.pages++;
    const fresh = page.executions.filter((execution) => !this.seen.has(execution.executionId));
    if (page.executions.length > 0 && fresh.length === 0) {
      this.anomaly = `the server answered page ${this.pages} with page ${this.pages - 1} again (it ignored startId), so paging stopped`;
      this.ended = true;
      return false;
    }
    if (fresh.length < page.executions.length) this.anomaly = `page ${this.pages} repeated ${page.executions.length - fresh.length} execution(s) already read; they were skipped`;
    for (const execution of fresh) {
      this.seen.add(execution.executionId);
      this.executions.push(execution);
    }
    if (page.rows > HISTORY_PAGE_SIZE) {
      // Every row is already here: asking again would only repeat them.
      this.anomaly = `the server ignored pageSize (${page.rows} rows for pageSize ${HISTORY_PAGE_SIZE}); the action kept ${Math.min(page.rows, room)}`;
      this.ended = true;
    } else if (page.rows < HISTORY_PAGE_SIZE) this.ended = true;
    if (this.executions.length >= MAX_HISTORY_ROWS) {
      this.ended = true;
      this.anomaly ??= `the action reads at most ${MAX_HISTORY_ROWS} executions`;
    }
    return fresh.length > 0;
  }

  /** What went wrong while paging (ignored pageSize, a repeated page, the cap), if anything. */
  get note(): string | undefined {
    return this.anomaly;
  }

  /** "searched 300 executions (3 pages)", with what went wrong, for messages. */
  describe(): string {
    const n = this.executions.length;
    const pages = `${this.pages} page${this.pages === 1 ? '' : 's'}`;
    return `searched ${n} execution${n === 1 ? '' : 's'} in ${pages}${this.anomaly ? `; ${this.anomaly}` : ''}`;
  }
}
