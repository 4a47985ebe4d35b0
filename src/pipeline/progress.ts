import type { Changed, Outcome } from '../errors.js';
import type { RollbackPlan, Vocabulary } from '../providers/provider.js';
import type { RollbackStatus } from '../report/outputs.js';

/** What the probes before the rollback found (rollback_when: unhealthy). */
export interface HealthBefore {
  /** not_checked while probing, and for a run that ended (timeout, cancel) before a verdict. */
  state: 'healthy' | 'unhealthy' | 'not_checked';
  /** The probed URL, secrets hidden. */
  url: string;
  /** One line per probe (status, latency, first line of the body, or why unreachable). */
  probes: string[];
}

/**
 * How far the run got. Updated by the pipeline and read by the cancellation handler and the
 * failure report, because "was anything redeployed?" decides whether re-running is safe.
 */
export interface RunProgress {
  phase: 'starting' | 'probing' | 'planning' | 'triggering' | 'waiting' | 'verifying' | 'done';
  /** Whether the platform was changed by this run, as far as known. */
  changed: Changed;
  /** How the accepted rollback ended on the platform, once known (undefined: may still be running). */
  outcome?: Outcome;
  vocabulary?: Vocabulary;
  appId?: string;
  plan?: RollbackPlan;
  /** The status the run ended with, once it has one. */
  status?: RollbackStatus;
  /** While a 409 is waited out: the operation that blocks (nothing sent yet). */
  waitingToSend?: string;
  /** While waiting: what is still pending. */
  pending?: string;
  /** Summary rows learnt after the trigger (e.g. the deployment the redeploy created). */
  extra: Array<[string, string]>;
  health?: { state: 'healthy' | 'unhealthy' | 'skipped'; detail?: string };
  /** rollback_when: unhealthy: the probes so far, then the verdict. */
  healthBefore?: HealthBefore;
}

export function newProgress(): RunProgress {
  return { phase: 'starting', changed: 'nothing', extra: [] };
}

/**
 * What a cancellation leaves behind, in one sentence the engineer can act on. Whether anything was
 * changed is not repeated here: the closing sentence (changedSentence) says it.
 */
export function describeCancellation(progress: RunProgress): string {
  const v = progress.vocabulary;
  const platform = v?.platform ?? 'the platform';
  const instances = v?.instances ?? 'instances';
  const plan = progress.plan;
  const names = plan?.toRedeploy.map((i) => `${i.name} (${i.id})`).join(', ') ?? '';
  if (progress.status === 'triggered') {
    return `Cancelled after the run had ended: the ${v?.redeploy ?? 'redeploy'} was accepted (wait: false) and ${platform} applies it on its own on ${names}. Do not trigger it again; watch the ${instances}.`;
  }
  if (progress.status) return `Cancelled after the run had ended with status '${progress.status}'.`;
  switch (progress.phase) {
    case 'probing':
      return `Cancelled while probing the app's health before deciding whether to roll back: nothing was read from or sent to ${platform}.`;
    case 'starting':
    case 'planning':
      return 'Cancelled before any redeploy was sent.';
    case 'triggering':
      if (progress.changed === 'accepted') break;
      if (progress.changed === 'nothing') {
        return progress.waitingToSend
          ? `Cancelled while waiting for another operation to finish before sending (${progress.waitingToSend}).`
          : 'Cancelled before the redeploy was sent.';
      }
      return `Cancelled while the ${v?.redeploy ?? 'redeploy'} was being sent: it may have been accepted. Check the ${instances} (${names}) in the ${platform} console before re-running.`;
    case 'verifying':
      // The closing sentence (outcome 'completed') says the rollback completed; this says what did not happen.
      return `Cancelled during the health check of ${names} on revision ${plan?.revision.id}: their health was not confirmed.`;
    case 'done':
      return 'Cancelled after the rollback had finished.';
  }
  const pending = progress.pending ? ` Pending: ${progress.pending}.` : '';
  return `Cancelled while waiting: the rollback of ${progress.appId ?? 'the app'} to revision ${plan?.revision.id} was triggered on ${names} and is still running on ${platform}.${pending} It will finish on its own; do not trigger it again, watch the ${instances} instead.`;
}
