import { ActionError } from '../../errors.js';
import type { ApiResponse } from '../../http/api-client.js';
import { TransportError } from '../../http/transport-error.js';
import type { RollbackPlan, TriggerOutcome, TriggerTracker } from '../provider.js';
import type { CamundaContext } from './context.js';
import { parseDeployment, type Deployment } from './shapes.js';

/**
 * A request that timed out on our side may still be committed by the engine afterwards: look for
 * this run's deployment for 15 s, as every platform's unknown outcome is watched, before saying
 * nothing was deployed.
 */
const LOOKUPS = 6;
const LOOKUP_SPACING_MS = 3000;
/** Deployments of this run's source listed before the send; more would be an absurd history. */
const SOURCE_PAGE = 50;

/**
 * Sends the redeploy exactly once. The engine answers synchronously with the new deployment. A
 * 5xx or a lost answer is never repeated: the deployments are read back by this run's `source`,
 * and the run goes on only if the engine shows the deployment, or fails saying nothing was deployed.
 */
export async function triggerRedeploy(ctx: CamundaContext, plan: RollbackPlan, tracker: TriggerTracker): Promise<TriggerOutcome> {
  const { api, log } = ctx;
  const doing = `redeploying deployment ${plan.revision.id}`;
  // A second rollback step in the same workflow run carries the same source: what exists now is not ours.
  const before = new Set((await bySource(ctx, 'listing deployments of this run before the redeploy')).map((d) => d.id));

  const acceptedAt = ctx.deadline.clock.now();
  tracker.mark('unknown');
  api.changed = 'unknown';
  let response: ApiResponse | undefined;
  let lost: string | undefined;
  try {
    response = await api.redeploy(plan.revision.id, { source: ctx.source, ...(ctx.resources ? { resourceNames: ctx.resources } : {}) });
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    lost = `no answer: ${error.code}`;
  }

  if (response && response.status >= 200 && response.status < 300) {
    tracker.mark('accepted');
    api.changed = 'accepted';
    const created = parseDeployment(response.endpoint, response.body);
    log.info(`The engine created deployment ${created.id} (${created.deploymentTime}) with source '${ctx.source}'.`);
    return { kind: 'triggered', receipt: { acceptedAt, outputs: { deployment_id: created.id } } };
  }
  if (response && response.status < 500) {
    // A 4xx is the engine refusing before it deployed anything.
    tracker.mark('nothing');
    api.changed = 'nothing';
    throw api.explain(response, doing, 'nothing');
  }

  lost ??= `answered ${response!.status}`;
  log.warning(
    `The redeploy got no usable answer (${lost}). Reading the deployments back by source '${ctx.source}' to learn whether the engine deployed it; it is not sent again.`,
    'Redeploy answer lost'
  );
  const found = await findOwnDeployment(ctx, before);
  if (found) {
    tracker.mark('accepted');
    api.changed = 'accepted';
    log.warning(
      `Deployment ${found.id} (${found.deploymentTime}) with this run's source exists: the engine did deploy it. Going on to verify it.`,
      'Redeploy found after a lost answer'
    );
    return {
      kind: 'triggered',
      receipt: { acceptedAt, outputs: { deployment_id: found.id }, note: `the redeploy's answer was lost (${lost}); deployment ${found.id} was found by its source` }
    };
  }
  tracker.mark('nothing');
  api.changed = 'nothing';
  const engineSays = response ? explainedLater(response) : '';
  throw new ActionError(
    'Redeploy failed; nothing was deployed',
    `POST /deployment/${plan.revision.id}/redeploy got no usable answer (${lost}).${engineSays} The engine shows no deployment with this run's source '${ctx.source}', so nothing was deployed and a re-run is safe.`,
    { changed: 'nothing' }
  );
}

async function bySource(ctx: CamundaContext, doing: string): Promise<Deployment[]> {
  return ctx.api.listDeployments({ name: ctx.name, tenantId: ctx.tenantId, source: ctx.source }, 0, SOURCE_PAGE, doing);
}

async function findOwnDeployment(ctx: CamundaContext, before: Set<string>): Promise<Deployment | undefined> {
  for (let lookup = 0; lookup < LOOKUPS; lookup++) {
    if (lookup > 0) await ctx.deadline.sleep(LOOKUP_SPACING_MS);
    const found = (await bySource(ctx, 'checking whether the redeploy took effect')).find((d) => !before.has(d.id));
    if (found) return found;
    if (ctx.deadline.expired()) break;
  }
  return undefined;
}

function explainedLater(response: ApiResponse): string {
  const body = response.body as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? ` The engine said: "${body.message.slice(0, 300)}".` : '';
}
