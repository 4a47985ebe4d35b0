import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Q, REFERENCE_SPEC_PATH, SPEC_PATH, validateComponent, validateResponse } from './openapi-validator.js';

describe('vendored Qovery OpenAPI document', () => {
  const reference = existsSync(REFERENCE_SPEC_PATH);
  (reference ? it : it.skip)('is byte-for-byte the reference copy in ../shared/specs', () => {
    expect(readFileSync(SPEC_PATH, 'utf8')).toBe(readFileSync(REFERENCE_SPEC_PATH, 'utf8'));
  });

  it('validates history details as anyOf: an application detail passes, a detail missing its required fields fails', () => {
    const commit = { git_commit_id: 'a'.repeat(40), created_at: '2026-01-01T00:00:00Z', author_name: 'x', message: 'm', tag: '' };
    expect(validateComponent('DeploymentHistoryServiceDetails', { commit, build_pod_name: 'build-1-0' })).toEqual([]);
    expect(validateComponent('DeploymentHistoryServiceDetails', { image_name: 'nginx', tag: '1.0', arguments: [] })).toEqual([]);
    expect(validateComponent('DeploymentHistoryServiceDetails', 'not an object')).not.toEqual([]);
    expect(validateComponent('EnvironmentStatus', { id: 'not-a-uuid', state: 'DEPLOYED', last_deployment_state: 'DEPLOYED' })).not.toEqual([]);
  });

  it('catches a response that strays from the document, and undocumented statuses', () => {
    const status = { id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', state: 'DEPLOYED', last_deployment_state: 'DEPLOYED' };
    expect(validateResponse(Q.status, 'GET', 200, status)).toEqual([]);
    expect(validateResponse(Q.status, 'GET', 200, { ...status, state: 'FINE' })).not.toEqual([]);
    expect(validateResponse(Q.history, 'GET', 200, { page: 1, page_size: 1, results: [{ identifier: {} }] })).not.toEqual([]);
    expect(validateResponse(Q.status, 'GET', 429, {})).toEqual(['status 429 is not documented for GET /environment/{environmentId}/status']);
  });
});
