import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '@actions/core';
import * as runner from '../../src/report/runner-commands.js';

/** What a call writes to stdout. */
function stdoutOf(fn: () => void): string {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

const TRICKY = ['plain', 'per%cent', 'two\nlines\r\nand a CR', 'colon: and, comma', '::error::injected', ''];
const saved = process.env.GITHUB_OUTPUT;
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_OUTPUT;
  else process.env.GITHUB_OUTPUT = saved;
});

// The action speaks the runner's protocol itself (importing @actions/core costs start-up time);
// the runner must see exactly what @actions/core would have written.
describe('runner commands, byte for byte as @actions/core writes them', () => {
  it.each(TRICKY)('info, debug, warning, error and add-mask of %j', (text) => {
    expect(stdoutOf(() => runner.info(text))).toBe(stdoutOf(() => core.info(text)));
    expect(stdoutOf(() => runner.debug(text))).toBe(stdoutOf(() => core.debug(text)));
    expect(stdoutOf(() => runner.warning(text))).toBe(stdoutOf(() => core.warning(text)));
    expect(stdoutOf(() => runner.warning(text, `title ${text}`))).toBe(stdoutOf(() => core.warning(text, { title: `title ${text}` })));
    expect(stdoutOf(() => runner.error(text, `title ${text}`))).toBe(stdoutOf(() => core.error(text, { title: `title ${text}` })));
    expect(stdoutOf(() => runner.setSecret(text))).toBe(stdoutOf(() => core.setSecret(text)));
  });

  it('reads inputs as INPUT_<NAME>, spaces as underscores, trimmed', () => {
    const env = { INPUT_APP_ID: '  abc \n', 'INPUT_VM UUIDS': 'x', INPUT_VM_UUIDS: ' all ' };
    expect(runner.getInput('app_id', env)).toBe('abc');
    expect(runner.getInput('vm uuids', env)).toBe('all');
    expect(runner.getInput('missing', env)).toBe('');
  });

  it('appends outputs to GITHUB_OUTPUT in the heredoc form, one random delimiter each', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'runner-')), 'output');
    writeFileSync(file, '');
    runner.setOutput('status', 'completed', { GITHUB_OUTPUT: file });
    runner.setOutput('multi', 'a\nb', { GITHUB_OUTPUT: file });
    const ours = readFileSync(file, 'utf8');
    writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    core.setOutput('status', 'completed');
    core.setOutput('multi', 'a\nb');
    const theirs = readFileSync(file, 'utf8');
    const shape = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER');
    expect(shape(ours)).toBe(shape(theirs));
    expect(new Set(ours.match(/ghadelimiter_[0-9a-f-]{36}/g)).size).toBe(2);
  });

  it('refuses to write outputs into a GITHUB_OUTPUT file that is not there', () => {
    expect(() => runner.setOutput('status', 'x', { GITHUB_OUTPUT: join(tmpdir(), 'no-such-dir-xyz', 'out') })).toThrow(/Missing file at path/);
  });
});
