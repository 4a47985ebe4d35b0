import { afterEach, describe, expect, it } from '@jest/globals';
import { startGitHubStandIn, type GitHubStandIn } from '../../sandbox/github/server.js';
import { annotations, H, rollback, sandboxWith } from './helpers.js';

const HASHES = [H('v1'), H('v2'), H('v3')];
const standIns: GitHubStandIn[] = [];
afterEach(async () => {
  await Promise.all(standIns.splice(0).map((standIn) => standIn.close()));
});

const workflowEnv = (github: GitHubStandIn) => ({
  GITHUB_API_URL: github.url,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_ACTOR: 'on-call'
});

describe('verification after rollback (health_url)', () => {
  it('reports healthy once the app answers as expected, and never sends the key to it', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { health_url: `${sandbox.origin}/app/health`, health_timeout: '20' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'completed', health: 'healthy' });
    const checks = sandbox.requests.filter((request) => request.path === '/app/health');
    expect(checks.length).toBeGreaterThanOrEqual(3);
    expect(checks.every((request) => !request.hadApiKey)).toBe(true);
    expect(run.summary).toContain('Health check');
  });

  it('fails within health_timeout + 5 s when the target revision is unhealthy, saying the rollback itself completed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, unhealthyHashes: [H('v2')] });
    const run = await rollback(sandbox, { health_url: `${sandbox.origin}/app/health`, health_timeout: '4' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', health: 'unhealthy' });
    const [error] = annotations(run);
    expect(error!.title).toBe('Health check failed after the rollback');
    // What is known is said, once: the rollback completed; the app did not answer as expected.
    expect(error!.message).toContain('The rollback completed on Phala Cloud: every targeted CVM runs the target revision.');
    expect(error!.message).not.toContain('may still be running');
    expect(error!.message.match(/completed/g)).toHaveLength(1);
    expect(run.summary).not.toContain('may still be running');
    expect(run.summary.split('did not answer 200-399')).toHaveLength(2);
    // The health URL stays a working link in the summary (no zero-width space to copy along).
    expect(run.summary).toContain(`<a href="${sandbox.origin}/app/health">${sandbox.origin}/app/health</a>`);
    expect(sandbox.redeploys).toHaveLength(1);
    const completedAt = sandbox.updates().at(-1)!.settledAt!;
    const lastCheck = sandbox.requests.filter((request) => request.path === '/app/health').at(-1)!;
    expect(lastCheck.at - completedAt).toBeLessThan((4 + 5) * 1000);
  });

  it("reports health 'skipped' without health_url", async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    expect((await rollback(sandbox)).outputs.health).toBe('skipped');
  });

  it('refuses a malformed health_status before any request', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { health_url: `${sandbox.origin}/app/health`, health_status: '200-abc' });
    expect(annotations(run)[0]!.title).toBe("Invalid input 'health_status'");
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('a record on GitHub (github_token)', () => {
  it('creates a deployment with required_contexts [] and auto_merge false, then in_progress → success with the run URL', async () => {
    const github = await startGitHubStandIn();
    standIns.push(github);
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { github_token: github.token, environment: 'production' }, { env: workflowEnv(github) });
    expect(run.exitCode).toBe(0);
    expect(github.deployments).toHaveLength(1);
    const body = github.requests.find((request) => request.method === 'POST' && /\/deployments$/.test(request.path))!.body as Record<string, unknown>;
    expect(body).toMatchObject({ environment: 'production', required_contexts: [], auto_merge: false });
    expect(github.statuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    for (const status of github.statuses) expect(status.log_url).toBe('https://github.com/acme/shop/actions/runs/4242');
    expect(run.summary).toContain('on-call');
    expect(run.stdout.split('\n').filter((line) => line.includes(github.token))).toEqual([`::add-mask::${github.token}`]);
    expect(github.requests.every((request) => request.authorization)).toBe(true);
  });

  it('marks the deployment failed when the rollback fails', async () => {
    const github = await startGitHubStandIn();
    standIns.push(github);
    const sandbox = await sandboxWith({ hashes: HASHES, update: { outcome: 'failed' } });
    const run = await rollback(sandbox, { github_token: github.token, timeout: '60' }, { env: workflowEnv(github) });
    expect(run.exitCode).toBe(1);
    expect(github.statuses.map((status) => status.state)).toEqual(['in_progress', 'failure']);
  });

  it('a GitHub error is a warning: the rollback itself completes', async () => {
    const github = await startGitHubStandIn();
    standIns.push(github);
    github.failNext(403);
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { github_token: github.token }, { env: workflowEnv(github) });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(annotations(run, 'warning').some((warning) => warning.title === 'GitHub deployment record' && /deployments: write/.test(warning.message))).toBe(true);
    // The summary repeats the warning: a reader of the job page sees it without opening the log.
    expect(run.summary).toMatch(/\| Warnings? \| ⚠️ GitHub deployment record: .*deployments: write/);
  });

  it('sends nothing to GitHub without a token', async () => {
    const github = await startGitHubStandIn();
    standIns.push(github);
    const sandbox = await sandboxWith({ hashes: HASHES });
    await rollback(sandbox, {}, { env: workflowEnv(github) });
    expect(github.requests).toHaveLength(0);
  });
});
