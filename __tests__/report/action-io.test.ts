import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createActionIO } from '../../src/report/action-io.js';
import { Secrets } from '../../src/report/redact.js';

describe('createActionIO', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    // The toolkit writes workflow commands to stdout; keep them here instead of in the test output.
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('keeps every warning for the summary, secrets removed, as well as giving it to the log', () => {
    const secrets = new Secrets();
    secrets.add('phak_live_9f8e7d6c5b4a3210');
    const io = createActionIO(secrets, {});
    io.log.warning('the key phak_live_9f8e7d6c5b4a3210 was echoed', 'Check the target revision');
    io.log.warning('no title');
    expect(io.warnings()).toEqual([
      { title: 'Check the target revision', message: 'the key *** was echoed' },
      { title: undefined, message: 'no title' }
    ]);
    expect(written.join('')).toContain('::warning title=Check the target revision::the key *** was echoed');
  });

  it('hands out a copy: what the summary reads cannot change the record', () => {
    const io = createActionIO(new Secrets(), {});
    io.log.warning('one');
    (io.warnings() as Array<{ message: string }>).push({ message: 'forged' });
    expect(io.warnings()).toHaveLength(1);
  });

  it('writes the summary to GITHUB_STEP_SUMMARY with secrets removed', () => {
    const secrets = new Secrets();
    secrets.add('phak_live_9f8e7d6c5b4a3210');
    const file = join(mkdtempSync(join(tmpdir(), 'action-io-')), 'summary');
    createActionIO(secrets, { GITHUB_STEP_SUMMARY: file }).writeSummary('key phak_live_9f8e7d6c5b4a3210');
    expect(readFileSync(file, 'utf8')).toBe('key ***\n');
  });
});
