import { expect, test } from '@jest/globals';
import { runAction } from '../../../scripts/run-action.js';
import { VIEWER } from '../../../sandbox/camunda/engine-process.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from '../../sandbox/camunda/engine.js';
import { annotations, history, posts, proxyFor, rollback } from './helpers.js';

describeWithEngine('camunda: undoing a rollback, and what the engine refuses', () => {
  test("'previous' after this action's rollback refuses, naming the deployment it would pick; passing that id does it", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('undo');
    const [v1, v2] = await history(engine, name, uniqueKey('undo'), ['v1', 'v2']);
    const first = await rollback(url, { app_id: name }, { env: { GITHUB_REPOSITORY: 'acme/bpm', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' } });
    expect(first.outputs.revision_id).toBe(v1!.id);
    const [made] = await engine.deployments(name);
    expect(made!.source).toBe('rollback acme/bpm run 42.2');

    const proxy = await proxyFor(url);
    const again = await rollback(proxy.url, { app_id: name });
    expect(again.exitCode).toBe(1);
    const [error] = annotations(again);
    expect(error!.title).toBe('Refusing to undo an earlier rollback');
    expect(error!.message).toContain(`revision: ${v2!.id}`);
    expect(error!.message).toContain("source 'rollback acme/bpm run 42.2'");
    expect(posts(proxy)).toEqual([]);

    const onPurpose = await rollback(url, { app_id: name, revision: v2!.id });
    expect(onPurpose.outputs.status).toBe('completed');
    expect(onPurpose.outputs.revision_id).toBe(v2!.id);
  });

  test("'previous' refuses when the current content was deployed before with different content between (a manual rollback)", async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('manual');
    const [, v2] = await history(engine, name, uniqueKey('manual'), ['v1', 'v2', 'v1']);

    const run = await rollback(url, { app_id: name });

    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toContain(`pass revision: ${v2!.id}`);
    expect(run.outputs.status).toBe('failed');
    expect(await engine.deployments(name)).toHaveLength(3);

    const onPurpose = await rollback(url, { app_id: name, revision: v2!.id });
    expect(onPurpose.outputs).toMatchObject({ status: 'completed', revision_id: v2!.id });
  });

  test('401: a wrong password is explained with the challenge', async () => {
    const url = await engineUrl();
    const run = await rollback(url, { app_id: uniqueName('any'), password: 'Not-The-Pa55w0rd' });
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('The Camunda engine rejected the credentials');
    expect(error!.message).toContain('Basic realm="default"');
    expect(error!.message).toContain('Nothing was redeployed');
    expect(error!.message).not.toContain('Nothing was deployed');
    expect(
      run.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n')
    ).not.toContain('Not-The-Pa55w0rd');
  });

  test('403: a user without CREATE on Deployment is told which authorization is missing; nothing deployed', async () => {
    const url = await engineUrl();
    const engine = adminClient(url);
    const name = uniqueName('forbidden');
    await history(engine, name, uniqueKey('forbidden'), ['v1', 'v2']);

    const run = await rollback(url, { app_id: name, username: VIEWER.username, password: VIEWER.password });

    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Not authorized on the Camunda engine');
    expect(error!.message).toContain(`User '${VIEWER.username}' lacks CREATE on Deployment`); // a user name is not a secret: the message names who lacks it
    expect(error!.message).toContain('Nothing was redeployed');
    expect(error!.message).not.toContain('Nothing was deployed');
    expect(await engine.deployments(name)).toHaveLength(2);
  });

  test('404: an unknown deployment id', async () => {
    const url = await engineUrl();
    const run = await rollback(url, { revision: 'no-such-deployment' });
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe('Deployment not found');
    expect(error!.message).toContain("no deployment with id 'no-such-deployment'");
  });

  test('inputs are refused before any request is sent', async () => {
    const url = await engineUrl();
    const proxy = await proxyFor(url);
    const cases: Array<[Record<string, string>, string]> = [
      [{ provider: 'camunda', api_url: proxy.url, app_id: 'x', username: 'admin' }, "Invalid input 'password'"],
      [{ provider: 'camunda', api_url: proxy.url, app_id: 'x', username: 'admin', password: 'a-password', api_key: 'a-bearer-token' }, "Invalid input 'api_key'"],
      [{ provider: 'camunda', app_id: 'x' }, "Invalid input 'api_url'"],
      [{ provider: 'camunda', api_url: 'http://bpm.example.com/engine-rest', app_id: 'x' }, "Invalid input 'api_url'"],
      [{ provider: 'camunda', api_url: proxy.url, revision: 'previous' }, "Invalid input 'app_id'"]
    ];
    for (const [inputs, title] of cases) {
      const run = await runAction(inputs);
      expect({ inputs, exitCode: run.exitCode, title: annotations(run)[0]?.title }).toEqual({ inputs, exitCode: 1, title });
    }
    expect(proxy.requests).toEqual([]);
  });
});
