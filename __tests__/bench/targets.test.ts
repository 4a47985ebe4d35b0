import { describe, expect, it } from '@jest/globals';
import { checkTargets, verdict, type TargetFigures } from '../../scripts/bench/targets.js';

const allMet: TargetFigures = {
  oldestAt50k: { actionMs: 300, actionMaxInFlight: 8, sequentialMs: 900, sdkMs: 6000 },
  previousRequests: [1, 1, 1],
  lag: [
    { cvms: 1, spreadMs: 0, medianMs: 999, worstMs: 1999 },
    { cvms: 10, spreadMs: 0, medianMs: 500, worstMs: 900 },
    { cvms: 100, spreadMs: 5000, medianMs: 900, worstMs: 1900 }
  ],
  waiting: { recordsPerCvm: 1, stateReadsPerSecond: 1.2, maxInFlight: 8, maxInAnySecond: 25 },
  throttled: { completed: true, retryAfterS: 2, pauseMs: 2000, inFlightAfter: 4 },
  startup: { actionMs: 140, fetchMs: 100 },
  camunda: [
    {
      mode: 'full',
      requestsBySize: [
        [10, 13],
        [10_000, 13]
      ],
      correct: true
    }
  ],
  qovery: { perHour: 1000, throttled: 0, completed: true }
};

const byName = (figures: TargetFigures, part: string) => checkTargets(figures).find((t) => t.target.includes(part))!;

describe('checkTargets', () => {
  it('meets every target exactly at its limits', () => {
    expect(
      checkTargets(allMet)
        .map((t) => [t.target, t.met])
        .filter(([, met]) => met !== true)
    ).toEqual([]);
  });

  it('misses the sequential-loop target below 3× and the SDK target below 20×', () => {
    const slower = { ...allMet, oldestAt50k: { actionMs: 301, actionMaxInFlight: 8, sequentialMs: 900, sdkMs: 6000 } };
    expect(byName(slower, 'sequential loop').met).toBe(false);
    expect(byName(slower, 'SDK loop').met).toBe(false);
  });

  it('misses the SDK target with more than 8 requests in flight, however fast', () => {
    expect(byName({ ...allMet, oldestAt50k: { actionMs: 10, actionMaxInFlight: 9, sequentialMs: 900, sdkMs: 6000 } }, 'SDK loop').met).toBe(false);
  });

  it('misses `previous` when any history size took more than one request', () => {
    expect(byName({ ...allMet, previousRequests: [1, 2, 1] }, '`previous` in one')).toMatchObject({ met: false, measured: '1, 2 request(s)' });
  });

  it('judges lag per CVM count and spread: median under 1 s and worst under 2 s, each', () => {
    const results = checkTargets({
      ...allMet,
      lag: [
        { cvms: 1, spreadMs: 0, medianMs: 1000, worstMs: 1000 },
        { cvms: 10, spreadMs: 0, medianMs: 100, worstMs: 2000 },
        { cvms: 100, spreadMs: 5000, medianMs: 100, worstMs: 500 }
      ]
    });
    const lag = results.filter((t) => t.target.startsWith('completion lag'));
    expect(lag.map((t) => [t.target, t.met])).toEqual([
      ['completion lag, 1 CVM: median <1 s, worst <2 s', false],
      ['completion lag, 10 CVMs finishing together: median <1 s, worst <2 s', false],
      ['completion lag, 100 CVMs finishing over 5 s: median <1 s, worst <2 s', true]
    ]);
  });

  it('misses the request budget on a second record per CVM or state reads above 1.2 per second', () => {
    expect(byName({ ...allMet, waiting: { ...allMet.waiting!, recordsPerCvm: 1.01 } }, 'record read per CVM').met).toBe(false);
    expect(byName({ ...allMet, waiting: { ...allMet.waiting!, stateReadsPerSecond: 1.21 } }, 'record read per CVM').met).toBe(false);
  });

  it('misses the request limits on a ninth request in flight or a 26th in one second', () => {
    expect(byName({ ...allMet, waiting: { ...allMet.waiting!, maxInFlight: 9 } }, 'in flight, ≤25').met).toBe(false);
    expect(byName({ ...allMet, waiting: { ...allMet.waiting!, maxInAnySecond: 26 } }, 'in flight, ≤25').met).toBe(false);
  });

  it('misses the 429 target when the pause is shorter than asked, in flight not halved, or the run failed', () => {
    expect(byName({ ...allMet, throttled: { ...allMet.throttled!, pauseMs: 1999 } }, 'a 429').met).toBe(false);
    expect(byName({ ...allMet, throttled: { ...allMet.throttled!, inFlightAfter: 5 } }, 'a 429').met).toBe(false);
    expect(byName({ ...allMet, throttled: { ...allMet.throttled!, completed: false } }, 'a 429').met).toBe(false);
  });

  it('misses start-up beyond 1.4× of the plain fetch script', () => {
    expect(byName({ ...allMet, startup: { actionMs: 141, fetchMs: 100 } }, 'spawn → first request').met).toBe(false);
  });

  it('misses Camunda when the request count grows with the history, or an answer is wrong', () => {
    const growing: TargetFigures = {
      ...allMet,
      camunda: [
        {
          mode: 'full',
          requestsBySize: [
            [10, 13],
            [10_000, 14]
          ],
          correct: true
        }
      ]
    };
    expect(byName(growing, 'Camunda')).toMatchObject({ met: false, measured: '13 at 10, 14 at 10,000' });
    const shortHistoryCheaper: TargetFigures = {
      ...allMet,
      camunda: [
        {
          mode: 'full',
          requestsBySize: [
            [10, 11],
            [1000, 12],
            [10_000, 12]
          ],
          correct: true
        }
      ]
    };
    expect(byName(shortHistoryCheaper, 'Camunda').met).toBe(true);
    expect(byName({ ...allMet, camunda: [{ ...allMet.camunda![0]!, correct: false }] }, 'Camunda').met).toBe(false);
  });

  it('misses Qovery above 1,000 requests an hour or on any 429', () => {
    expect(byName({ ...allMet, qovery: { perHour: 1001, throttled: 0, completed: true } }, 'Qovery').met).toBe(false);
    expect(byName({ ...allMet, qovery: { perHour: 10, throttled: 1, completed: true } }, 'Qovery').met).toBe(false);
  });

  it('reports what was not measured as such, never as met', () => {
    const results = checkTargets({ previousRequests: [], lag: [] });
    expect(results.every((t) => t.met === undefined && t.measured === 'not measured')).toBe(true);
    expect(results.length).toBeGreaterThanOrEqual(10);
  });

  it('names verdicts', () => {
    expect([verdict(true), verdict(false), verdict(undefined)]).toEqual(['met', 'NOT met', 'not measured']);
  });
});
