import { describe, expect, it } from '@jest/globals';
import { ActionError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { RunProgress } from '../../src/pipeline/progress.js';
import { run } from '../../src/pipeline/run.js';
import type { RollbackPlan, RollbackProvider, TriggerOutcome } from '../../src/providers/provider.js';
import type { Settings } from '../../src/settings.js';

const TARGET = 'ab'.repeat(32);
const CURRENT = 'cd'.repeat(32);

const settings: Settings = {
  provider: 'phala',
  apiKey: 'k',
  apiUrl: 'http://127.0.0.1:1/api/v1',
  appId: 'a1b2c3d4',
  revision: { kind: 'previous', steps: 1, text: 'previous' },
  vmUuids: [],
  wait: true,
  timeoutSeconds: 60,
  dryRun: false
};

function plan(over: Partial<RollbackPlan> = {}): RollbackPlan {
  const instance = { id: 'u1', name: 'web-1', version: CURRENT, status: 'running' };
  return {
    appId: 'a1b2c3d4',
    targets: [instance],
    toRedeploy: [instance],
    revision: { id: 'rev_1', version: TARGET, createdAt: '2026-11-01T00:00:00Z', createdBy: 'alice' },
    previousVersion: CURRENT,
    searched: 3,
    warnings: [],
    ...over
  };
}

/** A provider that records the calls the pipeline makes. */
function fakeProvider(p: RollbackPlan, outcome: TriggerOutcome = { kind: 'triggered', receipt: { acceptedAt: 0 } }, waitError?: Error) {
  const calls: string[] = [];
  const provider: RollbackProvider = {
    platformName: 'Fake',
    plan: async () => (calls.push('plan'), p),
    trigger: async () => (calls.push('trigger'), outcome),
    waitUntilDone: async () => {
      calls.push('wait');
      if (waitError) throw waitError;
    }
  };
  return { provider, calls };
}

async function runWith(provider: RollbackProvider, over: Partial<Settings> = {}) {
  const outputs: Record<string, string> = {};
  const summaries: string[] = [];
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), debug: () => undefined };
  const progress: RunProgress = { phase: 'starting' };
  const deps = { provider, log, setOutput: (n: string, v: string) => void (outputs[n] = v), writeSummary: async (s: string) => void summaries.push(s), progress };
  const result = await run({ ...settings, ...over }, deps).then(
    (status) => ({ status, error: undefined }),
    (error: unknown) => ({ status: undefined, error })
  );
  return { ...result, outputs, summaries, lines, progress };
}

describe('run', () => {
  it('resolves, triggers, waits and reports completed', async () => {
    const { provider, calls } = fakeProvider(plan());
    const result = await runWith(provider);
    expect(result.status).toBe('completed');
    expect(calls).toEqual(['plan', 'trigger', 'wait']);
    expect(result.outputs).toEqual({ status: 'completed', revision_id: 'rev_1', compose_hash: TARGET, previous_compose_hash: CURRENT, vm_uuids: '["u1"]' });
    expect(result.summaries[0]).toContain('Completed');
  });

  it('skips without triggering when every target already runs the revision', async () => {
    const { provider, calls } = fakeProvider(plan({ toRedeploy: [] }));
    expect((await runWith(provider)).status).toBe('skipped');
    expect(calls).toEqual(['plan']);
  });

  it('does not trigger on a dry run', async () => {
    const { provider, calls } = fakeProvider(plan());
    const result = await runWith(provider, { dryRun: true });
    expect(result.status).toBe('dry_run');
    expect(calls).toEqual(['plan']);
  });

  it('reports triggered without waiting when wait is false', async () => {
    const { provider, calls } = fakeProvider(plan());
    expect((await runWith(provider, { wait: false })).status).toBe('triggered');
    expect(calls).toEqual(['plan', 'trigger']);
  });

  it('reports skipped when the platform reached the revision while a blocking operation ran', async () => {
    const { provider } = fakeProvider(plan(), { kind: 'already-there', reason: 'done by another run' });
    expect((await runWith(provider)).status).toBe('skipped');
  });

  it('keeps the target outputs and writes a failure summary when a later step fails', async () => {
    const { provider } = fakeProvider(plan(), undefined, new ActionError('Rollback failed on the platform', 'web-1: the update failed: boom'));
    const result = await runWith(provider);
    expect(result.error).toBeInstanceOf(ActionError);
    expect(result.outputs.compose_hash).toBe(TARGET);
    expect(result.outputs.status).toBeUndefined();
    expect(result.summaries[0]).toContain('Failed: Rollback failed on the platform');
    expect(result.progress.phase).toBe('waiting');
  });
});
