import { ActionError } from '../../errors.js';
import type { RollbackPlan, TriggerReceipt, WaitTracker } from '../provider.js';
import type { DefinitionKind } from './camunda-api.js';
import type { CamundaContext } from './context.js';

const KINDS: DefinitionKind[] = ['process', 'decision'];

/**
 * The redeploy is synchronous, so "done" means its definitions are what new instances start:
 * each one the latest version of its key in the deployment's tenant. A deployment made in the
 * meantime (a process application restarting, a pipeline) would silently win; this says so.
 */
export async function verifyLatest(ctx: CamundaContext, plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
  const { api, log } = ctx;
  const deploymentId = receipt.outputs?.deployment_id ?? '';
  tracker.pending(`checking that deployment ${deploymentId}'s definitions are the latest versions`);
  const doing = `verifying deployment ${deploymentId}`;
  const newer: string[] = [];
  let checked = 0;
  for (const kind of KINDS) {
    for (const definition of await api.definitionsOf(kind, deploymentId, doing)) {
      checked++;
      const latest = await api.latestDefinition(kind, definition.key, definition.tenantId, doing);
      if (!latest) {
        newer.push(`${kind} '${definition.key}' has no latest version at all (deleted since?)`);
      } else if (latest.id !== definition.id) {
        newer.push(`${kind} '${definition.key}': version ${latest.version} from deployment ${latest.deploymentId} is newer than the rolled-back version ${definition.version}`);
      }
    }
  }
  if (newer.length > 0) {
    throw new ActionError(
      'A newer deployment overrides the rollback',
      `Deployment ${deploymentId} (a redeploy of ${plan.revision.id}) was created, but its definitions are not the latest: ${newer.join('; ')}. New instances start the newer version. Something deployed after the rollback (a process application that auto-deploys on start, another pipeline): roll that back too, then re-run.`,
      { changed: 'accepted' }
    );
  }
  if (checked === 0) {
    await api.getDeployment(deploymentId, doing); // no definitions (e.g. only forms): its existence is the proof
    log.info(`Deployment ${deploymentId} holds no process or decision definitions; it exists, which is all there is to check.`);
    return;
  }
  log.info(`Verified: all ${checked} definition${checked === 1 ? '' : 's'} of deployment ${deploymentId} are the latest versions.`);
}
