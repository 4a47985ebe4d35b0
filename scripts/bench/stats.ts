/** Small statistics over timings and request journals; pure so the figures can be checked by tests. */

/** Middle value (mean of the two middle ones for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Linear-interpolated percentile (0–100) of unsorted values; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? NaN : Math.max(...values);
}

/**
 * Most events inside any window of `windowMs` (sliding, half-open [t, t + windowMs)). Sliding
 * rather than aligned to whole seconds, so a burst straddling a second boundary is not halved.
 */
export function maxInWindow(timestamps: readonly number[], windowMs = 1000): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Events per second over a span; 0 for an empty or zero-length span. */
export function ratePerSecond(count: number, spanMs: number): number {
  return spanMs <= 0 ? 0 : count / (spanMs / 1000);
}

/**
 * Most intervals open at once. The sandbox journals only arrival times, so callers pass
 * [arrival, arrival + latency): with a fixed server latency that is when each answer left.
 * Touching intervals (one ends as the next starts) do not overlap.
 */
export function maxInFlight(intervals: ReadonlyArray<{ start: number; end: number }>): number {
  const edges: Array<[number, number]> = [];
  for (const { start, end } of intervals) edges.push([start, 1], [end, -1]);
  // Ends before starts at the same instant, so back-to-back requests count as one in flight.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let best = 0;
  for (const [, delta] of edges) {
    open += delta;
    best = Math.max(best, open);
  }
  return best;
}
