import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createDeploymentRecord, runUrl, startDeploymentRecord, type DeploymentRecordOptions } from '../../src/github/deployment-record.js';
import type { Logger } from '../../src/log.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../sandbox/github/server.js';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const RUN_URL = 'https://github.com/acme/shop/actions/runs/987654321';

let gh: GitHubStandIn;
beforeEach(async () => {
  gh = await startGitHubStandIn();
});
afterEach(async () => {
  await gh.close();
});

function recordingLog(): Logger & { lines: string[]; warnings: Array<{ message: string; title?: string }> } {
  const lines: string[] = [];
  const warnings: Array<{ message: string; title?: string }> = [];
  return {
    lines,
    warnings,
    info: (m) => lines.push(m),
    warning: (message, title) => warnings.push(title === undefined ? { message } : { message, title }),
    debug: () => undefined
  };
}

function actionsEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '987654321',
    GITHUB_RUN_ATTEMPT: '1',
    ...overrides
  };
}

function options(overrides: Partial<DeploymentRecordOptions> = {}): DeploymentRecordOptions {
  return {
    token: gh.token,
    environment: 'production',
    description: 'Rollback of app a1b2c3d4 to revision rev_abc (compose hash 1234abcd)',
    env: actionsEnv(),
    log: recordingLog(),
    payload: { revision_id: 'rev_abc', compose_hash: '1234abcd' },
    userAgent: 'rollback-action/test',
    ...overrides
  };
}

describe('runUrl', () => {
  it('links the run, and the attempt when it is a re-run', () => {
    expect(runUrl(actionsEnv())).toBe(RUN_URL);
    expect(runUrl(actionsEnv({ GITHUB_RUN_ATTEMPT: '3' }))).toBe(`${RUN_URL}/attempts/3`);
    expect(runUrl(actionsEnv({ GITHUB_SERVER_URL: 'https://ghe.example.com/' }))).toBe('https://ghe.example.com/acme/shop/actions/runs/987654321');
    expect(runUrl(actionsEnv({ GITHUB_SERVER_URL: undefined }))).toBe(RUN_URL);
    expect(runUrl(actionsEnv({ GITHUB_RUN_ID: undefined }))).toBeUndefined();
  });
});

describe('createDeploymentRecord', () => {
  it('creates a deployment that neither waits for checks nor merges, then marks it in progress', async () => {
    const log = recordingLog();
    const record = await createDeploymentRecord(options({ log }));
    expect(record).toBeDefined();
    expect(record!.id).toBe(gh.deployments[0]!.id);
    expect(record!.logUrl).toBe(RUN_URL);

    expect(gh.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /repos/acme/shop/deployments 201',
      `POST /repos/acme/shop/deployments/${record!.id}/statuses 201`
    ]);
    expect(gh.requests.every((r) => r.authorization && r.userAgent?.startsWith('rollback-action/test'))).toBe(true);
    expect(gh.requests[0]!.body).toEqual({
      ref: SHA,
      environment: 'production',
      task: 'deploy:rollback',
      description: 'Rollback of app a1b2c3d4 to revision rev_abc (compose hash 1234abcd)',
      required_contexts: [],
      auto_merge: false,
      transient_environment: false,
      payload: { revision_id: 'rev_abc', compose_hash: '1234abcd' }
    });
    expect(gh.deployments[0]).toMatchObject({ sha: SHA, environment: 'production', task: 'deploy:rollback', requested: { required_contexts: [], auto_merge: false } });
    expect(gh.statuses.map((s) => [s.state, s.log_url, s.environment_url])).toEqual([['in_progress', RUN_URL, '']]);
    expect(log.warnings).toEqual([]);
    expect(log.lines).toEqual([`Recorded GitHub deployment ${record!.id} for environment 'production'.`]);
  });

  it('finishes with success, carrying the run URL and the environment URL', async () => {
    const record = await createDeploymentRecord(options({ env: actionsEnv({ GITHUB_RUN_ATTEMPT: '2' }) }));
    await record!.finish('success', 'Rolled back to revision rev_abc; health check passed.', 'https://shop.example.com');
    expect(gh.statuses.map((s) => ({ state: s.state, log_url: s.log_url, environment_url: s.environment_url, deployment_id: s.deployment_id }))).toEqual([
      { state: 'in_progress', log_url: `${RUN_URL}/attempts/2`, environment_url: '', deployment_id: record!.id },
      { state: 'success', log_url: `${RUN_URL}/attempts/2`, environment_url: 'https://shop.example.com', deployment_id: record!.id }
    ]);
    expect(gh.statuses[1]!.description).toBe('Rolled back to revision rev_abc; health check passed.');
  });

  it.each(['failure', 'error'] as const)('finishes with %s', async (state) => {
    const record = await createDeploymentRecord(options());
    await record!.finish(state, 'The rollback timed out waiting for the CVMs.');
    expect(gh.statuses.map((s) => s.state)).toEqual(['in_progress', state]);
    expect(gh.statuses[1]!.log_url).toBe(RUN_URL);
    expect(gh.requests[2]!.body).not.toHaveProperty('environment_url');
  });

  it('cuts descriptions to the 140 characters GitHub accepts', async () => {
    const long = `Rollback ${'x'.repeat(300)}`;
    const record = await createDeploymentRecord(options({ description: long }));
    await record!.finish('success', long);
    const sent = gh.requests.map((r) => (r.body as { description: string }).description);
    expect(sent.map((d) => d.length)).toEqual([140, 140, 140]);
    expect(sent[0]!.endsWith('…')).toBe(true);
    expect(gh.requests.every((r) => r.status === 201)).toBe(true);
  });

  it('defaults the environment to production and falls back to GITHUB_REF without a sha', async () => {
    await createDeploymentRecord(options({ environment: ' ', env: actionsEnv({ GITHUB_SHA: '' }) }));
    expect(gh.requests[0]!.body).toMatchObject({ ref: 'refs/heads/main', environment: 'production' });
  });

  it('sends nothing without a token', async () => {
    const log = recordingLog();
    expect(await createDeploymentRecord(options({ token: '', log }))).toBeUndefined();
    expect(gh.requests).toEqual([]);
    expect(log.warnings).toEqual([]);
  });

  it('warns and sends nothing outside GitHub Actions', async () => {
    const log = recordingLog();
    expect(await createDeploymentRecord(options({ log, env: actionsEnv({ GITHUB_REPOSITORY: undefined }) }))).toBeUndefined();
    expect(gh.requests).toEqual([]);
    expect(log.warnings).toEqual([{ title: 'GitHub deployment record', message: expect.stringContaining('GITHUB_REPOSITORY and GITHUB_SHA are not set') }]);
  });

  it('turns a 403 into one warning naming the permission, and the rollback goes on', async () => {
    gh.failNext(403);
    const log = recordingLog();
    const record = await createDeploymentRecord(options({ log }));
    expect(record).toBeUndefined();
    expect(gh.deployments).toEqual([]);
    expect(log.warnings).toEqual([
      {
        title: 'GitHub deployment record',
        message:
          'Could not create a deployment in acme/shop: GitHub answered 403 (Resource not accessible by integration). The token may not write deployments: add `permissions: deployments: write` to the job (a fine-grained token needs "Deployments: Read and write"). The rollback is unaffected; no further deployment updates are sent.'
      }
    ]);
    expect(JSON.stringify(log)).not.toContain(gh.token);
  });

  it('after a failed status update, skips later calls and finish still resolves', async () => {
    const log = recordingLog();
    const record = await createDeploymentRecord(options({ log }));
    gh.failNext(502);
    await expect(record!.finish('success', 'done')).resolves.toBeUndefined();
    await expect(record!.finish('success', 'done again')).resolves.toBeUndefined();
    expect(gh.requests.map((r) => r.status)).toEqual([201, 201, 502]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]!.message).toMatch(/^Could not set the deployment status to success: GitHub answered 502 \(Bad Gateway\)\. GitHub had a server error/);
  });

  it('keeps the record when only the in-progress status fails, and sends nothing more', async () => {
    gh.failNext(500, /\/statuses$/);
    const log = recordingLog();
    const record = await createDeploymentRecord(options({ log }));
    expect(record).toBeDefined();
    await expect(record!.finish('success', 'done')).resolves.toBeUndefined();
    expect(gh.requests.map((r) => `${r.path.endsWith('/statuses') ? 'status' : 'deployment'} ${r.status}`)).toEqual(['deployment 201', 'status 500']);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]!.message).toMatch(/^Could not set the deployment status to in_progress: GitHub answered 500 \(Server Error\)\./);
  });

  it('explains a refused token (401) without echoing it', async () => {
    const log = recordingLog();
    expect(await createDeploymentRecord(options({ log, token: 'ghs_wrong' }))).toBeUndefined();
    expect(gh.requests).toHaveLength(1);
    expect(gh.requests[0]!.authorization).toBe(false);
    expect(log.warnings[0]!.message).toContain('GitHub answered 401 (Bad credentials). The token was refused: check github_token');
    expect(log.warnings[0]!.message).not.toContain('ghs_wrong');
  });

  it('explains a 422 with GitHub’s validation detail', async () => {
    const log = recordingLog();
    const record = await createDeploymentRecord(options({ log }));
    await record!.finish('success', 'done', 'shop.example.com');
    expect(gh.requests[2]!.status).toBe(422);
    expect(log.warnings[0]!.message).toBe(
      `Could not set the deployment status to success: GitHub answered 422 (Validation Failed). environment_url: invalid. Check that commit ${SHA} is pushed to acme/shop and that 'production' is a valid environment name. The rollback is unaffected; no further deployment updates are sent.`
    );
  });

  it('does not hang the rollback when GitHub never answers', async () => {
    gh.hangNext();
    const log = recordingLog();
    const started = Date.now();
    const record = await createDeploymentRecord(options({ log, requestTimeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(record).toBeUndefined();
    expect(log.warnings[0]!.message).toBe(
      `Could not create a deployment in acme/shop: GitHub (${gh.url}) did not answer within 0.3s. The rollback is unaffected; it goes on without waiting for GitHub.`
    );
  });

  it('reports an unreachable GitHub API as a warning', async () => {
    const url = gh.url;
    await gh.close();
    gh = await startGitHubStandIn();
    const log = recordingLog();
    const record = await createDeploymentRecord(options({ log, env: actionsEnv({ GITHUB_API_URL: url }) }));
    expect(record).toBeUndefined();
    expect(log.warnings[0]!.message).toMatch(/^Could not create a deployment in acme\/shop: GitHub \(http:\/\/127\.0\.0\.1:\d+\) could not be reached: /);
  });
});

describe('startDeploymentRecord', () => {
  it('lets the rollback go on after maxWaitMs while GitHub hangs, then still sends no status for a record never created', async () => {
    gh.hangNext(/\/deployments$/);
    const log = recordingLog();
    const pending = startDeploymentRecord(options({ log, requestTimeoutMs: 600 }));
    const started = Date.now();
    await pending.opened(200);
    expect(Date.now() - started).toBeLessThan(500);
    await pending.finish('success', 'done', undefined, 2000);
    expect(gh.statuses).toEqual([]);
    expect(log.warnings).toHaveLength(1);
  });

  it('sends the final state after in_progress, once, whoever asks first', async () => {
    const pending = startDeploymentRecord(options());
    await pending.opened(2000);
    await pending.finish('error', 'Cancelled: nothing was redeployed', undefined, 2000);
    await pending.finish('success', 'Rollback completed', undefined, 2000);
    expect(gh.statuses.map((status) => `${status.state} ${status.description}`)).toEqual([
      `in_progress Rollback of app a1b2c3d4 to revision rev_abc (compose hash 1234abcd)`,
      'error Cancelled: nothing was redeployed'
    ]);
  });
});
