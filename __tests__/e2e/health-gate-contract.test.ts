import { createServer, type Server } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { runAction } from '../../scripts/run-action.js';
import { type GitHubStandIn } from '../../sandbox/github/server.js';
import { annotations, H, logLines, rollback, sandboxWith } from './helpers.js';
import { github, healthApp, closeAfterTest } from './stand-ins.js';

/**
 * Issue 18 read as an outside check would read it: the sentences of the contract that
 * health-gate.test.ts does not already pin, and the hostile cases (a body that tries to be a
 * workflow command or Markdown, a redirect, odd inputs, a secret in the URL). Through dist/
 * against the Phala sandbox, a stand-in app and the GitHub stand-in.
 */

const HASHES = [H('v1'), H('v2'), H('v3')];
const workflowEnv = (standIn: GitHubStandIn) => ({ GITHUB_API_URL: standIn.url, GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: '7', GITHUB_SHA: 'a'.repeat(40) });
const gate = (url: string, more: Record<string, string> = {}) => ({ rollback_when: 'unhealthy', health_url: url, health_interval: '1', ...more });
/** Workflow commands the runner would act on: every line that starts with `::`. */
const commands = (stdout: string) => stdout.split('\n').filter((line) => /^\s*::/.test(line));

describe('the defaults action.yml declares', () => {
  it('health_failures 3 and health_interval 10 s: a steady failure is probed 10 s apart, three times before the rollback', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady({ status: 503 });
    // 12 s of budget: the first two probes fit (0 s, 10 s), the third (20 s) cannot start in time.
    const run = await rollback(sandbox, { rollback_when: 'unhealthy', health_url: `${app.url}/healthz`, timeout: '12' });

    expect(logLines(run).some((line) => line.includes('unhealthy after 3 failed probes in a row, 10 s apart'))).toBe(true);
    expect(app.requests).toHaveLength(2);
    expect(app.requests[1]!.at - app.requests[0]!.at).toBeGreaterThanOrEqual(9500);
    expect(annotations(run)[0]!.title).toBe('Rollback timed out');
    expect(annotations(run)[0]!.message).toMatch(/2 failed probes so far, 3 in a row needed/);
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  }, 30_000);
});

describe('rollback_when and the gate inputs are refused before any request', () => {
  it.each([
    ['health_failures', '0'],
    ['health_failures', 'abc'],
    ['health_failures', '-1'],
    ['health_failures', '2.5'],
    ['health_failures', '101'],
    ['health_interval', '0'],
    ['health_interval', '0.5'],
    ['health_interval', '601'],
    ['health_interval', 'ten']
  ])('%s: %s', async (input, value) => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    const run = await rollback(sandbox, gate(`${app.url}/healthz`, { [input]: value }));

    expect(run.exitCode).toBe(1);
    expect(annotations(run).map((a) => a.title)).toEqual([`Invalid input '${input}'`]);
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(app.requests).toEqual([]);
    expect(sandbox.requests).toEqual([]);
  });

  it.each(['sometimes', 'true', 'unhealthy,always'])("rollback_when: '%s' is refused, naming the two values", async (value) => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { rollback_when: value });
    const [error] = annotations(run);
    expect(error!.title).toBe("Invalid input 'rollback_when'");
    expect(error!.message).toMatch(/'always'.*'unhealthy'/);
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  });

  it('rollback_when is read regardless of case, as the runner reads booleans: UNHEALTHY means unhealthy', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    const run = await rollback(sandbox, { ...gate(`${app.url}/healthz`), rollback_when: 'UNHEALTHY' });
    expect(run.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy' });
    expect(sandbox.requests).toEqual([]);
  });

  it('an empty health_url with rollback_when: unhealthy is the same input error as a missing one', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { rollback_when: 'unhealthy', health_url: '   ' });
    expect(annotations(run)[0]!.title).toBe("Invalid input 'health_url'");
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  });
});

describe('health_before on every ending', () => {
  it('unhealthy, then the platform refuses: failed, and health_before still says unhealthy', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady({ status: 503 });
    const run = await rollback(sandbox, { ...gate(`${app.url}/healthz`, { health_failures: '1' }), api_key: 'phak_wrong' });

    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'unhealthy' });
    expect(run.summary).toMatch(/unhealthy: 1 failed probe in a row/);
  });

  it('unhealthy, then cancelled during the rollback: cancelled, and health_before still says unhealthy', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, update: { outcome: 'endless' } });
    const app = await healthApp();
    app.script([{ status: 503 }]);
    let sent = false;
    const run = await rollback(sandbox, gate(`${app.url}/healthz`, { health_failures: '1', timeout: '120' }), {
      onStart: (child) =>
        child.stdout!.on('data', (chunk: Buffer) => {
          if (!sent && chunk.toString().includes('accepted the redeploy')) {
            sent = true;
            setTimeout(() => child.kill('SIGINT'), 300);
          }
        })
    });
    expect(sent).toBe(true);
    expect(run.outputs).toMatchObject({ status: 'cancelled', health_before: 'unhealthy' });
  });

  it('rollback_when: always that fails says not_checked', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { api_key: 'phak_wrong' });
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
  });
});

describe('what a failed probe shows, made safe', () => {
  it('a body that tries to be a workflow command, HTML or a Markdown link stays inert in the log and the summary', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.script([
      { status: 503, body: '::error title=pwned::rolled back by the app\n::set-output name=status::completed' },
      { status: 500, body: '<img src=x onerror=alert(1)> [login](https://evil.example/phish) | col | <!-- \u001b[31mred' },
      { status: 502, body: '\n\n##[error]legacy command' }
    ]);
    const run = await rollback(sandbox, gate(`${app.url}/healthz`, { health_failures: '3', dry_run: 'true' }));

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'dry_run', health_before: 'unhealthy' });
    // The only workflow commands are the action's own (no error, no output set by the body).
    expect(commands(run.stdout).filter((line) => !line.startsWith('::debug::') && !line.startsWith('::add-mask::'))).toEqual([]);
    expect(run.stdout).not.toMatch(/^##\[/m);
    // Each failed probe in the log: status, latency and the body's first line, and only its first.
    const probeLines = logLines(run).filter((line) => /^Probe \d of /.test(line));
    expect(probeLines).toHaveLength(3);
    expect(probeLines[0]).toMatch(/answered 503 in \d+ ms, expected 200-399: "::error title=pwned::rolled back by the app"/);
    expect(run.stdout).not.toContain('set-output');
    expect(probeLines[1]).toMatch(/answered 500 in \d+ ms/);
    expect(probeLines[1]).not.toContain('\u001b');
    expect(probeLines[2]).toMatch(/answered 502 in \d+ ms, expected 200-399: "##\[error\]legacy command"/);
    // In the summary: the same probes, none of it live HTML or a link.
    expect(run.summary).toMatch(/answered 503 in \d+ ms/);
    expect(run.summary).toMatch(/answered 500 in \d+ ms/);
    expect(run.summary).toMatch(/answered 502 in \d+ ms/);
    expect(run.summary).not.toContain('<img');
    expect(run.summary).not.toContain('<!--');
    expect(run.summary).not.toMatch(/\]\(https:\/\/evil/);
    expect(run.summary).not.toContain('\u001b');
    expect(run.summary).not.toContain('set-output');
  });

  it('a redirect is judged as the check after the rollback judges it: not followed to another origin, its own status decides', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    const elsewhere = await healthApp();
    app.setSteady({ status: 302, body: 'moved', headers: { Location: `${elsewhere.url}/login` } });
    // health_status 200: the 302 is a failed probe; with the default 200-399 it would be healthy.
    const run = await rollback(sandbox, gate(`${app.url}/healthz`, { health_status: '200', health_failures: '2', dry_run: 'true' }));

    expect(run.outputs).toMatchObject({ status: 'dry_run', health_before: 'unhealthy' });
    expect(elsewhere.requests).toEqual([]);
    expect(run.summary).toMatch(/answered 302 in \d+ ms, expected 200/);

    const defaults = await rollback(sandbox, gate(`${app.url}/healthz`));
    expect(defaults.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy' });
    expect(elsewhere.requests).toEqual([]);
  });

  it('a same-origin redirect is followed, as after the rollback', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.script([{ status: 301, body: '', headers: { Location: '/healthz/' } }, { status: 200 }]);
    const run = await rollback(sandbox, gate(`${app.url}/healthz`, { health_status: '200' }));
    expect(run.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy' });
    expect(app.requests.map((request) => request.path)).toEqual(['/healthz', '/healthz/']);
  });
});

describe('a healthy app', () => {
  it('with a token in the query: the log and summary show the URL with the token hidden, no GitHub record, no credential sent', async () => {
    const secret = 'tok_9f8e7d6c5b4a3210fedcba';
    const standIn = await github();
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    const run = await rollback(sandbox, { ...gate(`${app.url}/healthz?access_token=${secret}`), github_token: standIn.token }, { env: workflowEnv(standIn) });

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy', health: 'skipped' });
    expect(app.requests).toHaveLength(1);
    expect(app.requests[0]!.hadCredential).toBe(false);
    expect(standIn.requests).toEqual([]);
    expect(sandbox.requests).toEqual([]);
    expect(run.stdout.split('\n').filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))).toEqual([]);
    expect(run.summary).not.toContain(secret);
    expect(run.summary).toContain(`\`${app.url}/healthz?access_token=***\``);
    // What the log and the summary say about the healthy answer.
    expect(logLines(run).some((line) => /answered healthy at .*\(status 200 in \d+ ms\).*nothing was rolled back/.test(line))).toBe(true);
    expect(run.summary).toMatch(/nothing was rolled back/);
    expect(run.summary).toMatch(/answered 200 in \d+ ms/);
  });

  it('user info in health_url is refused even with rollback_when: unhealthy, and the password appears nowhere', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, gate('http://probe:s3cr3t-Pa55@127.0.0.1:9/healthz'));
    expect(annotations(run)[0]!.title).toBe("Invalid input 'health_url'");
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(run.stdout.split('\n').filter((line) => line.includes('s3cr3t-Pa55') && !line.startsWith('::add-mask::'))).toEqual([]);
    expect(run.summary).not.toContain('s3cr3t-Pa55');
    expect(sandbox.requests).toEqual([]);
  });
});

describe('an unhealthy app with a GitHub record', () => {
  it('the record is opened only after the verdict, and ends success once the app recovered', async () => {
    const standIn = await github();
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.script([{ status: 503 }, { status: 503 }]);
    const run = await rollback(
      sandbox,
      { ...gate(`${app.url}/healthz`, { health_failures: '2', health_timeout: '20' }), github_token: standIn.token },
      { env: workflowEnv(standIn) }
    );

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'completed', health_before: 'unhealthy', health: 'healthy' });
    expect(standIn.deployments).toHaveLength(1);
    expect(standIn.statuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    expect(standIn.statuses.at(-1)!.environment_url).toBe(`${app.url}/healthz`);
  });
});

describe('a run that ends before the verdict still shows what was probed', () => {
  it('timeout after two failed probes: the summary gives the URL (secret hidden) and both probes', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady({ status: 503, body: 'db down' });
    const run = await rollback(sandbox, gate(`${app.url}/healthz?key=k3y-Secret-77`, { timeout: '2' }));

    expect(annotations(run)[0]!.title).toBe('Rollback timed out');
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(run.summary).toContain(`\`${app.url}/healthz?key=***\``);
    expect(run.summary).toMatch(/no verdict: [12] failed probes? so far/);
    expect(run.summary).toMatch(/1\. \S+: answered 503 in \d+ ms, expected 200-399: &quot;db down&quot;/);
    expect(run.summary).not.toContain('k3y-Secret-77');
    expect(sandbox.requests).toEqual([]);
  });

  it('cancelled while the first probe hangs: the summary gives the URL probed', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady('hang');
    const run = await rollback(sandbox, gate(`${app.url}/healthz`), {
      onStart: (child) => {
        let probing = false;
        child.stdout!.on('data', (chunk: Buffer) => {
          if (!probing && chunk.toString().includes('rollback_when is unhealthy: probing')) {
            probing = true;
            setTimeout(() => child.kill('SIGINT'), 300);
          }
        });
      }
    });
    expect(run.outputs).toMatchObject({ status: 'cancelled', health_before: 'not_checked' });
    expect(run.summary).toContain(`\`${app.url}/healthz\``);
    expect(run.summary).toMatch(/no verdict: 0 failed probes so far/);
  });

  it('a body whose first line ends in a next-line character (U+0085) shows only that first line', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady({ status: 500, body: 'first\u0085::error::second' });
    const run = await rollback(sandbox, gate(`${app.url}/healthz`, { health_failures: '1', dry_run: 'true' }));
    expect(run.outputs).toMatchObject({ status: 'dry_run', health_before: 'unhealthy' });
    expect(run.summary).toContain('expected 200-399: &quot;first&quot;');
    expect(run.summary).not.toContain('second');
    expect(run.stdout).not.toContain('second');
  });
});

describe('a probe that hangs longer than timeout', () => {
  it('with rollback_when: unhealthy and the default health_failures: ends within timeout as a timeout, nothing read or sent', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const app = await healthApp();
    app.setSteady('hang');
    const run = await rollback(sandbox, { rollback_when: 'unhealthy', health_url: `${app.url}/healthz`, timeout: '3' });

    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(3000 + 2500);
    const [error] = annotations(run);
    expect(error!.title).toBe('Rollback timed out');
    expect(error!.message).toContain('Nothing was read from or sent to Phala Cloud');
    expect(error!.message).toContain('0 failed probes so far (probe 1 had no answer yet)');
    expect(run.summary).toContain('Nothing was read from or sent to Phala Cloud');
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(sandbox.requests).toEqual([]);
  });
});

describe('Camunda 7 too: the gate runs before anything reaches the engine', () => {
  /**
   * The engine is a bare TCP listener that counts connections: the gate must decide without one,
   * so no real engine is needed to show that none is asked.
   */
  async function engine(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
    let count = 0;
    const server: Server = createServer((socket) => {
      count++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const handle = { url: `http://127.0.0.1:${port}/engine-rest`, connections: () => count, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    return closeAfterTest(handle);
  }

  it('a healthy app: skipped, health_before healthy, the engine never contacted', async () => {
    const camunda = await engine();
    const app = await healthApp();
    const run = await runAction({ provider: 'camunda', api_url: camunda.url, app_id: 'invoice', ...gate(`${app.url}/healthz`) });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'skipped', health_before: 'healthy', health: 'skipped' });
    expect(run.summary).toContain('nothing was rolled back');
    expect(camunda.connections()).toBe(0);
  });

  it('no verdict within timeout: a timeout saying nothing was read from or sent to Camunda 7', async () => {
    const camunda = await engine();
    const app = await healthApp();
    app.setSteady('hang');
    const run = await runAction({ provider: 'camunda', api_url: camunda.url, app_id: 'invoice', ...gate(`${app.url}/healthz`, { timeout: '2' }) });
    expect(annotations(run)[0]!.title).toBe('Rollback timed out');
    expect(annotations(run)[0]!.message).toContain('Nothing was read from or sent to Camunda 7');
    expect(run.outputs).toMatchObject({ status: 'failed', health_before: 'not_checked' });
    expect(camunda.connections()).toBe(0);
  });
});
