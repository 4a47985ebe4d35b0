import { describe, expect, it } from '@jest/globals';
import { formatMs, formatRate, formatRatio, renderTable } from '../../scripts/bench/table.js';

describe('renderTable', () => {
  it('renders a Markdown table with columns padded to one width', () => {
    expect(
      renderTable(
        ['client', 'time'],
        [
          ['action', '96 ms'],
          ['SDK loop', '1.2 s']
        ]
      )
    ).toBe(['| client   | time  |', '| -------- | ----- |', '| action   | 96 ms |', '| SDK loop | 1.2 s |'].join('\n'));
  });

  it('prints missing cells as a dash and escapes pipes so a cell cannot split a row', () => {
    const table = renderTable(['a', 'b'], [[undefined, 'x|y']]);
    expect(table.split('\n')[2]).toBe('| –   | x\\|y |');
  });
});

describe('formatMs', () => {
  it('shows whole milliseconds below ten seconds and tenths of seconds above', () => {
    expect(formatMs(839.6)).toBe('840 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
  });

  it('leaves missing or non-finite figures blank', () => {
    expect(formatMs(undefined)).toBeUndefined();
    expect(formatMs(NaN)).toBeUndefined();
  });
});

describe('formatRatio', () => {
  it('states a figure as a multiple of its baseline', () => {
    expect(formatRatio(28, 100)).toBe('0.28×');
    expect(formatRatio(1600, 100)).toBe('16×');
  });

  it('gives no ratio without a usable baseline', () => {
    expect(formatRatio(10, undefined)).toBeUndefined();
    expect(formatRatio(10, 0)).toBeUndefined();
  });
});

describe('formatRate', () => {
  it('shows requests per second with two decimals', () => {
    expect(formatRate(1.4142)).toBe('1.41/s');
    expect(formatRate(NaN)).toBeUndefined();
  });
});
