/**
 * Start-up: spawn of `node dist/index.js` to its first HTTP request (as the sandbox journals it),
 * against spawn to exit of `node -e 0` measured in the same run.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_ROOT, runAction } from '../run-action.js';
import { startBenchSandbox } from './sandbox-setup.js';
import { median } from './stats.js';

export interface StartupResult {
  actionMs: number[];
  nodeMs: number[];
  medianActionMs: number;
  medianNodeMs: number;
  bundleBytes: number;
}

export async function measureStartup(runs: number, latencyMs: number): Promise<StartupResult> {
  const nodeMs: number[] = [];
  const actionMs: number[] = [];
  const bench = await startBenchSandbox({ historySize: 5 }, latencyMs);
  try {
    const { sandbox } = bench;
    // Interleaved, so a machine that warms up or slows down affects both alike.
    for (let i = 0; i < runs; i++) {
      nodeMs.push(await nodeNoop());
      const mark = sandbox.requests.length;
      const spawnAt = Date.now();
      await runAction({ app_id: sandbox.scenario.appId, api_url: sandbox.url, api_key: sandbox.scenario.apiKey, dry_run: 'true' });
      const first = sandbox.requests[mark];
      if (!first) throw new Error('the action sent no request');
      actionMs.push(first.at - spawnAt);
    }
  } finally {
    await bench.close();
  }
  return {
    actionMs,
    nodeMs,
    medianActionMs: median(actionMs),
    medianNodeMs: median(nodeMs),
    bundleBytes: statSync(join(ACTION_ROOT, 'dist', 'index.js')).size
  };
}

function nodeNoop(): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve(Date.now() - started));
  });
}
