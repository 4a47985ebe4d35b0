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

describe('assessCvm: the one success condition', () => {
  it('does not take the flipped-but-not-started window for completion, and asks for the record', () => {
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: false })).toEqual({ kind: 'pending', why: 'running, update not started yet', needsRecord: true });
  });

  it('is pending while the update is in progress', () => {
    expect(assessCvm(cvm({ inProgress: true, status: 'updating' }), TARGET, { seenUpdating: true }).kind).toBe('pending');
  });

  it('is not done when seen updating and settled, until the operation record says completed', () => {
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: true })).toMatchObject({ kind: 'pending', needsRecord: true });
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: true, operation: op({}) })).toEqual({ kind: 'done' });
  });

  it('is done on a completed operation record for the rollback, even if the update ran between polls', () => {
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: false, operation: op({}) })).toEqual({ kind: 'done' });
  });

  it('is not done while the record is still in progress', () => {
    expect(assessCvm(cvm({}), TARGET, { seenUpdating: true, operation: op({ status: 'in_progress' }) }).kind).toBe('pending');
  });

  it("fails with the platform's message when the operation failed, even though the CVM reads running on the target", () => {
    const verdict = assessCvm(cvm({}), TARGET, { seenUpdating: true, operation: op({ status: 'failed', errorMessage: 'container exited 1' }) });
    expect(verdict).toMatchObject({ kind: 'failed' });
    expect(verdict.kind === 'failed' && verdict.why).toContain('container exited 1');
  });

  it.each(['stopped', 'error', 'exited'])('fails when the CVM settles %s after the update', (status) => {
    expect(assessCvm(cvm({ status }), TARGET, { seenUpdating: true }).kind).toBe('failed');
  });

  it('fails when the CVM settles running another hash after a completed update', () => {
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
  it.each(['activate_revision', 'update', 'compose_update', 'deploy'])('matches an activation named %s without a recorded hash', (operationType) => {
    expect(operationForRollback([op({ composeHash: undefined, operationType })], TARGET, sentAt)).toBeDefined();
  });
  it.each(['restart', 'power_on', 'stop', 'resize'])('never takes a %s for the rollback', (operationType) => {
    expect(operationForRollback([op({ composeHash: undefined, operationType })], TARGET, sentAt)).toBeUndefined();
  });
  it('prefers the record whose correlation id the CVM showed while busy, even if the clocks disagree', () => {
    const records = [op({ correlationId: 'other' }), op({ correlationId: 'mine', startedAt: '2026-11-25T11:58:00Z' })];
    expect(operationForRollback(records, TARGET, sentAt, new Set(['mine']))?.correlationId).toBe('mine');
  });
  it('finds nothing rather than guess when no record fits', () => {
    expect(operationForRollback([], TARGET, sentAt)).toBeUndefined();
  });
});
