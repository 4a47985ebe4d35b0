import { expect } from '@jest/globals';
import type { ActionRun } from '../../../scripts/run-action.js';
import { annotations } from '../helpers.js';

export type Changed = 'nothing' | 'unknown' | 'accepted';
const SENTENCES: Record<Changed, string> = {
  nothing: 'Nothing was redeployed',
  unknown: 'may have reached Qovery',
  accepted: 'was accepted by Qovery'
};

/** A failed Qovery run's annotation and summary both say whether the environment was changed, and only that. */
export function expectChangedSaid(run: ActionRun, changed: Changed): void {
  const [error] = annotations(run);
  expect(error).toBeDefined();
  expect(error!.message).toContain(SENTENCES[changed]);
  expect(run.summary.replace(/&#39;/g, "'")).toContain(SENTENCES[changed]);
  for (const other of Object.keys(SENTENCES) as Changed[]) if (other !== changed) expect(error!.message).not.toContain(SENTENCES[other]);
}

/** A failed run: exit 1, status output 'failed', the summary names the failure. */
export function expectFailed(run: ActionRun, title: string): void {
  expect(run.exitCode).toBe(1);
  expect(annotations(run)[0]?.title).toBe(title);
  expect(run.outputs.status).toBe('failed');
  expect(run.summary).toContain(`Failed: ${title.replace(/'/g, '&#39;')}`);
}
