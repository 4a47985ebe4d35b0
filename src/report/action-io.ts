import { appendFileSync } from 'node:fs';
import * as runner from './runner-commands.js';
import type { Logger } from '../log.js';
import { checkOutput } from './outputs.js';
import type { Secrets } from './redact.js';
import { safeAnnotation, safeLogLine, safeTitle } from './safe-text.js';

/**
 * Everything the action says to the runner goes through here: log lines, annotations, outputs
 * and the job summary. This is where untrusted text is made safe and secrets are removed, once,
 * instead of at every call site.
 */
export interface ActionIO {
  log: Logger;
  error(message: string, title: string): void;
  /** Validates the value for that output first; throws ActionError naming the output if malformed. */
  setOutput(name: string, value: string): void;
  /** Appends to the job summary synchronously (a cancellation exits right after). */
  writeSummary(markdown: string): void;
  /** Every warning given so far (secrets removed), for the job summary to repeat. */
  warnings(): ReadonlyArray<{ title?: string; message: string }>;
}

export function createActionIO(secrets: Secrets, env: NodeJS.ProcessEnv = process.env): ActionIO {
  const set = new Map<string, string>();
  const warnings: Array<{ title?: string; message: string }> = [];
  return {
    log: {
      info: (message) => runner.info(safeLogLine(message, secrets)),
      warning: (message, title) => {
        warnings.push({ title: title === undefined ? undefined : secrets.redact(title), message: secrets.redact(message) });
        runner.warning(safeAnnotation(message, secrets), title ? safeTitle(title, secrets) : undefined);
      },
      debug: (message) => runner.debug(safeLogLine(message, secrets))
    },
    error: (message, title) => runner.error(safeAnnotation(message, secrets), safeTitle(title, secrets)),
    setOutput: (name, value) => {
      const checked = checkOutput(name, value);
      if (secrets.redact(checked) !== checked) {
        throw new Error(`refused to set output '${name}': it contains a secret`);
      }
      if (set.get(name) === checked) return;
      set.set(name, checked);
      runner.setOutput(name, checked, env);
    },
    writeSummary: (markdown) => {
      const file = env.GITHUB_STEP_SUMMARY;
      if (file) appendFileSync(file, `${secrets.redact(markdown)}\n`);
    },
    warnings: () => [...warnings]
  };
}
