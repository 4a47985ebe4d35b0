import { describe, expect, it } from '@jest/globals';
import { renderWorkflowLog } from '../../scripts/workflow-log.js';

describe('renderWorkflowLog (the demo shows what the Actions UI shows)', () => {
  const stdout = [
    '::add-mask::phak_secret',
    'Rolling back app a1',
    '::debug::GET /apps → 200',
    '::warning title=Check the target revision::line 1%0Aline 2',
    '::error title=App not found::No app%3A a1'
  ].join('\n');

  it('never prints a raw workflow command', () => {
    const text = renderWorkflowLog(stdout);
    expect(text.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    expect(text).not.toContain('phak_secret');
  });

  it('shows annotations as titled lines and hides debug unless asked', () => {
    const text = renderWorkflowLog(stdout);
    expect(text).toContain('Warning: Check the target revision\n  line 1\n  line 2');
    expect(text).toContain('Error: App not found');
    expect(text).not.toContain('GET /apps');
    expect(renderWorkflowLog(stdout, { debug: true })).toContain('[debug] GET /apps → 200');
  });
});
