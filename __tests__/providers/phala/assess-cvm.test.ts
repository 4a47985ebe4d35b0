import { describe, expect, it } from '@jest/globals';
import { assessCvm, operationForRollback } from '../../../src/providers/phala/assess-cvm.js';
import type { CvmState, OperationRecord } from '../../../src/providers/phala/shapes.js';

const TARGET = 'ab'.repeat(32);
const OLD = 'cd'.repeat(32);
const cvm = (over: Partial<CvmState>): CvmState => ({ id: 'cvm_1', vmUuid: 'u1', name: 'web-1', status: 'running', inProgress: false, composeHash: TARGET, ...over });
const op = (over: Partial<OperationRecord>): OperationRecord => ({
  correlationId: 'c1',
  operationType: 'compose_update',
  status: 'completed',
  startedAt: '2026-11-25T12:00:10Z',
  composeHash: TARGET,
  ...over
});

describe('assessCvm', () => {
  it('does not take the flipped-but-not-started window for completion', () => {
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: false })).toEqual({ kind: 'pending', why: 'running, update not started yet', needsRecord: true });
  });

  it('is pending while the update is in progress', () => {
    expect(assessCvm(cvm({ inProgress: true, status: 'updating' }), TARGET, { seenUpdating: true }).kind).toBe('pending');
  });

  it('is not done on the state alone, even seen in progress and then settled running on the target', () => {
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: true })).toMatchObject({ kind: 'pending', needsRecord: true });
  });

  it('is done on a completed operation record for the rollback, even if the update ran between polls', () => {
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: false, operation: op({}) })).toEqual({ kind: 'done' });
  });

  it('is not done while the record is still in progress', () => {
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: false, operation: op({ status: 'in_progress' }) }).kind).toBe('pending');
  });

  it("fails with the platform's message when the operation failed", () => {
    const verdict = assessCvm(cvm({ status: 'error' }), TARGET, { seenUpdating: true, operation: op({ status: 'failed', errorMessage: 'image pull failed' }) });
    expect(verdict).toMatchObject({ kind: 'failed' });
    expect(verdict.kind === 'failed' && verdict.why).toContain('image pull failed');
  });

  it.each(['stopped', 'error', 'exited'])('fails when the CVM settles %s after the update', (status) => {
    expect(assessCvm(cvm({ status }), TARGET, { seenUpdating: true }).kind).toBe('failed');
  });

  it('fails when the update completed but the CVM settles running another hash', () => {
    expect(assessCvm(cvm({ composeHash: OLD }), TARGET, { seenUpdating: true, operation: op({}) }).kind).toBe('failed');
  });
});

describe('operationForRollback', () => {
  const sentAt = Date.parse('2026-11-25T12:00:00Z');
  it('ignores operations that started before the redeploy was sent', () => {
    expect(operationForRollback([op({ startedAt: '2026-11-25T11:59:00Z' })], TARGET, sentAt)).toBeUndefined();
  });
  it('ignores operations about another compose hash', () => {
    expect(operationForRollback([op({ composeHash: OLD })], TARGET, sentAt)).toBeUndefined();
  });
  it('takes the newest matching one', () => {
    expect(operationForRollback([op({ correlationId: 'new' }), op({ correlationId: 'old' })], TARGET, sentAt)?.correlationId).toBe('new');
  });
  it('accepts an update without a recorded hash, but not a restart', () => {
    expect(operationForRollback([op({ composeHash: undefined })], TARGET, sentAt)).toBeDefined();
    expect(operationForRollback([op({ composeHash: undefined, operationType: 'restart' })], TARGET, sentAt)).toBeUndefined();
  });
});
