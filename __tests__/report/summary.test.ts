import { describe, expect, it } from '@jest/globals';
import { PHALA_VOCABULARY } from '../../src/providers/phala/phala-provider.js';
import { Secrets } from '../../src/report/redact.js';
import { changedSentence, renderSummary, type SummaryInput } from '../../src/report/summary.js';

const plan = {
  appId: 'a1b2',
  targets: [{ id: 'u1', name: 'web|<b>1</b>`x`', version: 'cd'.repeat(32), status: 'running' }],
  toRedeploy: [{ id: 'u1', name: 'web|<b>1</b>`x`', version: 'cd'.repeat(32), status: 'running' }],
  revision: { id: 'rev_1', version: 'ab'.repeat(32), createdAt: '2026-11-01T00:00:00Z', createdBy: 'eve <script>', operationType: 'deploy' },
  previousVersion: 'cd'.repeat(32),
  searched: 2,
  warnings: [],
  outputs: {},
  consoleUrl: ''
};

const base: SummaryInput = {
  vocabulary: PHALA_VOCABULARY,
  appId: 'a1b2',
  plan,
  status: 'completed',
  changed: 'accepted',
  run: { durationMs: 12_300, actor: 'octocat', runUrl: 'https://github.com/o/r/actions/runs/42' }
};

describe('renderSummary', () => {
  it('shows app, CVMs, hashes from → to, revision, author, result, duration, who and the run', () => {
    const text = renderSummary(base);
    expect(text).toContain(`<code>${'cd'.repeat(32)}</code> → <code>${'ab'.repeat(32)}</code>`);
    expect(text).toContain('<code>rev_1</code>');
    expect(text).toContain('2026-11-01T00:00:00Z');
    expect(text).toContain('Completed');
    expect(text).toContain('| Duration | 12.3 s |');
    expect(text).toContain('| Started by | octocat |');
    expect(text).toContain('<a href="https://github.com/o/r/actions/runs/42">');
  });

  it('escapes text that comes from the API so it cannot break the table or inject markup', () => {
    const text = renderSummary(base);
    expect(text).not.toContain('<b>');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('web|');
    expect(text).not.toContain('`x`');
    const tableRows = text.split('\n').filter((line) => line.startsWith('| '));
    expect(tableRows.every((line) => line.split('|').length === 4)).toBe(true);
  });

  it('shows a failure with its title, message and whether anything was redeployed', () => {
    const text = renderSummary({ ...base, plan: undefined, status: 'failed', changed: 'nothing', failure: { title: 'App not found', message: 'line 1\nline <2>' } });
    expect(text).toContain('Failed: App not found');
    expect(text).toContain('line 1<br>line &lt;2&gt;');
    expect(text).toContain('Nothing was redeployed');
  });

  it.each([
    ['a line break that would start a heading', 'x\n# Heading', /\n# Heading/],
    ['a lone carriage return', 'x\r> quote', /\r/],
    ['a Unicode line separator', 'x\u2028| a | b |', /\u2028/],
    ['a link', '[click](https://evil.example)', /\]\(/],
    ['a bare URL (autolink)', 'see https://evil.example/x now', /https:\/\/evil/],
    ['a www autolink', 'www.evil.example', /www\.evil/],
    ['an e-mail autolink', 'root@evil.example', /root@evil/],
    ['HTML', '<img src=x onerror=alert(1)>', /<img/]
  ])('neutralises %s in platform text', (_, hostile, forbidden) => {
    const text = renderSummary({ ...base, status: 'failed', changed: 'accepted', failure: { title: hostile, message: hostile } });
    expect(text).not.toMatch(forbidden);
    const tableRows = text.split('\n').filter((line) => line.startsWith('| '));
    expect(tableRows.every((line) => line.split(/(?<!&#124);?\|/).length >= 3)).toBe(true);
  });

  it('removes the key and partial echoes of it', () => {
    const secrets = new Secrets();
    secrets.add('phak_live_9f8e7d6c5b4a3210');
    const text = renderSummary({
      ...base,
      status: 'failed',
      changed: 'nothing',
      secrets,
      failure: { title: 'Rejected', message: 'Invalid API key phak_live_9f8e7d6c… and phak_live_9f8e7d6c5b4a3210' }
    });
    expect(text).not.toContain('phak_live_9f8e7d');
  });

  it('stays under 512 KiB whatever the platform sends', () => {
    const text = renderSummary({ ...base, status: 'failed', changed: 'unknown', failure: { title: 'Huge', message: 'x'.repeat(2 * 1024 * 1024) } });
    expect(Buffer.byteLength(text)).toBeLessThan(512 * 1024);
  });
});

describe('changedSentence', () => {
  it("says plainly whether the platform was changed, in the platform's words", () => {
    expect(changedSentence('nothing', PHALA_VOCABULARY)).toMatch(/^Nothing was redeployed/);
    expect(changedSentence('unknown', PHALA_VOCABULARY)).toMatch(/may have reached Phala Cloud/);
    expect(changedSentence('accepted', PHALA_VOCABULARY)).toMatch(/was accepted by Phala Cloud/);
  });
});

describe('renderSummary: the probes before the rollback (rollback_when: unhealthy)', () => {
  it('a healthy app: skipped, nothing rolled back, with the probe that said so', () => {
    const text = renderSummary({
      vocabulary: PHALA_VOCABULARY,
      appId: 'a1b2',
      status: 'skipped',
      changed: 'nothing',
      healthBefore: { state: 'healthy', url: 'https://app.example.com/h?token=***', probes: ['1. 2026-12-07T10:00:00.000Z: answered 200 in 12 ms, as expected'] },
      run: { durationMs: 100 }
    });
    expect(text).toContain('the app answered healthy, so nothing was rolled back and nothing was sent to Phala Cloud');
    expect(text).toContain('| Health before | healthy, not rolled back<br>1. 2026-12-07T10:00:00.000Z: answered 200 in 12 ms, as expected |');
    // As written, to read and copy: a code span, where `***` is no emphasis and the URL no link.
    expect(text).toContain('| Health URL | `https://app.example.com/h?token=***` |');
  });

  it('a health URL with a backtick or a pipe in its query cannot break out of the code span or the table', () => {
    const text = renderSummary({
      ...base,
      status: 'skipped',
      healthBefore: { state: 'healthy', url: 'https://app.example.com/h?a`|<b>=***', probes: [] }
    });
    const row = text.split('\n').find((line) => line.startsWith('| Health URL |'))!;
    expect(row).not.toContain('`');
    expect(row).not.toContain('<b>');
    expect(row.split(' | ')).toHaveLength(2);
  });

  it('an unhealthy app: each failed probe, its body made safe and any secret removed', () => {
    const secrets = new Secrets();
    secrets.add('tok_0123456789abcdef');
    const text = renderSummary({
      ...base,
      secrets,
      healthBefore: { state: 'unhealthy', url: 'https://app.example.com/h', probes: ['1. t: answered 503 in 5 ms, expected 200-399: "| <img src=x> tok_0123456789abcdef"'] }
    });
    const row = text.split('\n').find((line) => line.startsWith('| Health before |'))!;
    expect(row).toContain('unhealthy: 1 failed probe in a row');
    expect(row).not.toContain('<img');
    expect(row).not.toContain('tok_0123456789abcdef');
    expect(row.split(' | ')).toHaveLength(2);
  });
});
