import { describe, expect, it } from '@jest/globals';
import { MAX_LINE_BYTES, safeAnnotation } from '../../src/report/safe-text.js';

describe('safeAnnotation on an enormous message', () => {
  it('cuts the platform text, not the concluding last line', () => {
    const text = `CVM web-1: the update failed: ${'E'.repeat(1024 * 1024)}\nThe redeploy was accepted by Phala Cloud and may still be running.`;
    const safe = safeAnnotation(text);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(safe.startsWith('CVM web-1: the update failed: EEE')).toBe(true);
    expect(safe).toContain('…[truncated]');
    expect(safe.endsWith('\nThe redeploy was accepted by Phala Cloud and may still be running.')).toBe(true);
  });

  it('leaves a message within the limit as it is', () => {
    expect(safeAnnotation('one\ntwo')).toBe('one\ntwo');
  });

  it('cuts a single enormous line at the limit', () => {
    expect(Buffer.byteLength(safeAnnotation('x'.repeat(100_000)))).toBeLessThanOrEqual(MAX_LINE_BYTES);
  });
});
