import type { ActionRun } from './run-action.js';
import { renderWorkflowLog } from './workflow-log.js';

/** What a workflow run shows of one step: its log (as the Actions UI renders it), outputs and summary. */
export function printRun(run: ActionRun): void {
  process.stdout.write(`${renderWorkflowLog(run.stdout, { debug: Boolean(process.env.RUNNER_DEBUG) })}${run.stderr}`);
  console.log('\n── step outputs ───────────────────────────────────────────');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`);
  console.log('\n── job summary (GITHUB_STEP_SUMMARY) ──────────────────────');
  console.log(run.summary);
}
