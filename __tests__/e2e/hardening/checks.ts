import { expect } from '@jest/globals';
import type { ActionRun } from '../../../scripts/run-action.js';
import { annotations } from '../helpers.js';

/** The workflow commands the action itself issues; any other `::` line was forged. */
const OWN_COMMANDS = /^::(add-mask|error|warning|notice|debug|set-output|group|endgroup)( [^:]*)?::/;

/** Every stdout line that the runner would parse as a workflow command. */
export function commandLines(run: ActionRun): string[] {
  return run.stdout.split(/\r?\n|\r/).filter((line) => /^\s*(::|##\[)/.test(line));
}

/**
 * No platform text became a workflow command: every command line is one the action issues, and
 * none of them carries a planted command as its own payload.
 */
export function expectNoForgedCommands(run: ActionRun, planted: string[]): void {
  for (const line of commandLines(run)) {
    expect(line).toMatch(OWN_COMMANDS);
    for (const text of planted) expect(line.startsWith(text)).toBe(false);
  }
  // Line breaks other than \n that a runner or viewer might honour never reach stdout raw.
  expect(run.stdout).not.toMatch(/[\r\u2028\u2029\u0085]/);
}

/** Sentences of a message: split after . ! ? and at line breaks, compared without case or spacing. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n/)
    .map((sentence) => sentence.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((sentence) => sentence.length > 0);
}

/** No sentence is said twice, and whether anything was redeployed is said once. */
export function expectNothingSaidTwice(text: string): void {
  const sentences = sentencesOf(text);
  expect(sentences.filter((sentence, i) => sentences.indexOf(sentence) !== i)).toEqual([]);
  expect(text.match(/nothing was (re)?deployed/gi)?.length ?? 0).toBeLessThanOrEqual(1);
}

export type Redeployed = 'nothing' | 'unknown' | 'accepted';
const SENTENCES: Record<Redeployed, string> = {
  nothing: 'Nothing was redeployed',
  unknown: 'may have reached Phala Cloud',
  accepted: 'was accepted'
};

/** A failed run's annotation and summary both say whether the platform was changed, and how. */
export function expectRedeployedSaid(run: ActionRun, changed: Redeployed): void {
  const [error] = annotations(run);
  expect(error).toBeDefined();
  expect(error!.message).toContain(SENTENCES[changed]);
  expectNothingSaidTwice(error!.message);
  expect(run.summary.replace(/&#39;/g, "'")).toContain(SENTENCES[changed]);
  for (const other of Object.keys(SENTENCES) as Redeployed[]) {
    if (other !== changed) expect(error!.message).not.toContain(SENTENCES[other]);
  }
}

/** A failed run: exit 1, status output 'failed', a summary that names the failure. */
export function expectFailed(run: ActionRun, title: string): void {
  expect(run.exitCode).toBe(1);
  expect(annotations(run)[0]?.title).toBe(title);
  expect(run.outputs.status).toBe('failed');
  expect(run.summary).toContain(`Failed: ${title.replace(/'/g, '&#39;')}`);
}
