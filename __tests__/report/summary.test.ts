import { describe, expect, it } from '@jest/globals';
import { escapeHtml } from '../../src/report/escape.js';
import { renderSummary } from '../../src/report/summary.js';

describe('renderSummary', () => {
  const plan = {
    appId: 'a1b2',
    targets: [{ id: 'u1', name: 'web|<b>1</b>`x`', version: 'cd'.repeat(32), status: 'running' }],
    toRedeploy: [{ id: 'u1', name: 'web|<b>1</b>`x`', version: 'cd'.repeat(32), status: 'running' }],
    revision: { id: 'rev_1', version: 'ab'.repeat(32), createdAt: '2026-11-01T00:00:00Z', createdBy: 'eve <script>', operationType: 'deploy' },
    previousVersion: 'cd'.repeat(32),
    searched: 2,
    warnings: []
  };

  it('shows app, CVMs, hashes from → to, revision, author and result in one table', () => {
    const text = renderSummary({ platform: 'Phala Cloud', appId: 'a1b2', plan, status: 'completed' });
    expect(text).toContain(`<code>${'cd'.repeat(32)}</code> → <code>${'ab'.repeat(32)}</code>`);
    expect(text).toContain('<code>rev_1</code>');
    expect(text).toContain('2026-11-01T00:00:00Z');
    expect(text).toContain('Completed');
  });

  it('escapes text that comes from the API so it cannot break the table or inject markup', () => {
    const text = renderSummary({ platform: 'Phala Cloud', appId: 'a1b2', plan, status: 'completed' });
    expect(text).not.toContain('<b>');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('web|');
    expect(text).not.toContain('`x`');
    const tableRows = text.split('\n').filter((line) => line.startsWith('| '));
    expect(tableRows.every((line) => line.split('|').length === 4)).toBe(true);
  });

  it('shows a failure with its message', () => {
    const text = renderSummary({ platform: 'Phala Cloud', appId: 'a1b2', failure: { title: 'App not found', message: 'line 1\nline <2>' } });
    expect(text).toContain('Failed: App not found');
    expect(text).toContain('line 1<br>line &lt;2&gt;');
  });
});

describe('escapeHtml', () => {
  it('turns markup and table characters into entities', () => {
    expect(escapeHtml('a|b<c>&`d`')).toBe('a&#124;b&lt;c&gt;&amp;&#96;d&#96;');
  });
});
