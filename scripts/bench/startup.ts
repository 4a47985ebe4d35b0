/**
 * Start-up: spawn of `node dist/index.js` to its first HTTP request (as the sandbox journals it),
 * against a plain Node script that sends the same first request (GET /apps/{id}/cvms, the same
 * headers) with the global `fetch`, and against `node -e 0`, all measured in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION_ROOT, runAction } from '../run-action.js';
import { startBenchSandbox } from './sandbox-setup.js';
import { median } from './stats.js';

export interface StartupResult {
  actionMs: number[];
  /** the plain-fetch script: spawn to its request's arrival */
  fetchMs: number[];
  nodeMs: number[];
  medianActionMs: number;
  medianFetchMs: number;
  medianNodeMs: number;
  /** dist/index.js, loaded before the first request */
  bundleBytes: number;
  /** the chunks dist/ loads only when a run needs them */
  chunkBytes: number;
}

/** The baseline: what a user's own script needs at least to send the action's first request. */
export const FETCH_SCRIPT = `await fetch(process.env.BENCH_URL, { headers: { 'X-API-Key': process.env.BENCH_KEY, 'X-Phala-Version': '2026-01-21', Accept: 'application/json' } }).then((r) => r.arrayBuffer());\n`;

export async function measureStartup(runs: number, latencyMs: number): Promise<StartupResult> {
  const nodeMs: number[] = [];
  const fetchMs: number[] = [];
  const actionMs: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const script = join(dir, 'first-request.mjs');
  writeFileSync(script, FETCH_SCRIPT);
  const bench = await startBenchSandbox({ historySize: 5 }, latencyMs);
  try {
    const { sandbox } = bench;
    const firstAfter = (mark: number): number => {
      const first = sandbox.requests[mark];
      if (!first) throw new Error('no request arrived');
      return first.at;
    };
    // Interleaved, so a machine that warms up or slows down affects all three alike.
    for (let i = 0; i < runs; i++) {
      // Every clock starts when spawn() has returned, the same point for all three.
      nodeMs.push(await spawnToExit(['-e', '0'], {}).then((run) => run.exitAt - run.spawnAt));
      let mark = sandbox.requests.length;
      const plain = await spawnToExit([script], { BENCH_URL: `${sandbox.url}/apps/${sandbox.scenario.appId}/cvms`, BENCH_KEY: sandbox.scenario.apiKey });
      fetchMs.push(firstAfter(mark) - plain.spawnAt);
      mark = sandbox.requests.length;
      let spawnAt = 0;
      await runAction({ app_id: sandbox.scenario.appId, api_url: sandbox.url, api_key: sandbox.scenario.apiKey, dry_run: 'true' }, { onStart: () => (spawnAt = Date.now()) });
      actionMs.push(firstAfter(mark) - spawnAt);
    }
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const dist = join(ACTION_ROOT, 'dist');
  return {
    actionMs,
    fetchMs,
    nodeMs,
    medianActionMs: median(actionMs),
    medianFetchMs: median(fetchMs),
    medianNodeMs: median(nodeMs),
    bundleBytes: statSync(join(dist, 'index.js')).size,
    chunkBytes: readdirSync(dist)
      .filter((name) => /^\d+\.index\.js$/.test(name))
      .reduce((n, name) => n + statSync(join(dist, name)).size, 0)
  };
}

function spawnToExit(args: string[], env: Record<string, string>): Promise<{ spawnAt: number; exitAt: number }> {
  const child = spawn(process.execPath, args, { stdio: 'ignore', env: { PATH: process.env.PATH ?? '', ...env } });
  const spawnAt = Date.now();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ spawnAt, exitAt: Date.now() }) : reject(new Error(`node ${args.join(' ')} exited ${code}`))));
  });
}
