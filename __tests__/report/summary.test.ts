import { describe, expect, it } from '@jest/globals';
import { PHALA_VOCABULARY } from '../../src/providers/phala/phala-provider.js';
import { Secrets } from '../../src/report/redact.js';
import { changedSentence, renderSummary, shortenHashes, withoutRestatement, type SummaryInput } from '../../src/report/summary.js';

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
    expect(text).toContain(`<code>${'cd'.repeat(6)}…</code> → <code>${'ab'.repeat(6)}…</code>`);
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
    expect(changedSentence('accepted', PHALA_VOCABULARY)).toMatch(/was accepted by Phala Cloud and may still be running/);
  });

  it('says what is known of an accepted rollback: completed or failed, never "may still be running" then', () => {
    const completed = changedSentence('accepted', PHALA_VOCABULARY, 'completed');
    expect(completed).toBe('The rollback completed on Phala Cloud: every targeted CVM runs the target revision.');
    const failed = changedSentence('accepted', PHALA_VOCABULARY, 'failed');
    expect(failed).toBe('The redeploy was accepted by Phala Cloud and failed there: check the CVMs before re-running.');
    for (const sentence of [completed, failed]) expect(sentence).not.toContain('may still be running');
  });
});

describe('said once', () => {
  it('drops a message\'s own "Nothing was deployed." when the closing sentence says it', () => {
    expect(withoutRestatement('Check app_id. Nothing was deployed.', 'nothing')).toBe('Check app_id.');
    expect(withoutRestatement('Its CVMs are:\n- web\nNothing was redeployed.', 'nothing')).toBe('Its CVMs are:\n- web');
    expect(withoutRestatement('Timed out. Nothing was deployed. Re-run later.', 'nothing')).toBe('Timed out. Re-run later.');
    // Only a restatement: a claim that contradicts an accepted redeploy is left for the reader to see.
    expect(withoutRestatement('Nothing was deployed.', 'accepted')).toBe('Nothing was deployed.');
  });

  it('gives the health detail once: in the failure, not again in the health row', () => {
    const detail = 'https://app.example/health did not answer 200 3 times in a row';
    const text = renderSummary({
      ...base,
      status: 'failed',
      outcome: 'completed',
      health: { state: 'unhealthy', detail },
      failure: { title: 'Health check failed after the rollback', message: `The app did not answer as expected after the rollback: ${detail}` },
      ownOrigins: ['https://app.example']
    });
    expect(text).toContain('| Health check | unhealthy |');
    expect(text.split('did not answer 200')).toHaveLength(2);
    expect(text).toContain('The rollback completed on Phala Cloud');
    expect(text).not.toContain('may still be running');
  });
});

describe('hashes in the tables', () => {
  it('shows a 64-hex hash by its first 12 characters, with or without 0x, and leaves shorter hex alone', () => {
    expect(shortenHashes(`hash ${'ab'.repeat(32)} and 0x${'CD'.repeat(32)}`)).toBe(`hash ${'ab'.repeat(6)}… and 0x${'CD'.repeat(6)}…`);
    expect(shortenHashes('deadbeef')).toBe('deadbeef');
    expect(shortenHashes('ab'.repeat(33))).toBe('ab'.repeat(33));
  });

  it('shortens them in every row, while the failure text below the table keeps them whole', () => {
    const hash = 'ef'.repeat(32);
    const text = renderSummary({ ...base, status: 'failed', changed: 'nothing', extra: [['compose_hash', hash]], failure: { title: 'X', message: `register ${hash}` } });
    const table = text.split('\n').filter((line) => line.startsWith('| '));
    expect(table.join('\n')).not.toMatch(/[0-9a-f]{64}/);
    expect(table.join('\n')).toContain(`${'ef'.repeat(6)}…`);
    expect(text).toContain(`<blockquote>register ${hash}</blockquote>`);
  });
});

describe('warnings', () => {
  it('repeats the warnings of the run in the summary, escaped and with secrets removed', () => {
    const secrets = new Secrets();
    secrets.add('phak_live_9f8e7d6c5b4a3210');
    const text = renderSummary({
      ...base,
      secrets,
      warnings: [{ title: 'Check the target revision', message: 'The target was made by <b>a restart</b>' }, { message: 'key phak_live_9f8e7d6c5b4a3210 leaked' }]
    });
    expect(text).toContain('| Warnings | ⚠️ Check the target revision: The target was made by &lt;b&gt;a restart&lt;/b&gt;<br>⚠️ key &#42;&#42;&#42; leaked |');
  });

  it('says "Warning" for one and caps a long list, pointing to the log', () => {
    expect(renderSummary({ ...base, warnings: [{ message: 'one' }] })).toContain('| Warning | ⚠️ one |');
    const many = renderSummary({ ...base, warnings: Array.from({ length: 13 }, (_, i) => ({ message: `w${i}` })) });
    expect(many).toContain('⚠️ w9<br>…and 3 more in the log |');
    expect(many).not.toContain('w10');
  });

  it('has no warnings row when there were none', () => {
    expect(renderSummary(base)).not.toContain('Warning');
  });
});

describe('links', () => {
  const ZWSP = /&#8203;|\u200b/;
  it("keeps the action's own URLs whole and clickable, in rows and in the failure text", () => {
    const text = renderSummary({
      ...base,
      status: 'failed',
      changed: 'nothing',
      plan: { ...plan, consoleUrl: 'http://127.0.0.1:4010/console/cvms/u1' },
      health: { state: 'skipped', detail: 'see http://127.0.0.1:4010/app/health.' },
      failure: { title: 'App not found', message: 'api_url is http://127.0.0.1:4010/api/v1, which does not end in /api/v1.' },
      ownOrigins: ['http://127.0.0.1:4010/api/v1']
    });
    for (const url of ['http://127.0.0.1:4010/console/cvms/u1', 'http://127.0.0.1:4010/app/health', 'http://127.0.0.1:4010/api/v1']) {
      expect(text).toContain(`<a href="${url}">${url}</a>`);
    }
    // Trailing punctuation stays outside the link.
    expect(text).toContain('/app/health</a>.');
    expect(text).toContain('/api/v1</a>, which');
    for (const href of text.match(/<a href="[^"]*">[^<]*<\/a>/g) ?? []) expect(href).not.toMatch(ZWSP);
  });

  it('keeps any other URL in platform text from becoming a link', () => {
    const text = renderSummary({
      ...base,
      status: 'failed',
      changed: 'nothing',
      failure: { title: 'Refused', message: 'see https://evil.example/x and http://127.0.0.1:4010.evil.example/y' },
      ownOrigins: ['http://127.0.0.1:4010']
    });
    expect(text).not.toMatch(/https?:\/\/(evil|127)/);
    expect(text).not.toContain('<a href="https://evil');
    expect(text).not.toContain('<a href="http://127.0.0.1:4010.evil');
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
