import { describe, expect, it } from '@jest/globals';
import { describeValue } from '../../src/report/describe-value.js';

describe('describeValue', () => {
  it('renders nested platform values briefly', () => {
    expect(describeValue({ chain_id: 8453, kms: { address: '0xabc' } })).toBe('{chain_id: 8453, kms: {address: 0xabc}}');
  });

  it('does not recurse without bound, whatever the nesting', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(() => describeValue(deep)).not.toThrow();
    expect(describeValue(deep).length).toBeLessThan(600);
  });

  it('cuts enormous values', () => {
    expect(describeValue('x'.repeat(1_000_000)).length).toBeLessThan(600);
    expect(describeValue(Array.from({ length: 100_000 }, (_, i) => i)).length).toBeLessThan(600);
  });
});
