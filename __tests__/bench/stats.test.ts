import { describe, expect, it } from '@jest/globals';
import { max, maxInFlight, maxInWindow, median, percentile, ratePerSecond } from '../../scripts/bench/stats.js';

describe('median and percentile', () => {
  it('takes the middle of unsorted values, averaging the two middle ones for an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates between ranks and spans min to max', () => {
    expect(percentile([10, 20, 30, 40, 50], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40, 50], 100)).toBe(50);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBeCloseTo(46);
  });

  it('is NaN with nothing measured, and refuses a percentile outside 0..100', () => {
    expect(median([])).toBeNaN();
    expect(max([])).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('maxInWindow', () => {
  it('finds a burst that straddles a whole-second boundary', () => {
    // 900..1300 holds 4 events; whole seconds would show 2 in [0, 1000) and 3 in [1000, 2000).
    expect(maxInWindow([0, 900, 1000, 1100, 1300, 2500])).toBe(4);
  });

  it('treats the window as half-open: events exactly one window apart are not together', () => {
    expect(maxInWindow([0, 1000, 2000])).toBe(1);
    expect(maxInWindow([0, 999, 1998])).toBe(2);
  });

  it('is 0 for no events and accepts unsorted input', () => {
    expect(maxInWindow([])).toBe(0);
    expect(maxInWindow([1500, 100, 1400, 200])).toBe(2);
  });
});

describe('ratePerSecond', () => {
  it('divides by the span in seconds, and is 0 over no time', () => {
    expect(ratePerSecond(6, 4000)).toBe(1.5);
    expect(ratePerSecond(3, 0)).toBe(0);
  });
});

describe('maxInFlight', () => {
  it('counts overlapping intervals', () => {
    expect(
      maxInFlight([
        { start: 0, end: 25 },
        { start: 5, end: 30 },
        { start: 10, end: 35 },
        { start: 40, end: 65 }
      ])
    ).toBe(3);
  });

  it('counts back-to-back requests of a sequential loop as one in flight', () => {
    expect(
      maxInFlight([
        { start: 0, end: 25 },
        { start: 25, end: 50 },
        { start: 50, end: 75 }
      ])
    ).toBe(1);
  });

  it('is 0 for no requests', () => {
    expect(maxInFlight([])).toBe(0);
  });
});
