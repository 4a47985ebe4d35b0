import { describe, expect, it } from '@jest/globals';
import type { ActionRun } from '../../../scripts/run-action.js';
import { expectNoEcho } from '../secret-echo.js';
import { annotations, H, rollback, sandboxWith } from '../helpers.js';

/**
 * Issue 13 §3 on Phala: the API key echoed back in any form a server, a proxy or an error page
 * can produce never reaches the log, an annotation, the summary or an output.
 */
const HASHES = [H('v1'), H('v2'), H('v3')];
/** A key with characters every encoding changes, so each form differs from the raw one. */
const KEY = `phak_s3cr3t/K3y+with=chars&"quotes"<9f8e7d6c>'%41~z`;
const b64 = (text: string) => Buffer.from(text).toString('base64');

const FORMS: Record<string, string> = {
  raw: KEY,
  'header line': `X-API-Key: ${KEY}`,
  'percent-encoded': encodeURIComponent(KEY),
  'percent-encoded, lower-case hex': encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
  'form-encoded': new URLSearchParams({ k: KEY }).toString().slice(2),
  'percent-encoded twice': encodeURIComponent(encodeURIComponent(KEY)),
  'JSON-escaped': JSON.stringify(KEY).slice(1, -1),
  'JSON-escaped, HTML-safe': JSON.stringify(KEY)
    .slice(1, -1)
    .replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  'HTML-escaped': KEY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  base64: b64(KEY),
  base64url: Buffer.from(KEY).toString('base64url'),
  'base64 of the header line': b64(`X-API-Key: ${KEY}`),
  'base64 of a JSON body holding it': b64(JSON.stringify({ api_key: KEY }))
};

/** The files the runner reads, as written, hold no form either (the summary before any decoding). */
function expectFilesClean(run: ActionRun, forms: string[]): void {
  const outputs = Object.entries(run.outputs)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  for (const form of forms) {
    expect(run.summary.includes(form)).toBe(false);
    expect(outputs.includes(form)).toBe(false);
  }
}

describe('Phala: the API key echoed in any form', () => {
  it.each(Object.entries(FORMS))('a 401 on the first read whose body echoes it as %s', async (name, form) => {
    const body = JSON.stringify({ detail: `Not authenticated: credential ${form} is not valid for this workspace` });
    const sandbox = await sandboxWith({ hashes: HASHES, apiKey: KEY, faults: [{ endpoint: 'listAppCvms', kind: 'status', status: 401, body }] });
    const run = await rollback(sandbox, { api_key: KEY }, { env: { RUNNER_DEBUG: '1' } });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe('Phala Cloud rejected the API key');
    expectNoEcho(run, { [name]: form, raw: KEY });
    expectFilesClean(run, [form, KEY]);
  });

  it('a refused POST that echoes it cut short, in a header and in several forms at once', async () => {
    const cut = `${KEY.slice(0, 20)}…`;
    const detail = `Forbidden for ${cut}; sent ${FORMS['percent-encoded']} (base64 ${FORMS.base64}), JSON "${FORMS['JSON-escaped']}"`;
    const sandbox = await sandboxWith({
      hashes: HASHES,
      apiKey: KEY,
      faults: [
        {
          endpoint: 'redeploy',
          kind: 'status',
          status: 403,
          body: JSON.stringify({ detail }),
          headers: { 'X-Request-ID': `req-${b64(KEY)}`, 'WWW-Authenticate': `ApiKey key="${KEY}"` }
        }
      ]
    });
    const run = await rollback(sandbox, { api_key: KEY }, { env: { RUNNER_DEBUG: '1' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expectNoEcho(run, { ...FORMS, 'cut short': KEY.slice(0, 20) });
    expectFilesClean(run, [...Object.values(FORMS), KEY.slice(0, 20)]);
    expect(sandbox.redeploys).toHaveLength(0);
  });
});
