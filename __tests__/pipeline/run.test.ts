import { describe, expect, it } from '@jest/globals';
import { ActionError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { describeCancellation, newProgress } from '../../src/pipeline/progress.js';
import { run, type Gate, type Verifier } from '../../src/pipeline/run.js';
import type { RollbackPlan, RollbackProvider, TriggerOutcome, TriggerTracker } from '../../src/providers/provider.js';
import { PHALA_VOCABULARY } from '../../src/providers/phala/phala-provider.js';
import type { PhalaSettings } from '../../src/settings.js';

const TARGET = 'ab'.repeat(32);
const CURRENT = 'cd'.repeat(32);

const settings: PhalaSettings = {
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
  const instance = { id: '11111111-2222-4333-8444-555555555555', name: 'web-1', version: CURRENT, status: 'running' };
  return {
    appId: 'a1b2c3d4',
    targets: [instance],
    toRedeploy: [instance],
    revision: { id: 'rev_1', version: TARGET, createdAt: '2026-11-01T00:00:00Z', createdBy: 'alice' },
    previousVersion: CURRENT,
    searched: 3,
    warnings: [],
    outputs: { compose_hash: TARGET, previous_compose_hash: CURRENT, vm_uuids: JSON.stringify([instance.id]) },
    consoleUrl: '',
    ...over
  };
}

/** A provider that records the calls the pipeline makes; its trigger can report through the tracker. */
function fakeProvider(
  p: RollbackPlan,
  outcome: TriggerOutcome = { kind: 'triggered', receipt: { acceptedAt: 0 } },
  waitError?: Error,
  duringTrigger?: (tracker: TriggerTracker) => void
) {
  const calls: string[] = [];
  const provider: RollbackProvider = {
    vocabulary: PHALA_VOCABULARY,
    plan: async () => (calls.push('plan'), p),
    trigger: async (_plan, tracker) => {
      calls.push('trigger');
      duringTrigger?.(tracker);
      return outcome;
    },
    waitUntilDone: async () => {
      calls.push('wait');
      if (waitError) throw waitError;
    }
  };
  return { provider, calls };
}

async function runWith(provider: RollbackProvider, over: Partial<PhalaSettings> = {}, verify?: Verifier, gate?: Gate) {
  const outputs: Record<string, string> = {};
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), debug: () => undefined };
  const progress = newProgress();
  const deps = { provider, log, setOutput: (n: string, v: string) => void (outputs[n] = v), progress, verify, gate };
  const result = await run({ ...settings, ...over }, deps).then(
    (status) => ({ status, error: undefined }),
    (error: unknown) => ({ status: undefined, error })
  );
  return { ...result, outputs, lines, progress };
}

describe('run', () => {
  it('resolves, triggers, waits and reports completed', async () => {
    const { provider, calls } = fakeProvider(plan());
    const result = await runWith(provider);
    expect(result.status).toBe('completed');
    expect(calls).toEqual(['plan', 'trigger', 'wait']);
    expect(result.outputs).toEqual({
      status: 'completed',
      revision_id: 'rev_1',
      compose_hash: TARGET,
      previous_compose_hash: CURRENT,
      vm_uuids: '["11111111-2222-4333-8444-555555555555"]',
      console_url: '',
      health: 'skipped',
      health_before: 'not_checked'
    });
    expect(result.progress.changed).toBe('accepted');
  });

  it('skips without triggering when every target already runs the revision', async () => {
    const { provider, calls } = fakeProvider(plan({ toRedeploy: [] }));
    const result = await runWith(provider);
    expect(result.status).toBe('skipped');
    expect(calls).toEqual(['plan']);
    expect(result.progress.changed).toBe('nothing');
  });

  it('does not trigger on a dry run', async () => {
    const { provider, calls } = fakeProvider(plan());
    const result = await runWith(provider, { dryRun: true });
    expect(result.status).toBe('dry_run');
    expect(calls).toEqual(['plan']);
  });

  it.each([
    [PHALA_VOCABULARY, 'Dry run: the redeploy of revision rev_1 to web-1 was not sent.'],
    [{ ...PHALA_VOCABULARY, redeploy: 'deploy request' }, 'Dry run: the deploy request of revision rev_1 to web-1 was not sent.']
  ])('says what a dry run did not send in words that read for any platform (%#)', async (vocabulary, line) => {
    const { provider } = fakeProvider(plan());
    const result = await runWith({ ...provider, vocabulary }, { dryRun: true });
    expect(result.lines).toContain(line);
  });

  it('counts one and many in the right number', async () => {
    const one = await runWith(fakeProvider(plan({ searched: 1 })).provider);
    expect(one.lines.join('\n')).toContain('found after reading 1 history entry.');
    expect(one.lines.join('\n')).toContain('Rollback complete: 1 CVM now runs revision rev_1.');
    const many = await runWith(fakeProvider(plan({ searched: 3 })).provider);
    expect(many.lines.join('\n')).toContain('found after reading 3 history entries.');
  });

  it('reports triggered without waiting when wait is false, and a cancellation then keeps that status', async () => {
    const { provider, calls } = fakeProvider(plan());
    const result = await runWith(provider, { wait: false });
    expect(result.status).toBe('triggered');
    expect(calls).toEqual(['plan', 'trigger']);
    expect(result.progress.status).toBe('triggered');
    expect(describeCancellation(result.progress)).toMatch(/was accepted \(wait: false\)/);
  });

  it('reports skipped when the platform reached the revision while a blocking operation ran', async () => {
    const { provider } = fakeProvider(plan(), { kind: 'already-there', reason: 'done by another run' });
    expect((await runWith(provider)).status).toBe('skipped');
  });

  it('keeps the target outputs and records how far it got when a later step fails', async () => {
    const { provider } = fakeProvider(plan(), undefined, new ActionError('Rollback failed on the platform', 'web-1: the update failed: boom'));
    const result = await runWith(provider);
    expect(result.error).toBeInstanceOf(ActionError);
    expect(result.outputs.compose_hash).toBe(TARGET);
    expect(result.outputs.status).toBeUndefined();
    expect(result.progress.phase).toBe('waiting');
    expect(result.progress.changed).toBe('accepted');
  });

  it('learns from the trigger whether anything was sent, for a cancellation during a 409 wait', async () => {
    let snapshot = '';
    let changedThen = '';
    const progressHolder: { progress?: ReturnType<typeof newProgress> } = {};
    const { provider } = fakeProvider(plan(), undefined, undefined, (tracker) => {
      tracker.mark('nothing');
      tracker.waitingToSend('web-1: operation restart (correlation id c1)');
      snapshot = describeCancellation(progressHolder.progress!);
      changedThen = progressHolder.progress!.changed;
    });
    const outputs: Record<string, string> = {};
    const progress = newProgress();
    progressHolder.progress = progress;
    await run(settings, { provider, log: { info: () => undefined, warning: () => undefined, debug: () => undefined }, setOutput: (n, v) => void (outputs[n] = v), progress });
    expect(snapshot).toContain('waiting for another operation to finish before sending');
    expect(snapshot).toContain('operation restart');
    expect(changedThen).toBe('nothing');
  });

  it('runs the health check after completion and fails, saying the rollback itself completed, when unhealthy', async () => {
    const { provider } = fakeProvider(plan());
    const healthy = await runWith(provider, {}, async () => ({ state: 'healthy', detail: '3 good answers' }));
    expect(healthy.outputs.health).toBe('healthy');
    const sick = await runWith(provider, {}, async () => ({ state: 'unhealthy', detail: 'answered 503 for 30 s' }));
    expect(sick.error).toBeInstanceOf(ActionError);
    expect((sick.error as ActionError).changed).toBe('accepted');
    expect((sick.error as ActionError).outcome).toBe('completed');
    expect((sick.error as ActionError).message).toContain('answered 503 for 30 s');
    expect(sick.outputs.health).toBe('unhealthy');
  });

  describe('with a gate (rollback_when: unhealthy)', () => {
    const probes = ['1. 2026-12-07T10:00:00.000Z: answered 503 in 4 ms, expected 200-399'];

    it('a healthy verdict ends as skipped before the provider is asked anything', async () => {
      const { provider, calls } = fakeProvider(plan());
      const result = await runWith(provider, {}, undefined, async () => ({ state: 'healthy', url: 'https://app.example.com/h', probes }));
      expect(calls).toEqual([]);
      expect(result.outputs).toEqual({ status: 'skipped', health: 'skipped', health_before: 'healthy' });
    });

    it('an unhealthy verdict rolls back as without a gate, and health_before says why', async () => {
      const { provider, calls } = fakeProvider(plan());
      const result = await runWith(provider, {}, undefined, async () => ({ state: 'unhealthy', url: 'https://app.example.com/h', probes }));
      expect(calls).toEqual(['plan', 'trigger', 'wait']);
      expect(result.outputs).toMatchObject({ status: 'completed', health_before: 'unhealthy' });
      expect(result.progress.healthBefore?.probes).toEqual(probes);
    });

    it('a cancellation while probing says nothing was read from or sent to the platform', () => {
      const progress = { ...newProgress(), phase: 'probing' as const, vocabulary: PHALA_VOCABULARY };
      expect(describeCancellation(progress)).toBe("Cancelled while probing the app's health before deciding whether to roll back: nothing was read from or sent to Phala Cloud.");
    });
  });
});
