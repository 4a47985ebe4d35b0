import { describe, expect, it } from '@jest/globals';
import { type GitHubStandIn } from '../../../sandbox/github/server.js';
import { commitOf } from '../../../sandbox/qovery/index.js';
import { annotations, posts, qoveryWith, rollback } from './helpers.js';
import { github, healthApp } from '../stand-ins.js';

/**
 * Issue 13 §5 on Qovery: the health check and the GitHub record obey the run as on Phala Cloud
 * (__tests__/e2e/health-and-record-bounds.test.ts): `timeout` bounds the health check, no secret
 * of health_url anywhere, a final record state on cancel, a hung GitHub never holding the deploy back.
 */

const release = (v: string) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` }, withoutVersion: ['db'] });
const FAILED_NEWEST = [release('v1'), release('v2'), { ...release('v3'), result: 'ERROR' as const }];
const workflowEnv = (standIn: GitHubStandIn) => ({ GITHUB_API_URL: standIn.url, GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: '4242', GITHUB_SHA: 'a'.repeat(40) });

describe('Qovery: timeout bounds the health check', () => {
  it('timeout: 5 with health_timeout: 20 ends within timeout, as a timeout saying the rollback completed', async () => {
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const app = await healthApp();
    app.setSteady({ status: 503 });
    const run = await rollback(sandbox, { health_url: `${app.url}/healthz`, health_timeout: '20', timeout: '5' });

    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(5000 + 1500);
    const [error] = annotations(run);
    expect(error!.title).toBe('Rollback timed out');
    expect(error!.message).toMatch(/the rollback completed on Qovery/i);
    expect(posts(sandbox)).toHaveLength(1);
  });
});

describe('Qovery: a secret in health_url', () => {
  it('never appears in the log, the summary or the environment_url sent to GitHub, even when the app echoes it', async () => {
    const secret = 'hc_QoverySecretHealthToken9';
    const standIn = await github();
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const app = await healthApp();
    app.script([{ status: 503, body: `GET /health?token=${secret} failed` }]);
    const run = await rollback(
      sandbox,
      { rollback_when: 'unhealthy', health_failures: '1', health_interval: '1', health_url: `${app.url}/health?token=${secret}`, github_token: standIn.token },
      { env: workflowEnv(standIn) }
    );

    expect(run.outputs).toMatchObject({ health_before: 'unhealthy', status: 'completed', health: 'healthy' });
    expect(run.stdout.split('\n').filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))).toEqual([]);
    expect(run.summary).not.toContain(secret);
    expect(standIn.statuses.at(-1)!).toMatchObject({ state: 'success', environment_url: `${app.url}/health` });
    expect(JSON.stringify(standIn.requests)).not.toContain(secret);
  });
});

describe('Qovery: the GitHub record', () => {
  it('a run cancelled while the deploy runs sets its deployment to error, saying what was sent, before it exits', async () => {
    const standIn = await github();
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST, deployment: { outcome: 'endless' } });
    let sent = false;
    const run = await rollback(
      sandbox,
      { github_token: standIn.token, timeout: '120' },
      {
        env: workflowEnv(standIn),
        onStart: (child) =>
          child.stdout!.on('data', (chunk: Buffer) => {
            if (!sent && chunk.toString().includes('Qovery accepted the deploy request')) {
              sent = true;
              setTimeout(() => child.kill('SIGINT'), 300);
            }
          })
      }
    );

    expect(sent).toBe(true);
    expect(run.outputs.status).toBe('cancelled');
    expect(standIn.statuses.map((status) => status.state)).toEqual(['in_progress', 'error']);
    expect(standIn.statuses[1]!.description).toMatch(/^Cancelled: /);
    expect(standIn.statuses[1]!.description).toMatch(/accepted by Qovery/);
  });

  it('a hung GitHub API holds the deploy back by a few seconds at most, as a warning', async () => {
    const standIn = await github();
    standIn.hangNext(/\/deployments$/);
    const sandbox = await qoveryWith({ executions: FAILED_NEWEST });
    const startedAt = Date.now();
    const run = await rollback(sandbox, { github_token: standIn.token }, { env: workflowEnv(standIn) });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    const deploy = posts(sandbox)[0]!;
    const lastRead = sandbox.requests.filter((request) => request.at <= deploy.at && request.method === 'GET').at(-1)!;
    expect(deploy.at - lastRead.at).toBeLessThan(3500);
    expect(deploy.at - startedAt).toBeLessThan(8000);
    expect(annotations(run, 'warning').some((warning) => warning.title === 'GitHub deployment record')).toBe(true);
  });
});
