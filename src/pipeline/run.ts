import { ActionError } from '../errors.js';
import type { Logger } from '../log.js';
import { describeSelector } from '../revision-selector.js';
import type { RollbackPlan, RollbackProvider, TriggerTracker, WaitTracker } from '../providers/provider.js';
import { count } from '../report/count.js';
import type { RollbackStatus } from '../report/outputs.js';
import type { Settings } from '../settings.js';
import type { HealthBefore, RunProgress } from './progress.js';

/** After the platform reports completion: an optional health check of the app. */
export type Verifier = (plan: RollbackPlan) => Promise<{ state: 'healthy' | 'unhealthy'; detail: string }>;

/**
 * Probes the app before anything is read from or sent to the platform. `soFar` hears of the URL
 * and each probe as they come, so a run that ends before the verdict still shows them.
 */
export type Gate = (soFar: (before: HealthBefore) => void) => Promise<HealthBefore>;

export interface RunDeps {
  provider: RollbackProvider;
  log: Logger;
  /** Validated on the way out; throws for a malformed value. */
  setOutput(name: string, value: string): void;
  progress: RunProgress;
  verify?: Verifier;
  /** rollback_when: unhealthy. Runs first; a healthy verdict ends the run as skipped. */
  gate?: Gate;
  /** Called once, just before the redeploy is sent (e.g. to open a GitHub deployment record). */
  beforeTrigger?: (plan: RollbackPlan) => Promise<void>;
}

const short = (version: string) => (/^[0-9a-f]{64}$/.test(version) ? version.slice(0, 12) : version);

/**
 * The platform-neutral pipeline: resolve → trigger → wait → verify. Everything it touches comes
 * in as arguments, so it is tested with a fake provider and no module mocks. Returns the status
 * it ended with; throws ActionError for an explained failure (the caller reports it).
 */
export async function run(settings: Settings, deps: RunDeps): Promise<RollbackStatus> {
  const { provider, log, progress } = deps;
  const v = provider.vocabulary;
  progress.vocabulary = v;
  progress.appId = settings.appId;
  if (deps.gate) {
    progress.phase = 'probing';
    const before = await deps.gate((soFar) => (progress.healthBefore = soFar));
    progress.healthBefore = before;
    deps.setOutput('health_before', before.state);
    if (before.state === 'healthy') return finish(deps, 'skipped');
  }
  progress.phase = 'planning';
  log.info(`Rolling back ${v.app.toLowerCase()} ${settings.appId || '(by revision id)'} on ${v.platform} to ${describeSelector(settings.revision)}.`);

  const plan = await provider.plan();
  progress.plan = plan;
  // Set before anything is sent, so a later step has them even if the trigger fails (e.g. 465).
  deps.setOutput('revision_id', plan.revision.id);
  for (const [name, value] of Object.entries(plan.outputs)) deps.setOutput(name, value);
  deps.setOutput('console_url', plan.consoleUrl);

  const by = plan.revision.createdBy ? ` by ${plan.revision.createdBy}` : '';
  log.info(
    `Target: revision ${plan.revision.id}, ${v.version} ${plan.revision.version} (${plan.revision.operationType ?? 'revision'}${by} at ${plan.revision.createdAt}); found after reading ${count(plan.searched, 'history entry', 'history entries')}.`
  );
  log.info(
    `Currently running: ${v.version} ${plan.previousVersion || 'unknown'}. ${v.instances.charAt(0).toUpperCase()}${v.instances.slice(1)}: ${
      plan.targets.map((i) => `${i.name} (${i.id}, ${i.status}${i.version ? `, ${short(i.version)}` : ''})`).join(', ') || 'none'
    }.`
  );
  for (const warning of plan.warnings) log.warning(warning, 'Check the target revision');

  if (plan.toRedeploy.length === 0) {
    log.info(`Every targeted ${v.instance} already runs the target revision: nothing to redeploy.`);
    return finish(deps, 'skipped');
  }
  if (settings.dryRun) {
    log.info(`Dry run: the ${v.redeploy} of revision ${plan.revision.id} to ${plan.toRedeploy.map((i) => i.name).join(', ')} was not sent.`);
    return finish(deps, 'dry_run');
  }

  await deps.beforeTrigger?.(plan);
  progress.phase = 'triggering';
  log.info(`Sending the ${v.redeploy} of revision ${plan.revision.id} to ${plan.toRedeploy.map((i) => `${i.name} (${i.id})`).join(', ')}.`);
  const tracker: TriggerTracker = {
    mark: (state) => {
      progress.changed = state;
      if (state !== 'nothing') progress.waitingToSend = undefined;
    },
    waitingToSend: (what) => {
      progress.waitingToSend = what;
    }
  };
  const outcome = await provider.trigger(plan, tracker);
  progress.waitingToSend = undefined;
  if (outcome.kind === 'already-there') {
    log.info(`Not redeployed: ${outcome.reason}.`);
    return finish(deps, 'skipped');
  }
  progress.changed = 'accepted';
  for (const [name, value] of Object.entries(outcome.receipt.outputs ?? {})) {
    deps.setOutput(name, value);
    if (value) progress.extra.push([name, value]);
  }
  progress.phase = 'waiting';
  if (!settings.wait) {
    log.info(`wait is false: the ${v.redeploy} is accepted and ${v.platform} applies it on its own.`);
    return finish(deps, 'triggered');
  }
  const waitTracker: WaitTracker = { pending: (description) => void (progress.pending = description) };
  await provider.waitUntilDone(plan, outcome.receipt, waitTracker);
  progress.outcome = 'completed';
  log.info(`Rollback complete: ${count(plan.toRedeploy.length, v.instance, v.instances)} now run${plan.toRedeploy.length === 1 ? 's' : ''} revision ${plan.revision.id}.`);

  if (deps.verify) {
    progress.phase = 'verifying';
    const health = await deps.verify(plan);
    progress.health = health;
    deps.setOutput('health', health.state);
    if (health.state === 'unhealthy') {
      // The closing sentence (outcome 'completed') says the rollback itself completed; this says what did not.
      throw new ActionError('Health check failed after the rollback', `The app did not answer as expected after the rollback: ${health.detail}`, {
        changed: 'accepted',
        outcome: 'completed'
      });
    }
  }
  return finish(deps, 'completed');
}

function finish(deps: RunDeps, status: RollbackStatus): RollbackStatus {
  if (!deps.progress.health) deps.setOutput('health', 'skipped');
  deps.setOutput('health_before', deps.progress.healthBefore?.state ?? 'not_checked');
  deps.progress.phase = 'done';
  deps.progress.status = status;
  deps.setOutput('status', status);
  return status;
}
