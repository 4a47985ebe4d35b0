import { createHash } from 'node:crypto';
import { ActionError } from '../../errors.js';
import type { ApiResponse } from '../../http/api-client.js';
import { sendOnce } from '../../trust/send-once.js';
import { mirroredTracker } from '../../trust/trigger-tracker.js';
import type { RollbackPlan, TriggerOutcome, TriggerTracker } from '../provider.js';
import type { CamundaContext } from './context.js';
import type { Deployment } from './shapes.js';

/** Deployments of this run's source listed at once; a run makes one, so more would be absurd. */
const SOURCE_PAGE = 20;
/** The bytes a create sends are held in memory: models are kilobytes; past this, refuse before sending. */
export const MAX_CREATE_BYTES = 48 * 1024 * 1024;
/** After a 2xx that does not name the new deployment: reads by source, 1 s apart (the engine answers after it committed). */
const LOOKUPS_AFTER_ACCEPTED = 5;

/**
 * Makes the one new deployment through the shared exactly-once rules (src/trust/send-once.ts).
 * Camunda supplies its facts: the request (a redeploy of resource ids when one earlier
 * deployment holds every byte, else a create with the bytes), and how a lost answer is read
 * back: a deployment of this name and tenant carrying this run's source that was not there before.
 */
export async function triggerRedeploy(ctx: CamundaContext, plan: RollbackPlan, tracker: TriggerTracker): Promise<TriggerOutcome> {
  const { api, log } = ctx;
  const resolution = ctx.resolution!;
  // A second rollback step in the same workflow run carries the same source: what exists now is not ours.
  ctx.before = new Set((await bySource(ctx, 'listing deployments of this run before sending')).map((d) => d.id));
  const delivery = resolution.delivery;
  const doing = delivery.kind === 'redeploy' ? `redeploying resources of deployment ${delivery.from.id}` : `creating a deployment named '${ctx.name}'`;
  const send = delivery.kind === 'redeploy' ? () => api.redeploy(delivery.from.id, { source: ctx.source, resourceIds: delivery.resourceIds }) : await prepareCreate(ctx);

  const outcome = await sendOnce<Deployment>({
    name: 'redeploy',
    platform: 'the Camunda engine',
    deadline: ctx.deadline,
    log,
    timeoutSeconds: ctx.timeoutSeconds,
    tracker: mirroredTracker(api, tracker),
    send,
    explainRefusal: (response) => api.explain(response, doing, 'nothing'),
    probe: async () => {
      const found = await findOwn(ctx, 'checking whether the engine made the deployment');
      return found ? { state: 'acted', evidence: found } : { state: 'quiet' };
    },
    whereToLook: `the deployments named '${ctx.name}' in Cockpit (source '${ctx.source}')`
  });
  switch (outcome.kind) {
    case 'already-there':
      return outcome;
    case 'found':
      log.warning(
        `Deployment ${outcome.evidence.id} (${outcome.evidence.deploymentTime}) with this run's source exists: the engine did make it. Going on to verify it.`,
        'Redeploy found after a lost answer'
      );
      return {
        kind: 'triggered',
        receipt: {
          acceptedAt: outcome.sentAt,
          outputs: { deployment_id: outcome.evidence.id },
          note: `the answer was lost (${outcome.lost}); deployment ${outcome.evidence.id} was found by its source`
        }
      };
    case 'accepted': {
      const named = namedId(outcome.response);
      if (named) {
        log.info(`The engine answered ${outcome.response.status} naming deployment ${named}; verifying it is this run's.`);
        return { kind: 'triggered', receipt: { acceptedAt: outcome.sentAt, outputs: { deployment_id: named } } };
      }
      log.info(
        `The engine answered ${outcome.response.status}${outcome.response.notJson ? ' with a body that is not JSON' : ' without a deployment id'}; looking the new deployment up by its source '${ctx.source}'.`
      );
      const found = await lookUpAccepted(ctx);
      return { kind: 'triggered', receipt: { acceptedAt: outcome.sentAt, outputs: { deployment_id: found.id }, note: `deployment ${found.id} was found by its source` } };
    }
  }
}

/** The bytes of each change, read from its holder now and checked against the hash resolved, so the create sends exactly the target content. */
async function prepareCreate(ctx: CamundaContext): Promise<() => Promise<ApiResponse>> {
  const resolution = ctx.resolution!;
  const resources: Array<{ name: string; bytes: Buffer }> = [];
  let total = 0;
  for (const change of resolution.changes) {
    const bytes = await ctx.api.resourceData(change.holder.id, change.resourceId, `reading resource '${change.name}' of deployment ${change.holder.id}`);
    if (createHash('sha256').update(bytes).digest('hex') !== change.hash) {
      throw new ActionError(
        'Resource changed while planning',
        `Resource '${change.name}' of deployment ${change.holder.id} no longer has the bytes read a moment ago. A deployment's resources never change: a proxy or a replaced engine answers differently. Check api_url, then re-run.`,
        { changed: 'nothing' }
      );
    }
    total += bytes.length;
    if (total > MAX_CREATE_BYTES) {
      throw new ActionError(
        'Rollback too large to send',
        `The resources to put back (${resolution.changes.map((c) => c.name).join(', ')}) come from several deployments and add up to more than ${MAX_CREATE_BYTES / 1024 / 1024} MiB, which the action does not hold in memory to send. Roll back with revision set to one deployment that holds them all, or deploy the earlier models from your pipeline.`,
        { changed: 'nothing' }
      );
    }
    resources.push({ name: change.name, bytes });
  }
  return () => ctx.api.create({ name: ctx.name, source: ctx.source, tenantId: ctx.tenantId }, resources);
}

/** The id a 2xx names, if its body is a deployment; anything else is looked up. */
function namedId(response: ApiResponse): string | undefined {
  const body = response.body as { id?: unknown } | undefined;
  return body && typeof body === 'object' && typeof body.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(body.id) ? body.id : undefined;
}

async function bySource(ctx: CamundaContext, doing: string): Promise<Deployment[]> {
  return ctx.api.listDeployments({ name: ctx.name, tenantId: ctx.tenantId, source: ctx.source }, {}, SOURCE_PAGE, doing);
}

async function findOwn(ctx: CamundaContext, doing: string): Promise<Deployment | undefined> {
  return (await bySource(ctx, doing)).find((d) => !ctx.before?.has(d.id));
}

async function lookUpAccepted(ctx: CamundaContext): Promise<Deployment> {
  for (let lookup = 0; lookup < LOOKUPS_AFTER_ACCEPTED; lookup++) {
    if (lookup > 0) {
      if (ctx.deadline.remainingMs() <= 1000) break;
      await ctx.deadline.sleep(1000);
    }
    const found = await findOwn(ctx, 'looking up the deployment the engine made');
    if (found) return found;
  }
  throw new ActionError(
    'Rollback deployment not found',
    `The engine accepted the request but its answer named no deployment, and no deployment named '${ctx.name}' with this run's source '${ctx.source}' is visible. Check the deployments in Cockpit before re-running: a re-run could deploy twice.`,
    { changed: 'accepted' }
  );
}
