/**
 * `npm start`: a real rollback against the local Phala Cloud sandbox, no account and no network.
 * Runs the committed bundle exactly as the GitHub runner would and prints what a workflow sees.
 * `npm start -- camunda` does the same on a real Camunda 7 engine (sandbox/camunda/demo.ts).
 */
import { startSandbox } from '../sandbox/phala/index.js';
import { runAction } from './run-action.js';

const platform = process.argv[2] ?? 'phala';
if (platform === 'camunda') {
  const { camundaDemo } = await import('../sandbox/camunda/demo.js');
  process.exitCode = await camundaDemo();
} else if (platform === 'phala') {
  await phalaDemo();
} else {
  console.error(`Unknown demo '${platform}': use 'npm start' (Phala Cloud) or 'npm start -- camunda'.`);
  process.exitCode = 2;
}

async function phalaDemo(): Promise<void> {
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
    const run = await runAction(
      { app_id: `app_${sandbox.scenario.appId}`, api_url: sandbox.url, revision: 'previous' },
      { env: { PHALA_CLOUD_API_KEY: sandbox.scenario.apiKey } }
    );
    // The runner hides ::debug:: lines unless debug logging is on; so does this demo.
    const shown = run.stdout.split('\n').filter((line) => process.env.RUNNER_DEBUG || !line.startsWith('::debug::'));
    process.stdout.write(shown.join('\n') + run.stderr);
    console.log('\n── step outputs ───────────────────────────────────────────');
    for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`);
    console.log('\n── job summary (GITHUB_STEP_SUMMARY) ──────────────────────');
    console.log(run.summary);
    console.log(`exit code ${run.exitCode} after ${(run.durationMs / 1000).toFixed(1)}s; redeploys accepted by the sandbox: ${sandbox.redeploys.length}`);
    console.log(`CVM now: ${sandbox.cvms().map((c) => `${c.name} ${c.status} ${c.compose_hash.slice(0, 12)}…`).join(', ')}`);
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
