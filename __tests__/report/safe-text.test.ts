import { describe, expect, it } from '@jest/globals';
import { Secrets } from '../../src/report/redact.js';
import { MAX_LINE_BYTES, safeAnnotation, safeLogLine, truncateBytes } from '../../src/report/safe-text.js';

const COMMAND_LINE = /^\s*(::|##\[)/;

describe('safeLogLine', () => {
  it.each([
    ['\\n', 'web\n::error::forged'],
    ['\\r\\n', 'web\r\n::error::forged'],
    ['a lone \\r', 'web\r::warning::forged'],
    ['U+2028', 'web\u2028::set-output name=a::b'],
    ['U+2029', 'web\u2029::add-mask::x'],
    ['U+0085', 'web\u0085::error::x'],
    ['a legacy ##[ command', 'web\n##[error]forged'],
    ['a leading command', '::error::forged']
  ])('keeps platform text with %s on one line that cannot start a workflow command', (_, text) => {
    const line = safeLogLine(text);
    expect(line.split(/\r\n|\n|\r/)).toHaveLength(1);
    expect(line).not.toMatch(COMMAND_LINE);
    expect(line).not.toMatch(/[\u2028\u2029\u0085]/);
  });

  it('cuts a line to the 16 KiB limit without splitting a character', () => {
    const line = safeLogLine('é'.repeat(40_000));
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(line).not.toContain('\ufffd');
  });

  it('removes the key, also when the text was cut in the middle of it', () => {
    const secrets = new Secrets();
    secrets.add('phak_live_9f8e7d6c5b4a3210');
    expect(safeLogLine('Invalid key phak_live_9f8e7d6c5b4a3210 given', secrets)).toBe('Invalid key *** given');
    expect(safeLogLine('… key phak_live_9f8e7d6c5', secrets)).not.toContain('phak_live');
    expect(safeLogLine('tail: e7d6c5b4a3210 ok', secrets)).toBe('tail: *** ok');
  });
});

describe('safeAnnotation', () => {
  it('keeps line breaks as real ones (the toolkit escapes them) but no shown line looks like a command', () => {
    const text = safeAnnotation('first\r::error::x\u2028second');
    expect(text.split('\n')).toHaveLength(3);
    for (const line of text.split('\n')) expect(line).not.toMatch(COMMAND_LINE);
  });
});

describe('truncateBytes', () => {
  it('leaves short text alone and marks what it cut', () => {
    expect(truncateBytes('abc', 10)).toBe('abc');
    expect(truncateBytes('x'.repeat(100), 30)).toMatch(/…\[truncated\]$/);
  });
});
