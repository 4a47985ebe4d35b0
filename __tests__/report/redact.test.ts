import { describe, expect, it } from '@jest/globals';
import { basicCredential, echoForms, REDACTED, Secrets } from '../../src/report/redact.js';

const PASSWORD = 'p@ss/w0rd&"x+y=z!';
const TOKEN = 'qov_9f8e7d6c5b4a3210fedcba98';

function secretsOf(...values: string[]): Secrets {
  const secrets = new Secrets();
  for (const value of values) secrets.add(value);
  return secrets;
}

describe('every form a server can echo a secret in is removed', () => {
  const secrets = secretsOf(PASSWORD, TOKEN);

  it.each([
    ['as it is', PASSWORD],
    ['percent-encoded (encodeURIComponent)', encodeURIComponent(PASSWORD)],
    ['percent-encoded with lower-case hex', encodeURIComponent(PASSWORD).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['form-encoded (URLSearchParams)', new URLSearchParams({ p: PASSWORD }).toString().slice(2)],
    ['percent-encoded twice', encodeURIComponent(encodeURIComponent(PASSWORD))],
    ['JSON-escaped', JSON.stringify(PASSWORD).slice(1, -1)],
    ['JSON-escaped with \\/', JSON.stringify(PASSWORD).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON-escaped as Go does (\\u0026)', JSON.stringify(PASSWORD).slice(1, -1).replace(/&/g, '\\u0026')],
    ['HTML-escaped', PASSWORD.replace(/&/g, '&amp;').replace(/"/g, '&quot;')],
    ['base64', Buffer.from(PASSWORD).toString('base64')],
    ['base64url', Buffer.from(PASSWORD).toString('base64url')]
  ])('the password %s', (_, form) => {
    const text = `the server says: ${form} was wrong`;
    expect(secrets.redact(text)).toBe(`the server says: ${REDACTED} was wrong`);
  });

  it.each([
    ['Token', `Token ${TOKEN}`],
    ['Bearer', `Bearer ${TOKEN}`],
    ['base64 of the token', Buffer.from(TOKEN).toString('base64')],
    ['percent-encoded header value', encodeURIComponent(`Token ${TOKEN}`)]
  ])('the token in a %s form', (_, form) => {
    const redacted = secrets.redact(`echo: ${form}.`);
    expect(redacted).not.toContain(TOKEN);
    expect(redacted).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 12));
    expect(redacted).toContain(REDACTED);
  });

  it.each([
    ['a header line (offset 11)', 'X-API-Key: '],
    ['a Bearer value (offset 7)', 'Bearer '],
    ['a JSON body (offset 12)', '{"api_key":"'],
    ['one byte in (offset 1)', '='],
    ['two bytes in (offset 2)', 'k=']
  ])('the token inside a longer base64 text: %s', (_, before) => {
    for (const encoding of ['base64', 'base64url'] as const) {
      const encoded = Buffer.from(`${before}${TOKEN}" and more after it`).toString(encoding);
      const redacted = secrets.redact(`echo: ${encoded}.`);
      expect(redacted).toContain(REDACTED);
      // No run of 12 characters that encodes only token bytes is left.
      const tokenOnly = Buffer.from(`${before}${TOKEN}`)
        .toString(encoding)
        .slice(Math.ceil(((before.length + 2) * 4) / 3), -4);
      for (let i = 0; i + 12 <= tokenOnly.length; i++) expect(redacted).not.toContain(tokenOnly.slice(i, i + 12));
    }
  });

  it('an encoded form cut short, in the middle or at a cut', () => {
    const encoded = encodeURIComponent(PASSWORD);
    expect(secrets.redact(`x ${encoded.slice(3, 18)} y`)).toBe(`x ${REDACTED} y`);
    expect(secrets.redact(`detail: ${encoded.slice(0, 8)}…`)).toBe(`detail: ${REDACTED}…`);
  });

  it('a text full of cut marks is handled in one scan per secret', () => {
    const text = `${'...'.repeat(200_000)} ${TOKEN.slice(0, 8)}...`;
    // CPU time, not wall time: the suite runs several files per core, and one scan is about work done.
    const started = process.cpuUsage();
    expect(secrets.redact(text).endsWith(`${REDACTED}...`)).toBe(true);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });
});

describe('HTTP Basic', () => {
  const username = 'ops-service-account';
  const password = 'admin-secret-2026';
  const secrets = secretsOf(password, basicCredential(username, password));
  const header = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

  it('the header value, echoed in a 401 body or a WWW-Authenticate challenge, is removed', () => {
    expect(basicCredential(username, password)).toBe(header.slice('Basic '.length));
    const challenge = `Basic realm="engine", error="invalid credentials ${header}"`;
    expect(secrets.redact(challenge)).toBe(`Basic realm="engine", error="invalid credentials Basic ${REDACTED}"`);
    expect(secrets.redact(JSON.stringify({ message: `bad ${header}` }))).not.toContain(header.slice(6, 18));
  });

  it('the user name stays readable, even when it is long', () => {
    expect(secrets.redact(`User '${username}' lacks CREATE on Deployment`)).toBe(`User '${username}' lacks CREATE on Deployment`);
  });
});

describe('registration', () => {
  it('returns the new forms, for the runner masker, and each only once', () => {
    const secrets = new Secrets();
    const forms = secrets.add('a+b/c=d&e');
    expect(forms).toEqual(echoForms('a+b/c=d&e').filter((form) => form.length >= 3));
    expect(forms).toEqual(expect.arrayContaining(['a+b/c=d&e', 'a%2Bb%2Fc%3Dd%26e', Buffer.from('a+b/c=d&e').toString('base64')]));
    expect(secrets.add('a+b/c=d&e')).toEqual([]);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('a plain alphanumeric key has few forms: it is its own encoding, and its base64 at three offsets', () => {
    expect(echoForms('abcdef123456')).toEqual(['abcdef123456', 'YWJjZGVmMTIzNDU2', 'Y2RlZjEyMz', 'YmNkZWYxMjM']);
  });

  it('one or two characters are not registered (they would erase ordinary words)', () => {
    const secrets = new Secrets();
    expect(secrets.add('ab')).toEqual(['YWI=', 'YWI']);
    expect(secrets.redact('a table')).toBe('a table');
  });
});
