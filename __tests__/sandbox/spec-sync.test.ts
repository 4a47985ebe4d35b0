import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { REFERENCE_SPEC_PATH, SPEC_PATH } from './openapi-validator.js';

describe('vendored OpenAPI document', () => {
  const reference = existsSync(REFERENCE_SPEC_PATH);
  (reference ? it : it.skip)('is byte-for-byte the reference copy in ../shared/specs', () => {
    expect(readFileSync(SPEC_PATH, 'utf8')).toBe(readFileSync(REFERENCE_SPEC_PATH, 'utf8'));
  });
});
