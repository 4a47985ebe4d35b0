import { describe, expect, it } from '@jest/globals';
import { lagVariants, summariseLag, type LagRun } from '../../scripts/bench/completion-lag.js';

const run = (over: Partial<LagRun>): LagRun => ({ lagMs: 500, requests: 10, recordReads: 2, stateReads: 8, spanMs: 5000, maxInAnySecond: 3, maxInFlight: 2, ...over });

describe('completion-lag variants', () => {
  it('runs every size with finishes together, and from 10 CVMs spread out as well', () => {
    expect(lagVariants([1, 10, 100], 5000)).toEqual([
      { cvms: 1, spreadMs: 0 },
      { cvms: 10, spreadMs: 0 },
      { cvms: 10, spreadMs: 5000 },
      { cvms: 100, spreadMs: 0 },
      { cvms: 100, spreadMs: 5000 }
    ]);
    expect(lagVariants([10], 0)).toEqual([{ cvms: 10, spreadMs: 0 }]);
  });
});

describe('summariseLag', () => {
  it('takes the worst run for records per CVM and the limits, and rates over all the waiting', () => {
    const summary = summariseLag(
      'action',
      2,
      0,
      [run({ lagMs: 300, recordReads: 2, stateReads: 6, spanMs: 5000 }), run({ lagMs: 900, recordReads: 3, stateReads: 6, spanMs: 5000, maxInFlight: 4, maxInAnySecond: 7 })],
      []
    );
    expect(summary).toMatchObject({ medianMs: 600, worstMs: 900, recordsPerCvm: 1.5, stateReadsPerSecond: 1.2, averagePerSecond: 2, maxInFlight: 4, maxInAnySecond: 7 });
  });
});
