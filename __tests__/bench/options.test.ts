import { describe, expect, it } from '@jest/globals';
import { parseBenchArgs } from '../../scripts/bench/options.js';

describe('parseBenchArgs', () => {
  it('defaults to 25 ms latency, 5 runs, every size, and writes BENCHMARKS.md', () => {
    expect(parseBenchArgs([])).toEqual({
      latencyMs: 25,
      runs: 5,
      quick: false,
      smoke: false,
      out: 'BENCHMARKS.md',
      historySizes: [1000, 10_000, 50_000],
      cvmCounts: [1, 10, 100],
      spreadMs: 5000,
      camundaSizes: [10, 1000, 10_000],
      qoveryFactor: 60
    });
  });

  it('reads latency, runs, quick, out and note', () => {
    expect(parseBenchArgs(['--latency', '50', '--runs', '9', '--quick', '--out', '/tmp/b.md', '--note', 'before'])).toMatchObject({
      latencyMs: 50,
      runs: 9,
      quick: true,
      out: '/tmp/b.md',
      note: 'before'
    });
  });

  it('makes --smoke tiny and print-only, unless told otherwise', () => {
    const smoke = parseBenchArgs(['--smoke']);
    expect(smoke).toMatchObject({ historySizes: [1000], cvmCounts: [1], runs: 1, camundaSizes: [10, 1000], qoveryFactor: 240 });
    expect(smoke.out).toBeUndefined();
    expect(parseBenchArgs(['--smoke', '--runs', '3', '--out', 'x.md'])).toMatchObject({ runs: 3, out: 'x.md' });
  });

  it('prints only with --no-out', () => {
    expect(parseBenchArgs(['--no-out']).out).toBeUndefined();
  });

  it('refuses unknown options, missing values and bad numbers', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option '--fast'/);
    expect(() => parseBenchArgs(['--latency'])).toThrow(/--latency needs a value/);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/at least 1/);
    expect(() => parseBenchArgs(['--latency', '-5'])).toThrow(/whole number/);
  });
});
