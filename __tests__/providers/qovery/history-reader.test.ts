import { describe, expect, it } from '@jest/globals';
import { HistoryReader, MAX_HISTORY_ROWS } from '../../../src/providers/qovery/history-reader.js';
import type { QoveryApi } from '../../../src/providers/qovery/qovery-api.js';
import type { Execution } from '../../../src/providers/qovery/shapes.js';

const exec = (i: number): Execution => ({
  executionId: `e-${i}`,
  status: 'DEPLOYED',
  triggerAction: 'DEPLOY',
  actionStatus: 'SUCCESS',
  createdAt: '',
  triggeredBy: '',
  services: []
});

/** A history server of `total` rows answering by startId and pageSize, or misbehaving as asked. */
function server(total: number, mode: 'honest' | 'ignores-page-size' | 'ignores-start-id' = 'honest') {
  const rows = Array.from({ length: total }, (_, i) => exec(i));
  const calls: Array<string | undefined> = [];
  const api = {
    historyPage: async (_doing: string, startId: string | undefined, limit: number) => {
      calls.push(startId);
      const from = startId && mode !== 'ignores-start-id' ? rows.findIndex((r) => r.executionId === startId) + 1 : 0;
      const page = mode === 'ignores-page-size' ? rows.slice(from) : rows.slice(from, from + 100);
      return { executions: page.slice(0, limit), rows: page.length };
    }
  } as unknown as QoveryApi;
  return { api, calls };
}

describe('the history reader', () => {
  it('pages by startId and stops at the end', async () => {
    const { api, calls } = server(150);
    const reader = new HistoryReader(api, 'reading');
    while (await reader.more());
    expect(reader.executions).toHaveLength(150);
    expect(calls).toEqual([undefined, 'e-99']);
    expect(reader.complete).toBe(true);
    expect(reader.describe()).toBe('searched 150 executions in 2 pages');
  });

  it('caps rows, not pages: never more than 1,000 executions', async () => {
    const { api, calls } = server(5000);
    const reader = new HistoryReader(api, 'reading');
    while (await reader.more());
    expect(reader.executions).toHaveLength(MAX_HISTORY_ROWS);
    expect(calls).toHaveLength(10);
  });

  it('a server that ignores pageSize: one request, 1,000 rows kept, said', async () => {
    const { api, calls } = server(25_000, 'ignores-page-size');
    const reader = new HistoryReader(api, 'reading');
    while (await reader.more());
    expect(calls).toHaveLength(1);
    expect(reader.executions).toHaveLength(1000);
    expect(reader.describe()).toContain('the server ignored pageSize (25000 rows for pageSize 100); the action kept 1000');
  });

  it('a server that repeats the first page: stops at the second, said', async () => {
    const { api, calls } = server(25_000, 'ignores-start-id');
    const reader = new HistoryReader(api, 'reading');
    while (await reader.more());
    expect(calls).toHaveLength(2);
    expect(reader.executions).toHaveLength(100);
    expect(reader.describe()).toContain('answered page 2 with page 1 again');
  });
});
