import { describe, expect, it } from '@jest/globals';
import { checkTargets, verdict, type TargetFigures } from '../../scripts/bench/targets.js';

const allMet: TargetFigures = {
  oldestAt50k: { actionMs: 300, actionMaxInFlight: 8, sequentialMs: 900, sdkMs: 6000 },
  previousRequests: [1, 1, 1],
  lag: [
    { cvms: 1, medianMs: 999, worstMs: 1999 },
    { cvms: 10, medianMs: 500, worstMs: 900 },
    { cvms: 100, medianMs: 2000, worstMs: 3999 }
  ],
  waiting: { averagePerSecond: 1.5, maxInAnySecond: 5 },
  startup: { actionMs: 250, nodeMs: 100 }
};

const metOf = (figures: TargetFigures) => checkTargets(figures).map((t) => t.met);

describe('checkTargets', () => {
  it('meets every target exactly at its limits', () => {
    expect(metOf(allMet)).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('misses the sequential-loop target below 3× and the SDK target below 20×', () => {
    const results = checkTargets({ ...allMet, oldestAt50k: { actionMs: 301, actionMaxInFlight: 8, sequentialMs: 900, sdkMs: 6000 } });
    expect(results[0]!.met).toBe(false);
    expect(results[1]!.met).toBe(false);
  });

  it('misses the SDK target with more than 8 requests in flight, however fast', () => {
    expect(checkTargets({ ...allMet, oldestAt50k: { actionMs: 10, actionMaxInFlight: 9, sequentialMs: 900, sdkMs: 6000 } })[1]!.met).toBe(false);
  });

  it('misses `previous` when any history size took more than one request', () => {
    expect(checkTargets({ ...allMet, previousRequests: [1, 2, 1] })[2]).toMatchObject({ met: false, measured: '1, 2 request(s)' });
  });

  it('judges lag per CVM count against its own limits', () => {
    const results = checkTargets({
      ...allMet,
      lag: [
        { cvms: 1, medianMs: 1000, worstMs: 1000 },
        { cvms: 10, medianMs: 100, worstMs: 2000 },
        { cvms: 100, medianMs: 100, worstMs: 4000 }
      ]
    });
    expect(results.slice(3, 6).map((t) => t.met)).toEqual([false, false, false]);
  });

  it('misses the request-rate target on either a high average or one busy second', () => {
    expect(checkTargets({ ...allMet, waiting: { averagePerSecond: 1.51, maxInAnySecond: 1 } })[6]!.met).toBe(false);
    expect(checkTargets({ ...allMet, waiting: { averagePerSecond: 0.1, maxInAnySecond: 6 } })[6]!.met).toBe(false);
  });

  it('misses start-up beyond 2.5× of `node -e 0`', () => {
    expect(checkTargets({ ...allMet, startup: { actionMs: 251, nodeMs: 100 } })[7]!.met).toBe(false);
  });

  it('reports what was not measured as such, never as met', () => {
    const results = checkTargets({ previousRequests: [], lag: [] });
    expect(results.map((t) => t.met)).toEqual(Array(8).fill(undefined));
    expect(results.every((t) => t.measured === 'not measured')).toBe(true);
    expect(checkTargets({ ...allMet, oldestAt50k: { actionMs: 1, actionMaxInFlight: 1, sequentialMs: 900 } })[1]!.met).toBeUndefined();
  });

  it('names the verdicts', () => {
    expect([verdict(true), verdict(false), verdict(undefined)]).toEqual(['met', 'NOT met', 'not measured']);
  });
});
