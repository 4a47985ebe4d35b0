import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import {
  parseHealthFailures,
  parseHealthInterval,
  parseHealthStatus,
  parseHealthTimeout,
  parseHealthUrl,
  parseRollbackWhen,
  safeHealthUrl
} from '../../src/verify/health-status.js';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseHealthStatus', () => {
  it('defaults to 200-399 when empty', () => {
    const matcher = parseHealthStatus('  ');
    expect(matcher.ranges).toEqual([[200, 399]]);
    expect(matcher.description).toBe('200-399');
    expect([199, 200, 302, 399, 400].map((s) => matcher.matches(s))).toEqual([false, true, true, true, false]);
  });

  it('accepts a single code', () => {
    const matcher = parseHealthStatus('204');
    expect(matcher.ranges).toEqual([[204, 204]]);
    expect(matcher.matches(204)).toBe(true);
    expect(matcher.matches(200)).toBe(false);
  });

  it.each(['200-299', '200..299', '200 - 299', ' 200 .. 299 '])('accepts the range %p', (raw) => {
    const matcher = parseHealthStatus(raw);
    expect(matcher.ranges).toEqual([[200, 299]]);
    expect(matcher.description).toBe('200-299');
  });

  it('accepts a comma list mixing codes and ranges', () => {
    const matcher = parseHealthStatus('200, 204,300-302,401..401');
    expect(matcher.ranges).toEqual([
      [200, 200],
      [204, 204],
      [300, 302],
      [401, 401]
    ]);
    expect(matcher.description).toBe('200, 204, 300-302, 401');
    expect([200, 201, 204, 301, 303, 401].map((s) => matcher.matches(s))).toEqual([true, false, true, true, false, true]);
  });

  it.each([
    ['ok', "'ok' has 'ok': expected a status code (200)"],
    ['2xx', "has '2xx'"],
    ['200,', 'has an empty entry'],
    ['200;204', "has '200;204'"],
    ['20', "has '20'"],
    ['2000', "has '2000'"],
    ['200-', "has '200-'"],
    ['200...399', "has '200...399'"],
    ['-200', "has '-200'"]
  ])('rejects %p naming the forms it accepts', (raw, fragment) => {
    const error = inputError(() => parseHealthStatus(raw));
    expect(error.input).toBe('health_status');
    expect(error.title).toBe("Invalid input 'health_status'");
    expect(error.message).toContain(fragment);
    expect(error.message).toContain('a range (200-399 or 200..399)');
  });

  it.each([
    ['099', '99 in'],
    ['600', '600 in'],
    ['200-600', '600 in'],
    ['000', '0 in']
  ])('rejects %p outside 100-599', (raw, fragment) => {
    const error = inputError(() => parseHealthStatus(raw));
    expect(error.input).toBe('health_status');
    expect(error.message).toContain(fragment);
    expect(error.message).toContain('codes run from 100 to 599');
  });

  it('rejects a reversed range and says how to write it', () => {
    const error = inputError(() => parseHealthStatus('399-200'));
    expect(error.message).toBe("'399-200' in '399-200' is an empty range: write the lower code first (e.g. 200-399).");
  });
});

describe('parseHealthUrl', () => {
  it('is undefined when empty: no health check', () => {
    expect(parseHealthUrl('  ')).toBeUndefined();
  });

  it('accepts https anywhere and keeps path and query, dropping the fragment', () => {
    expect(parseHealthUrl(' https://app.example.com/health?deep=1#x ')).toBe('https://app.example.com/health?deep=1');
  });

  it.each(['http://127.0.0.1:8080/health', 'http://localhost/health', 'http://[::1]:3000/'])('accepts plain http to loopback %p', (raw) => {
    expect(parseHealthUrl(raw)).toBe(new URL(raw).href);
  });

  it.each([
    ['app.example.com/health', "'app.example.com/health' is not an absolute URL. Expected e.g. https://app.example.com/health."],
    ['/health', "'/health' is not an absolute URL."],
    ['ftp://example.com/health', "'ftp://example.com/health' must be an https:// URL."],
    ['http://app.example.com/health', "'http://app.example.com' uses plain http. Use https (plain http is allowed only for loopback addresses)."],
    ['https://user:pass@app.example.com/health', 'The URL must not contain credentials'],
    ['https://token@app.example.com/health', 'The URL must not contain credentials']
  ])('rejects %p', (raw, message) => {
    const error = inputError(() => parseHealthUrl(raw));
    expect(error.input).toBe('health_url');
    expect(error.message).toContain(message);
  });
});

describe('parseHealthTimeout', () => {
  it('defaults to 300 seconds', () => {
    expect(parseHealthTimeout('')).toBe(300);
  });

  it.each([
    ['1', 1],
    [' 90 ', 90],
    ['3600', 3600]
  ])('accepts %p', (raw, seconds) => {
    expect(parseHealthTimeout(raw)).toBe(seconds);
  });

  it.each(['0', '3601', '1.5', '-5', '5m', 'abc'])('rejects %p', (raw) => {
    const error = inputError(() => parseHealthTimeout(raw));
    expect(error.input).toBe('health_timeout');
    expect(error.message).toBe(`'${raw}' is not a health timeout: expected a whole number of seconds from 1 to 3600 (e.g. 300).`);
  });
});

describe('secrets in health_url', () => {
  it('masks query values (raw and decoded) and a password before anything else, but not short flags', () => {
    const masked: string[] = [];
    parseHealthUrl('https://app.example.com/health?token=ab%2Fcd-secret-1&verbose=true&n=1&key=Zm9vYmFy', (secret) => masked.push(secret));
    expect(masked).toEqual(['ab%2Fcd-secret-1', 'ab/cd-secret-1', 'Zm9vYmFy']);
  });

  it('masks the password of user info before refusing it, and never echoes it', () => {
    const masked: string[] = [];
    const error = inputError(() => parseHealthUrl('https://monitor:hunter2-long@app.example.com/h', (secret) => masked.push(secret)));
    expect(masked).toEqual(['hunter2-long']);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('monitor');
  });

  it('masks the query of a URL it cannot parse, and echoes it with the query hidden', () => {
    const masked: string[] = [];
    const error = inputError(() => parseHealthUrl('app.example.com/health?token=s3cr3t-value', (secret) => masked.push(secret)));
    expect(masked).toEqual(['s3cr3t-value']);
    expect(error.message).toContain("'app.example.com/health?***'");
  });

  it('safeHealthUrl: user info dropped, every query value shown as ***', () => {
    expect(safeHealthUrl('https://u:p@app.example.com:8443/a/b?token=x&flag&y=2')).toBe('https://app.example.com:8443/a/b?token=***&***&y=***');
    expect(safeHealthUrl('https://app.example.com/health')).toBe('https://app.example.com/health');
    expect(safeHealthUrl('https://app.example.com/h?a=1;tok=s3cret')).toBe('https://app.example.com/h?a=***;tok=***');
  });
});

describe('rollback_when, health_failures, health_interval', () => {
  it('rollback_when is always by default, or unhealthy (any case)', () => {
    expect(parseRollbackWhen('')).toBe('always');
    expect(parseRollbackWhen(' Unhealthy ')).toBe('unhealthy');
    expect(inputError(() => parseRollbackWhen('on-failure')).input).toBe('rollback_when');
  });

  it('health_failures: 1 to 100, default 3; health_interval: 1 to 600 s, default 10', () => {
    expect(parseHealthFailures('')).toBe(3);
    expect(parseHealthFailures('1')).toBe(1);
    expect(parseHealthInterval('')).toBe(10);
    expect(parseHealthInterval('1')).toBe(1);
    for (const raw of ['0', '101', '2.5', 'three', '-1']) expect(inputError(() => parseHealthFailures(raw)).input).toBe('health_failures');
    for (const raw of ['0', '601', '0.5', '1s']) expect(inputError(() => parseHealthInterval(raw)).input).toBe('health_interval');
  });
});
