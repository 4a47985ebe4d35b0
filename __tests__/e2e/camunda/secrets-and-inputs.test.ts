import { expect, test } from '@jest/globals';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { expectNoEcho, plainSummary } from '../secret-echo.js';
import { annotations, history, proxyFor, rollback } from './helpers.js';

/** A user name long enough that masking it would show, and a password every encoding changes. */
const USERNAME = 'ops-deployer-account';
const PASSWORD = 'S3cr3t:p@ss/w0rd&x="y"+z';
const BASIC = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');
/**
 * Runs the action as USERNAME through a proxy that answers every request with this status, body
 * and headers (the engine behind it sees none), with debug logging on to show all that is said.
 */
async function runAgainstAnswer(label: string, status: number, body: unknown, headers?: Record<string, string>) {
  const proxy = await proxyFor(await engineUrl());
  proxy.add({ path: /.*/, times: 100, fault: { kind: 'status', status, body, headers } });
  return rollback(proxy.url, { app_id: uniqueName(label), username: USERNAME, password: PASSWORD }, { env: { RUNNER_DEBUG: '1' } });
}

describeWithEngine('camunda: credentials echoed back by the engine or a proxy', () => {
  test('a 401 whose body and WWW-Authenticate echo the Basic header: neither the header value nor the password is readable', async () => {
    const run = await runAgainstAnswer(
      'echo401',
      401,
      { type: 'AuthenticationException', message: `Authorization: Basic ${BASIC} is not valid for user ${USERNAME}` },
      { 'WWW-Authenticate': `Basic realm="engine-rest", error="invalid_credentials", credentials="${BASIC}"` }
    );

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('The Camunda engine rejected the credentials');
    expect(error!.message).toContain('It asks for: Basic realm="engine-rest"'); // the challenge is shown, the credential in it is not
    expectNoEcho(run, { 'Basic header value': BASIC, password: PASSWORD });
  });

  test('a 403 whose message carries the URL-encoded password names the user, without the password', async () => {
    const run = await runAgainstAnswer('echo403', 403, {
      type: 'AuthorizationException',
      message: `The user with id '${USERNAME}' (login ${USERNAME}:${encodeURIComponent(PASSWORD)}) does not have 'READ' permission on resource 'Deployment'.`,
      userId: USERNAME,
      missingAuthorizations: [{ permissionName: 'READ', resourceName: 'Deployment', resourceId: null }]
    });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Not authorized on the Camunda engine');
    expect(error!.message).toContain(`User '${USERNAME}' lacks READ on Deployment`);
    expectNoEcho(run, { 'URL-encoded password': encodeURIComponent(PASSWORD), 'form-encoded password': new URLSearchParams({ p: PASSWORD }).toString().slice(2) });
    expect(plainSummary(run.summary)).toContain(`User '${USERNAME}' lacks READ on Deployment`);
  });
});

describeWithEngine('camunda: inputs that do not belong are refused before any request', () => {
  test.each([
    ['vm_uuids', 'phala', '3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f'],
    ['transaction_hash', 'phala', `0x${'ab'.repeat(32)}`]
  ])('%s (an input of %s) is refused naming the provider that takes it', async (input, _owner, value) => {
    const url = await engineUrl();
    const name = uniqueName('foreign');
    await history(adminClient(url), name, uniqueKey('foreign'), ['v1', 'v2']);
    const proxy = await proxyFor(url);

    const run = await rollback(proxy.url, { app_id: name, [input]: value });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe(`Invalid input '${input}'`);
    expect(error!.message).toContain('provider phala');
    expect(run.outputs.status).toBe('failed');
    expect(proxy.requests).toHaveLength(0);
    expect(await adminClient(url).deployments(name)).toHaveLength(2);
  });

  test('an api_url with a line break inside is refused, not sent to another path', async () => {
    const proxy = await proxyFor(await engineUrl());
    const [base, rest] = [proxy.url.slice(0, -'/engine-rest'.length), 'engine-rest'];

    const run = await rollback(`${base}/\n${rest}`, { app_id: uniqueName('newline') });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.title).toBe("Invalid input 'api_url'");
    expect(proxy.requests).toHaveLength(0);
  });
});
