import { describe, expect, it } from '@jest/globals';
import { isOurExecution, ourQueuedRequest } from '../../../src/providers/qovery/find-ours.js';
import type { Execution, QueuedRequest } from '../../../src/providers/qovery/shapes.js';

const targets = new Map([
  ['api', 'v2'],
  ['web', 'w1']
]);
const baseline = { lastDeploymentId: 'e-old', executionIds: new Set(['e-1', 'e-old']), queue: [] as QueuedRequest[] };
const exec = (id: string, action: string, versions: Record<string, string>): Execution => ({
  executionId: id,
  status: 'DEPLOYING',
  triggerAction: action,
  actionStatus: 'ONGOING',
  createdAt: '',
  triggeredBy: '',
  services: Object.entries(versions).map(([sid, version]) => ({ id: sid, name: sid, type: 'APPLICATION', version }))
});
const queued = (requestId: string, serviceIds: string[], action = 'DEPLOY'): QueuedRequest => ({ requestId, action, triggeredBy: 'x', serviceIds, serviceNames: serviceIds });

describe("recognising this run's deployment after a lost answer", () => {
  it('a new DEPLOY that carries every service sent on its version is ours', () => {
    expect(isOurExecution(exec('e-new', 'DEPLOY', { api: 'v2', web: 'w1', db: 'x' }), baseline, targets)).toBe(true);
  });
  it('never an execution listed before the send, another person’s RESTART, or a deploy of other versions', () => {
    expect(isOurExecution(exec('e-1', 'DEPLOY', { api: 'v2', web: 'w1' }), baseline, targets)).toBe(false);
    expect(isOurExecution(exec('e-new', 'RESTART', { api: 'v2', web: 'w1' }), baseline, targets)).toBe(false);
    expect(isOurExecution(exec('e-new', 'DEPLOY', { api: 'v3', web: 'w1' }), baseline, targets)).toBe(false);
    expect(isOurExecution(exec('e-new', 'DEPLOY', { api: 'v2' }), baseline, targets)).toBe(false);
  });
  it('in the queue: a new request carrying our services, or one queued before that now also carries them (merged)', () => {
    expect(ourQueuedRequest([queued('r-new', ['api', 'web'])], baseline, targets)).toMatchObject({ merged: false, request: { requestId: 'r-new' } });
    const before = { ...baseline, queue: [queued('r-old', ['web'])] };
    expect(ourQueuedRequest([queued('r-old', ['web', 'api'])], before, targets)).toMatchObject({ merged: true });
    expect(ourQueuedRequest([queued('r-old', ['web', 'api'])], { ...baseline, queue: [queued('r-old', ['web', 'api'])] }, targets)).toBeUndefined();
    expect(ourQueuedRequest([queued('r-new', ['api', 'web'], 'RESTART')], baseline, targets)).toBeUndefined();
  });
});
