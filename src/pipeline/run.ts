import type { Logger } from '../log.js';
import { describeSelector } from '../revision-selector.js';
import type { RollbackProvider } from '../providers/provider.js';
import { renderSummary, type RollbackStatus } from '../report/summary.js';
import type { Settings } from '../settings.js';
import { shortHash } from '../hash.js';
import { ActionError } from '../errors.js';
import type { RunProgress } from './progress.js';

export interface RunDeps {
  provider: RollbackProvider;
  log: Logger;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
  progress: RunProgress;
}

/**
 * The platform-neutral pipeline: resolve → trigger → wait → report. Everything it touches comes
 * in as arguments, so it is tested with a fake provider and no module mocks.
 */
export async function run(settings: Settings, deps: RunDeps): Promise<RollbackStatus> {
  const { provider, log, progress } = deps;
  progress.platform = provider.platformName;
  progress.appId = settings.appId;
  try {
    const status = await rollBack(settings, deps);
    progress.phase = 'done';
    deps.setOutput('status', status);
    await deps.writeSummary(renderSummary({ platform: provider.platformName, appId: settings.appId, plan: progress.plan, status }));
    return status;
  } catch (error) {
    const failure = error instanceof ActionError ? { title: error.title, message: error.message } : { title: 'Unexpected error', message: String(error) };
    await deps.writeSummary(renderSummary({ platform: provider.platformName, appId: settings.appId, plan: progress.plan, failure })).catch((summaryError: unknown) => {
      log.debug(`Could not write the job summary: ${String(summaryError)}`);
    });
    throw error;
  }
}

async function rollBack(settings: Settings, deps: RunDeps): Promise<RollbackStatus> {
  const { provider, log, progress } = deps;
  progress.phase = 'planning';
  log.info(`Rolling back app ${settings.appId} on ${provider.platformName} to ${describeSelector(settings.revision)}.`);

  const plan = await provider.plan();
  progress.plan = plan;
  // Set before anything is sent, so a later step has them even if the trigger fails (e.g. 465).
  deps.setOutput('revision_id', plan.revision.id);
  deps.setOutput('compose_hash', plan.revision.version);
  deps.setOutput('previous_compose_hash', plan.previousVersion);
  deps.setOutput('vm_uuids', JSON.stringify(plan.targets.map((instance) => instance.id)));

  const by = plan.revision.createdBy ? ` by ${plan.revision.createdBy}` : '';
  log.info(
    `Target: revision ${plan.revision.id}, compose hash ${plan.revision.version} (${plan.revision.operationType ?? 'revision'}${by} at ${plan.revision.createdAt}); found after reading ${plan.searched} revisions.`
  );
  log.info(`Currently running: compose hash ${plan.previousVersion || 'unknown'}. CVMs: ${plan.targets.map((i) => `${i.name} (${i.id}, ${i.status}, ${shortHash(i.version)})`).join(', ')}.`);

  for (const warning of plan.warnings) log.warning(warning, 'Check the target revision');

  if (plan.toRedeploy.length === 0) {
    log.info(`Every targeted CVM already runs compose hash ${shortHash(plan.revision.version)}: nothing to redeploy.`);
    return 'skipped';
  }
  if (settings.dryRun) {
    log.info(`Dry run: would redeploy revision ${plan.revision.id} to ${plan.toRedeploy.map((i) => i.name).join(', ')}. Nothing was sent.`);
    return 'dry_run';
  }

  progress.phase = 'triggering';
  log.info(`Redeploying revision ${plan.revision.id} to ${plan.toRedeploy.map((i) => `${i.name} (${i.id})`).join(', ')}.`);
  const outcome = await provider.trigger(plan);
  if (outcome.kind === 'already-there') {
    log.info(`Not redeployed: ${outcome.reason}.`);
    return 'skipped';
  }
  progress.phase = 'waiting';
  if (!settings.wait) {
    log.info('wait is false: the redeploy is accepted and the platform applies it on its own.');
    return 'triggered';
  }
  await provider.waitUntilDone(plan, outcome.receipt);
  log.info(`Rollback complete: ${plan.toRedeploy.length} CVM${plan.toRedeploy.length === 1 ? '' : 's'} now run compose hash ${shortHash(plan.revision.version)}.`);
  return 'completed';
}
