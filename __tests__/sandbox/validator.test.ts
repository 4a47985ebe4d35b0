import { describe, it, expect } from '@jest/globals';
import { validateComponent, validateResponse } from './openapi-validator.js';

describe('openapi-validator', () => {
  it('resolves path-level response schemas and component refs', () => {
    expect(validateResponse('/api/v1/apps/{app_id}/revisions', 'GET', 200, { revisions: [], total: 0, page: 1, page_size: 50, total_pages: 0 })).toEqual([]);
    expect(validateResponse('/apps/{app_id}/revisions', 'get', 200, { revisions: [] })).not.toEqual([]);
    expect(
      validateResponse('/api/v1/apps/{app_id}/revisions', 'GET', 200, {
        revisions: [
          { revision_id: 'r', app_id: 'a', vm_uuid: 'v', compose_hash: 'h', created_at: 'x', trace_id: null, operation_type: 'deploy', workspace: { id: 'bad', name: 'n' } }
        ],
        total: 1,
        page: 1,
        page_size: 50,
        total_pages: 1
      }).join('\n')
    ).toMatch(/pattern/);
  });

  it('accepts anything for documented statuses without a body schema and rejects undocumented ones', () => {
    expect(validateResponse('/api/v1/apps/{app_id}/revisions', 'GET', 401, { detail: 'x' })).toEqual([]);
    expect(validateResponse('/api/v1/apps/{app_id}/revisions', 'GET', 418, {})).toHaveLength(1);
    expect(validateResponse('/api/v1/nope', 'GET', 200, {})).toHaveLength(1);
  });

  it('validates 422 bodies and single components', () => {
    expect(validateResponse('/api/v1/cvms/{cvm_id}/operations', 'GET', 422, { detail: [{ loc: ['query', 'limit'], msg: 'm', type: 't' }] })).toEqual([]);
    expect(validateResponse('/api/v1/cvms/{cvm_id}/operations', 'GET', 422, { detail: [{ loc: ['query'] }] })).not.toEqual([]);
    expect(validateComponent('CVMProgressInfo', { target: 'running', started_at: '2026-01-01T00:00:00Z', correlation_id: 'c' })).toEqual([]);
    expect(validateComponent('CVMProgressInfo', { started_at: 'not a date' })).not.toEqual([]);
    expect(validateComponent('NoSuchThing', {})).toHaveLength(1);
  });
});
