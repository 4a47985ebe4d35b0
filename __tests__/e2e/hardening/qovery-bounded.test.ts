import { describe, expect, it } from '@jest/globals';
import { commitOf, stableUuid } from '../../../sandbox/qovery/index.js';
import { annotations, qoveryWith, rollback } from '../qovery/helpers.js';
import { expectChangedSaid, expectFailed } from './qovery-checks.js';

/** Class 4 on Qovery: the history read is capped by rows (1,000 executions), whatever the server does with paging. */
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ versions: { api: commitOf(`v${i}`) } }));
const historyReads = (sandbox: Awaited<ReturnType<typeof qoveryWith>>) => sandbox.requests.filter((r) => r.path.endsWith('/deploymentHistoryV2'));
const nowhere = stableUuid('nowhere');

describe('history paging', () => {
  it('an honest server: pages of 100 by startId, stopping at 1,000 rows, and the message says so', async () => {
    const sandbox = await qoveryWith({ executions: many(2500) });
    const run = await rollback(sandbox, { revision: nowhere });
    expectFailed(run, 'Execution not found');
    expect(annotations(run)[0]!.message).toContain('searched 1000 executions in 10 pages; the action reads at most 1000 executions');
    expect(historyReads(sandbox)).toHaveLength(10);
    expectChangedSaid(run, 'nothing');
  });

  it('a server that ignores pageSize: one request, 1,000 rows kept, the message says what was really read', async () => {
    const sandbox = await qoveryWith({ executions: many(2500), historyIgnoresPageSize: true });
    const run = await rollback(sandbox, { revision: nowhere });
    expectFailed(run, 'Execution not found');
    expect(annotations(run)[0]!.message).toContain('searched 1000 executions in 1 page; the server ignored pageSize (2500 rows for pageSize 100); the action kept 1000');
    expect(historyReads(sandbox)).toHaveLength(1);
  });

  it('a server that repeats the first page (ignores startId): noticed on the second page', async () => {
    const sandbox = await qoveryWith({ executions: many(300), historyIgnoresStartId: true });
    const run = await rollback(sandbox, { revision: nowhere });
    expectFailed(run, 'Execution not found');
    expect(annotations(run)[0]!.message).toContain('searched 100 executions in 2 pages; the server answered page 2 with page 1 again (it ignored startId), so paging stopped');
    expect(historyReads(sandbox)).toHaveLength(2);
  });

  it('further pages are read only when the first does not settle it', async () => {
    const sandbox = await qoveryWith({ executions: many(250) });
    const target = sandbox.executions()[150]!.executionId;
    const run = await rollback(sandbox, { revision: target, dry_run: 'true' });
    expect(run.exitCode).toBe(0);
    expect(historyReads(sandbox)).toHaveLength(2);
    const quick = await qoveryWith({ executions: many(250) });
    expect((await rollback(quick, { dry_run: 'true' })).exitCode).toBe(0);
    expect(historyReads(quick)).toHaveLength(1);
  });
});
