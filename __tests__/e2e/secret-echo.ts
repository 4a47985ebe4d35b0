import { expect } from '@jest/globals';
import type { ActionRun } from '../../scripts/run-action.js';

/**
 * What a person can read of a run, decoded: plain log lines, the message and title of every
 * workflow command (escaped by the toolkit), the job summary (HTML entities and the zero-width
 * spaces that break autolinks removed) and the outputs. The runner consumes `::add-mask::` lines
 * itself; they are the only place a secret may be written.
 */
export function readableTexts(run: ActionRun): string[] {
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const texts: string[] = [];
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    if (line.startsWith('::add-mask::')) continue;
    const command = /^::([\w-]+)(?: (.*?))?::(.*)$/.exec(line);
    if (command) texts.push(unescape(command[2] ?? ''), unescape(command[3] ?? ''));
    else texts.push(line);
  }
  texts.push(plainSummary(run.summary), ...Object.values(run.outputs));
  return texts;
}

/** The summary as a reader sees it: entities decoded, zero-width spaces gone. */
export function plainSummary(summary: string): string {
  return summary
    .replace(/&#8203;/g, '')
    .replace(/<br>/g, '\n')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * None of the forms (nor their first or second half, as a message cut short would show) is
 * readable anywhere, and the run did say something was removed (so the echo was there).
 */
export function expectNoEcho(run: ActionRun, forms: Record<string, string>): void {
  const texts = readableTexts(run);
  for (const [name, form] of Object.entries(forms)) {
    const half = Math.ceil(form.length / 2);
    for (const piece of [form, form.slice(0, half), form.slice(-half)]) {
      const leaking = texts.filter((text) => text.includes(piece));
      expect({ form: name, piece, leaking }).toEqual({ form: name, piece, leaking: [] });
    }
  }
  expect(texts.some((text) => text.includes('***'))).toBe(true);
}
