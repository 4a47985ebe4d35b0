import { describe, expect, it } from '@jest/globals';
import { type GitHubStandIn } from '../../sandbox/github/server.js';
import { annotations, H, requestsTo, rollback, sandboxWith } from './helpers.js';
import { github, healthApp } from './stand-ins.js';

/**
 * Issue 13 §5: the health check and the GitHub deployment record obey the run — bounded by
 * `timeout`, no secret of health_url anywhere, a final record state on cancel, a hung GitHub API
 * never holding the rollback back. Through dist/ against the Phala sandbox and the GitHub stand-in.
 */

const HASHES = [H('v1'), H('v2'), H('v3')];
const workflowEnv = (standIn: GitHubStandIn) => ({
  GITHUB_API_URL: standIn.url,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: 'a'.repeat(40)
});

describe('timeout bounds the health check', () => {
  it('timeout: 5 with health_timeout: 20 ends within timeout, as a timeout saying the rollback completed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, unhealthyHashes: [H('v2')] });
    const run = await rollback(sandbox, { health_url: `${sandbox.origin}/app/health`, health_timeout: '20', timeout: '5' });

    expect(run.exitCode).toBe(1);
    // 5 s of budget, plus the process starting and reporting (slower while the suite's files share the cores).
    expect(run.durationMs).toBeLessThan(5000 + 3000);
    const [error] = annotations(run);
    expect(error!.title).toBe('Rollback timed out');
    // The rollback itself completed: said once, in the closing sentence, never "may still be running".
    expect(error!.message).toContain('The rollback completed on Phala Cloud: every targeted CVM runs the target revision.');
    expect(error!.message).not.toContain('may still be running');
    expect(sandbox.redeploys).toHaveLength(1);
  });
});

describe('a secret in health_url', () => {
  it('never appears in the log, an annotation, the summary or the environment_url sent to GitHub, even when the app echoes it', async () => {
    const secret = 'hc_Sup3rS3cretHealthToken42';
    const standIn = await github();
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    // The app is down at first and echoes the request in its error body, as some frameworks do.
    app.script([{ status: 503, body: `GET /health?token=${secret}&region=eu failed` }]);
    const run = await rollback(
      sandbox,
      { rollback_when: 'unhealthy', health_failures: '1', health_interval: '1', health_url: `${app.url}/health?token=${secret}&region=eu`, github_token: standIn.token },
      { env: workflowEnv(standIn) }
    );

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ health_before: 'unhealthy', status: 'completed', health: 'healthy' });
    expect(app.requests[0]!.path).toBe(`/health?token=${secret}&region=eu`);
    expect(app.requests.every((request) => !request.hadCredential)).toBe(true);
    const leaks = run.stdout.split('\n').filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'));
    expect(leaks).toEqual([]);
    expect(run.summary).not.toContain(secret);
    expect(run.summary).toMatch(/token=(\*\*\*|&#42;&#42;&#42;)/);
    expect(JSON.stringify(Object.values(run.outputs))).not.toContain(secret);
    const final = standIn.statuses.at(-1)!;
    expect(final.state).toBe('success');
    expect(final.environment_url).toBe(`${app.url}/health`);
    expect(JSON.stringify(standIn.requests)).not.toContain(secret);
  });

  it('user info in health_url is refused before any request, without echoing the password', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { health_url: 'https://monitor:pa55-w0rd-x@app.example.com/health' });
    expect(annotations(run)[0]!.title).toBe("Invalid input 'health_url'");
    expect(run.stdout.split('\n').filter((line) => line.includes('pa55-w0rd-x') && !line.startsWith('::add-mask::'))).toEqual([]);
    expect(run.summary).not.toContain('pa55-w0rd-x');
    expect(sandbox.requests).toEqual([]);
  });
});

describe('the GitHub record on cancel', () => {
  it('a run cancelled while the rollback runs sets its deployment to error, saying what was sent, before it exits', async () => {
    const standIn = await github();
    const sandbox = await sandboxWith({ hashes: HASHES, update: { outcome: 'endless' } });
    const run = await rollback(
      sandbox,
      { github_token: standIn.token, timeout: '120' },
      {
        env: workflowEnv(standIn),
        onStart: (child) => {
          let sent = false;
          child.stdout!.on('data', (chunk: Buffer) => {
            if (!sent && chunk.toString().includes('accepted the redeploy')) {
              sent = true;
              setTimeout(() => child.kill('SIGINT'), 300);
            }
          });
        }
      }
    );

    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('cancelled');
    expect(standIn.statuses.map((status) => status.state)).toEqual(['in_progress', 'error']);
    expect(standIn.statuses[1]!.description).toMatch(/^Cancelled: The redeploy was accepted by Phala Cloud/);
  });
});

describe('a slow or hung GitHub API', () => {
  it('holds the rollback back by a few seconds at most: the record is best effort, its failure a warning', async () => {
    const standIn = await github();
    standIn.hangNext(/\/deployments$/);
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { github_token: standIn.token }, { env: workflowEnv(standIn) });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    // The redeploy went out at most ~3 s after the plan was read, although GitHub never answered.
    const redeploy = requestsTo(sandbox, 'POST', /\/redeploy$/)[0]!;
    const lastRead = sandbox.requests.filter((request) => request.at <= redeploy.at && request.method === 'GET').at(-1)!;
    expect(redeploy.at - lastRead.at).toBeLessThan(3500);
    expect(redeploy.at - lastRead.at).toBeGreaterThanOrEqual(2500);
    expect(annotations(run, 'warning').some((warning) => warning.title === 'GitHub deployment record' && /did not answer within 4s/.test(warning.message))).toBe(true);
  });

  it('a hung in_progress status does not keep the final state from being sent', async () => {
    const standIn = await github();
    standIn.hangNext(/\/statuses$/);
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { github_token: standIn.token }, { env: workflowEnv(standIn) });

    expect(run.exitCode).toBe(0);
    expect(standIn.statuses.map((status) => status.state)).toEqual(['success']);
  });
});

describe('a GitHub API that hangs on the final state', () => {
  it('holds the end of a completed run by a few seconds at most, and the run still completes', async () => {
    const standIn = await github();
    const sandbox = await sandboxWith({ hashes: HASHES });
    let completeAt = 0;
    const startedAt = Date.now();
    const run = await rollback(
      sandbox,
      { github_token: standIn.token },
      {
        env: workflowEnv(standIn),
        onStart: (child) =>
          child.stdout!.on('data', (chunk: Buffer) => {
            if (!completeAt && chunk.toString().includes('Rollback complete')) {
              completeAt = Date.now();
              // in_progress is in by now; the success status that follows never gets an answer.
              standIn.hangNext(/\/statuses$/);
            }
          })
      }
    );

    expect(completeAt).toBeGreaterThan(0);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('completed');
    expect(startedAt + run.durationMs - completeAt).toBeLessThan(5500);
    expect(standIn.statuses.map((status) => status.state)).toEqual(['in_progress']);
  });

  it('a cancelled run whose final state hangs still exits within a few seconds of the signal', async () => {
    const standIn = await github();
    const sandbox = await sandboxWith({ hashes: HASHES, update: { outcome: 'endless' } });
    let killedAt = 0;
    const startedAt = Date.now();
    const run = await rollback(
      sandbox,
      { github_token: standIn.token, timeout: '120' },
      {
        env: workflowEnv(standIn),
        onStart: (child) =>
          child.stdout!.on('data', (chunk: Buffer) => {
            if (!killedAt && chunk.toString().includes('accepted the redeploy')) {
              killedAt = Date.now();
              standIn.hangNext(/\/statuses$/);
              setTimeout(() => child.kill('SIGINT'), 300);
            }
          })
      }
    );

    expect(killedAt).toBeGreaterThan(0);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('cancelled');
    // The runner sends SIGTERM about 7.5 s after SIGINT: the report is written well before that.
    expect(startedAt + run.durationMs - killedAt).toBeLessThan(300 + 4500);
  });
});
