import { describe, expect, it } from '@jest/globals';
import { isOurs, phaseOf } from '../../../src/providers/qovery/deployment-state.js';
import { baseDelayMs, FIRST_POLL_MS, SETTLED_POLL_MS } from '../../../src/providers/qovery/rate-pace.js';
import { authorizationHeader } from '../../../src/providers/qovery/inputs.js';
import { versionOf } from '../../../src/providers/qovery/shapes.js';
import { throttlePauseMs } from '../../../src/providers/qovery/trigger-deploy.js';

describe('deployment phases', () => {
  it.each([
    ['DEPLOYED', 'succeeded'],
    ['RESTARTED', 'succeeded'],
    // READY is still in progress: Qovery's Terraform provider keeps waiting on it.
    ['READY', 'running'],
    ['DEPLOYMENT_ERROR', 'failed'],
    ['BUILD_ERROR', 'failed'],
    ['CANCELED', 'failed'],
    ['STOPPED', 'failed'],
    ['DELETED', 'failed'],
    ['DEPLOYMENT_QUEUED', 'running'],
    ['DEPLOYING', 'running'],
    ['BUILDING', 'running']
  ])('%s is %s', (state, phase) => expect(phaseOf(state)).toBe(phase));
});

describe('recognising our deployment', () => {
  const baseline = { lastDeploymentId: 'old', executionIds: new Set(['old']), queue: [] };
  it('never takes the baseline deployment for ours', () => {
    expect(isOurs({ state: 'DEPLOYED', lastDeploymentState: 'DEPLOYED', lastDeploymentId: 'old', deploymentRequestId: 'r-old' }, { baseline, requestId: 'r-new' })).toBe(false);
    expect(isOurs({ state: 'DEPLOYED', lastDeploymentState: 'DEPLOYED', lastDeploymentId: 'old' }, { baseline })).toBe(false);
  });
  it('prefers the deployment request id when both sides have one', () => {
    expect(isOurs({ state: 'DEPLOYING', lastDeploymentState: 'DEPLOYING', lastDeploymentId: 'other', deploymentRequestId: 'r-other' }, { baseline, requestId: 'r-new' })).toBe(
      false
    );
    expect(isOurs({ state: 'DEPLOYING', lastDeploymentState: 'DEPLOYING', lastDeploymentId: 'new', deploymentRequestId: 'r-new' }, { baseline, requestId: 'r-new' })).toBe(true);
  });
  it('a request id the status already showed before the trigger proves nothing: a new deployment under it may be a queued one of someone else', () => {
    const before = { ...baseline, requestId: 'r-old' };
    expect(isOurs({ state: 'DEPLOYING', lastDeploymentState: 'DEPLOYING', lastDeploymentId: 'new', deploymentRequestId: 'r-old' }, { baseline: before, requestId: 'r-new' })).toBe(
      false
    );
    expect(isOurs({ state: 'DEPLOYED', lastDeploymentState: 'DEPLOYED', lastDeploymentId: 'old', deploymentRequestId: 'r-old' }, { baseline: before, requestId: 'r-new' })).toBe(
      false
    );
  });
  it('without a request id to compare, a new deployment id is not taken for ours when the answer named a request (it may be a queued one of someone else)', () => {
    expect(isOurs({ state: 'DEPLOYING', lastDeploymentState: 'DEPLOYING', lastDeploymentId: 'new' }, { baseline, requestId: 'r-new' })).toBe(false);
    expect(isOurs({ state: 'DEPLOYING', lastDeploymentState: 'DEPLOYING', lastDeploymentId: 'new' }, { baseline })).toBe(true);
  });
  it('follows the execution found after a lost answer', () => {
    expect(isOurs({ state: 'DEPLOYING', lastDeploymentState: 'DEPLOYING', lastDeploymentId: 'found', deploymentRequestId: 'x' }, { baseline, executionId: 'found' })).toBe(true);
  });
});

describe('poll pace without rate-limit headers', () => {
  it('starts at 2 s and settles at 10 s', () => {
    expect(baseDelayMs(0)).toBe(FIRST_POLL_MS);
    expect(baseDelayMs(3)).toBeGreaterThan(FIRST_POLL_MS);
    expect(baseDelayMs(50)).toBe(SETTLED_POLL_MS);
  });
  it('a 20-minute wait costs well under the 1000 requests per hour budget', () => {
    let elapsed = 0;
    let polls = 0;
    while (elapsed < 20 * 60_000) elapsed += baseDelayMs(polls++);
    expect(polls).toBeLessThan(140);
  });
});

describe('credentials and versions', () => {
  it('sends an API token as Token and a JWT as Bearer', () => {
    expect(authorizationHeader('qov_abc123')).toBe('Token qov_abc123');
    expect(authorizationHeader('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_')).toBe('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_');
  });
  it('reads a version per service kind', () => {
    const commit = { git_commit_id: 'c0ffee' };
    expect(versionOf('APPLICATION', { commit })).toEqual({ version: 'c0ffee', field: 'git_commit_id' });
    expect(versionOf('CONTAINER', { tag: '1.2' })).toEqual({ version: '1.2', field: 'image_tag' });
    expect(versionOf('JOB', { tag: 'built', commit })).toEqual({ version: 'c0ffee', field: 'git_commit_id' });
    expect(versionOf('JOB', { tag: '3.0' })).toEqual({ version: '3.0', field: 'image_tag' });
    expect(versionOf('HELM', { repository: { chart_version: '0.2.0' } })).toEqual({ version: '0.2.0', field: 'chart_version' });
    expect(versionOf('HELM', { commit })).toEqual({ version: 'c0ffee', field: 'git_commit_id' });
    expect(versionOf('DATABASE', {})).toBeUndefined();
  });
});

describe('the one resend after a 429', () => {
  const answer = (headers: Record<string, string>) => ({ status: 429, headers, body: undefined, text: '', endpoint: 'POST /x' });
  it('waits until X-RateLimit-Reset (a Unix time), with a small margin', () => {
    expect(throttlePauseMs(answer({ 'x-ratelimit-reset': '1000' }), 997_000)).toBe(3500);
    expect(throttlePauseMs(answer({ 'x-ratelimit-reset': '1000' }), 1_200_000)).toBe(500);
  });
  it('leaves a Retry-After, or no usable reset, to the shared 1–60 s rule', () => {
    expect(throttlePauseMs(answer({ 'retry-after': '5', 'x-ratelimit-reset': '1000' }), 0)).toBeUndefined();
    expect(throttlePauseMs(answer({}), 0)).toBeUndefined();
    expect(throttlePauseMs(answer({ 'x-ratelimit-reset': 'soon' }), 0)).toBeUndefined();
  });
});
