/**
 * `npm start` (Phala Cloud), `npm start -- qovery` or `npm start -- camunda`: a real rollback against a local sandbox, no account and no network.
 * Runs the committed bundle exactly as the GitHub runner would and prints what a workflow sees.
 * `npm start -- camunda` does the same on a real Camunda 7 engine (sandbox/camunda/demo.ts).
 * `npm start -- gate`: rollback_when: unhealthy, a healthy app left alone, then a broken one rolled back.
 */
import { startSandbox } from '../sandbox/phala/index.js';
import { demoQovery } from './demo-qovery.js';
import { printRun } from './demo-output.js';
import { runAction } from './run-action.js';

const platform = process.argv[2] ?? 'phala';
if (platform === 'camunda') {
  const { camundaDemo } = await import('../sandbox/camunda/demo.js');
  process.exitCode = await camundaDemo();
} else if (platform === 'qovery') {
  await demoQovery();
} else if (platform === 'gate') {
  const { demoGate } = await import('./demo-gate.js');
  process.exitCode = await demoGate();
} else if (platform === 'phala') {
  await demoPhala();
} else {
  console.error(`Unknown demo '${platform}': use 'npm start' (Phala Cloud), 'npm start -- camunda', 'npm start -- qovery' or 'npm start -- gate'.`);
  process.exitCode = 2;
}

/** The default demo: a Phala Cloud rollback. */
async function demoPhala(): Promise<void> {
  const sandbox = await startSandbox({
    historySize: 1500, // more than one page of 1000, so paging is exercised
    cvms: [{ name: 'web-1' }],
    update: { startLagMs: 1500, durationMs: 3000 }
  });

  try {
    const [current, previous] = distinctHashes(sandbox.revisions().map((r) => r.compose_hash));
    console.log(`Sandbox Phala Cloud API at ${sandbox.url}`);
    console.log(`App ${sandbox.scenario.appId}: ${sandbox.revisions().length} revisions; running ${current?.slice(0, 12)}…, previous ${previous?.slice(0, 12)}…\n`);
    console.log('── action log ─────────────────────────────────────────────');
    const run = await runAction({ app_id: `app_${sandbox.scenario.appId}`, api_url: sandbox.url, revision: 'previous' }, { env: { PHALA_CLOUD_API_KEY: sandbox.scenario.apiKey } });
    printRun(run);
    console.log(`exit code ${run.exitCode} after ${(run.durationMs / 1000).toFixed(1)}s; redeploys accepted by the sandbox: ${sandbox.redeploys.length}`);
    console.log(
      `CVM now: ${sandbox
        .cvms()
        .map((c) => `${c.name} ${c.status} ${c.compose_hash.slice(0, 12)}…`)
        .join(', ')}`
    );
    process.exitCode = run.exitCode ?? 1;
  } finally {
    await sandbox.close();
  }
}

function distinctHashes(hashes: string[]): string[] {
  const seen: string[] = [];
  for (const hash of hashes.map((h) => h.toLowerCase().replace(/^0x/, ''))) if (!seen.includes(hash)) seen.push(hash);
  return seen;
}
