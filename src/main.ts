import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';
import { Deadline, systemClock } from './clock.js';
import { ActionError, InputError } from './errors.js';
import { ApiClient } from './http/api-client.js';
import { TransportError } from './http/transport-error.js';
import { getSettings } from './input-helper.js';
import { coreLogger } from './log.js';
import { describeCancellation, describeSafety, type RunProgress } from './pipeline/progress.js';
import { run } from './pipeline/run.js';
import { PHALA_API_VERSION, PhalaApi } from './providers/phala/phala-api.js';
import { createPhalaProvider } from './providers/phala/phala-provider.js';
import { renderSummary } from './report/summary.js';
import { ACTION_NAME, ACTION_VERSION } from './version.js';

/** Wires the real inputs, clock, HTTP client and GitHub output functions into the pipeline. */
export async function main(): Promise<void> {
  const progress: RunProgress = { phase: 'starting' };
  const stopCancellation = onCancellation(progress);
  let client: ApiClient | undefined;
  try {
    const settings = getSettings((name) => core.getInput(name), process.env, (secret) => core.setSecret(secret));
    const deadline = new Deadline(systemClock, settings.timeoutSeconds * 1000);
    client = new ApiClient({
      baseUrl: settings.apiUrl,
      authHeaders: { 'X-API-Key': settings.apiKey, 'X-Phala-Version': PHALA_API_VERSION },
      userAgent: `${ACTION_NAME}/${ACTION_VERSION} (+phala)`,
      deadline,
      log: coreLogger
    });
    const api = new PhalaApi(client, settings.appId, () => systemClock.now());
    const provider = createPhalaProvider(settings, { api, deadline, log: coreLogger, timeoutSeconds: settings.timeoutSeconds });
    await run(settings, {
      provider,
      log: coreLogger,
      setOutput: (name, value) => core.setOutput(name, value),
      writeSummary: async (markdown) => {
        if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
      },
      progress
    });
  } catch (error) {
    reportFailure(error, progress);
  } finally {
    stopCancellation();
    client?.dispose();
  }
}

/** Expected failures become one titled annotation; only the unexpected get a stack, and only in debug. */
function reportFailure(error: unknown, progress: RunProgress): void {
  process.exitCode = 1;
  if (error instanceof InputError) {
    core.error(error.message, { title: error.title });
    return;
  }
  if (error instanceof ActionError) {
    // Messages about the redeploy itself already say whether it happened; the rest get told here.
    const message = /redeploy/i.test(error.message) ? error.message : `${error.message}\n${describeSafety(progress)}`;
    core.error(message, { title: error.title });
    return;
  }
  if (error instanceof TransportError) {
    core.error(`${error.endpoint} got no answer (${error.code}), also after retries. Check api_url and the platform's status. ${describeSafety(progress)}`, {
      title: 'Platform unreachable'
    });
    return;
  }
  core.error(`${error instanceof Error ? error.message : String(error)}. ${describeSafety(progress)}`, { title: 'Unexpected error' });
  if (error instanceof Error && error.stack) core.debug(error.stack);
}

/**
 * The runner cancels with SIGINT, then SIGTERM. Leave promptly, saying what is still running
 * on the platform, because the engineer decides the next step from that line.
 */
function onCancellation(progress: RunProgress): () => void {
  const handler = (signal: NodeJS.Signals) => {
    const message = `${describeCancellation(progress)} (${signal})`;
    core.error(message, { title: 'Rollback cancelled' });
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile && progress.platform && progress.appId) {
      // Synchronously: the process exits on the next line and the incident record should say why.
      const failure = { title: 'Rollback cancelled', message };
      appendFileSync(summaryFile, renderSummary({ platform: progress.platform, appId: progress.appId, plan: progress.plan, failure }) + '\n');
    }
    process.exit(1);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
