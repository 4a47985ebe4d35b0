import { ActionError } from '../../errors.js';
import type { RollbackPlan, TriggerReceipt, WaitTracker } from '../provider.js';
import type { DefinitionKind } from './camunda-api.js';
import type { CamundaContext } from './context.js';

const KINDS: DefinitionKind[] = ['process', 'decision'];
/** Definitions listed for one deployment: past this, a server is not answering as an engine would. */
const MAX_DEFINITIONS_READ = 1000;
/** Distinct keys checked for being the latest version (one request each). */
export const MAX_KEYS_CHECKED = 100;
/** Diagram images the engine generates on deploy (ProcessEngineConfiguration createDiagramOnDeploy): not sent, yet held. */
const GENERATED_DIAGRAM = /\.(png|jpg|jpeg|gif|svg)$/i;

/**
 * `completed` needs proof, read back from the engine:
 * - the new deployment is this run's: its source is this run's marker, it was not there before
 *   the send, and it has the rolled-back name and tenant;
 * - it holds exactly the resources put back, each with the target bytes (hashed one at a time);
 * - its definitions are the latest versions of their keys: what new instances start.
 */
export async function verifyRollback(ctx: CamundaContext, plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
  const { api, log } = ctx;
  const resolution = ctx.resolution!;
  const id = receipt.outputs?.deployment_id ?? '';
  const doing = `verifying deployment ${id}`;
  tracker.pending(`checking that deployment ${id} is this run's, holds the target bytes and its definitions are the latest`);
  // Every failure here comes after the engine accepted the request: it says so ('accepted').
  const accepted = { changed: 'accepted' as const };

  const deployment = await api.getDeployment(id, doing);
  if (deployment.source !== ctx.source || ctx.before?.has(id) || deployment.name !== ctx.name || (deployment.tenantId ?? null) !== ctx.tenantId) {
    throw new ActionError(
      "The engine's answer names another deployment",
      `The engine accepted the request, but deployment ${id} (named '${deployment.name ?? ''}', source '${deployment.source ?? ''}', ${deployment.deploymentTime}) is not this run's: this run's carries source '${ctx.source}' and name '${ctx.name}'${ctx.before?.has(id) ? ', and this one existed before the request was sent' : ''}. Whether the rollback took effect is not proven: check the deployments named '${ctx.name}' in Cockpit before re-running.`,
      accepted
    );
  }

  const held = await api.listResources(id, doing);
  const expected = new Map(resolution.changes.map((change) => [change.name, change]));
  const problems: string[] = [];
  const names = new Set<string>();
  for (const resource of held) {
    const change = expected.get(resource.name);
    if (!change || names.has(resource.name)) {
      // With createDiagramOnDeploy the engine adds a diagram image of each process it deploys.
      if (!change && GENERATED_DIAGRAM.test(resource.name)) continue;
      problems.push(`it holds '${resource.name}', which the rollback did not send`);
      continue;
    }
    names.add(resource.name);
    if ((await api.resourceHash(id, resource.id, doing)) !== change.hash) problems.push(`'${resource.name}' holds other bytes than deployment ${change.holder.id}'s`);
  }
  for (const name of expected.keys()) if (!names.has(name)) problems.push(`'${name}' is missing`);
  if (problems.length > 0) {
    throw new ActionError(
      'The new deployment holds other content',
      `Deployment ${id} was made by this run but does not hold the target content: ${problems.join('; ')}. New instances may start other models than those of deployment ${plan.revision.id}: check them in Cockpit.`,
      accepted
    );
  }

  const keys = new Map<string, { kind: DefinitionKind; key: string; tenantId: string | null; version: number }>();
  let listed = 0;
  for (const kind of KINDS) {
    const seen = new Set<string>();
    for (let firstResult = 0; listed < MAX_DEFINITIONS_READ;) {
      const page = await api.definitionsOf(kind, id, firstResult, doing);
      const fresh = page.filter((definition) => !seen.has(definition.id));
      for (const definition of fresh) {
        seen.add(definition.id);
        listed++;
        if (definition.deploymentId !== id) problems.push(`${kind} definition ${definition.id} was listed for deployment ${id} but belongs to ${definition.deploymentId}`);
        keys.set(`${kind}\n${definition.tenantId ?? ''}\n${definition.key}`, { kind, key: definition.key, tenantId: definition.tenantId, version: definition.version });
      }
      if (page.length < api.pageSize || fresh.length === 0) break;
      firstResult += page.length;
    }
  }
  const newer: string[] = [];
  const checked = [...keys.values()].slice(0, MAX_KEYS_CHECKED);
  for (const { kind, key, tenantId, version } of checked) {
    const latest = await api.latestDefinition(kind, key, tenantId, doing);
    if (!latest) newer.push(`${kind} '${key}' has no latest version at all (deleted since?)`);
    else if (latest.deploymentId !== id)
      newer.push(`${kind} '${key}': version ${latest.version} from deployment ${latest.deploymentId} is newer than the rolled-back version ${version}`);
  }
  if (problems.length > 0)
    throw new ActionError('Unexpected definitions of the new deployment', `${problems.slice(0, 5).join('; ')}. Check api_url: a proxy may answer in the engine's place.`, accepted);
  if (newer.length > 0) {
    throw new ActionError(
      'A newer deployment overrides the rollback',
      `Deployment ${id} (the state of ${plan.revision.id}) was created, but its definitions are not the latest: ${newer.join('; ')}. New instances start the newer version. Something deployed after the rollback (a process application that auto-deploys on start, another pipeline): roll that back too, then re-run.`,
      accepted
    );
  }
  const unchecked = keys.size - checked.length;
  const definitions = `${checked.length} key${checked.length === 1 ? '' : 's'} checked${unchecked > 0 ? ` of ${keys.size}; the action checks at most ${MAX_KEYS_CHECKED}` : ''}`;
  log.info(
    `Verified: deployment ${id} is this run's, holds ${resolution.changes.length} resource${resolution.changes.length === 1 ? '' : 's'} with the target bytes${keys.size ? `, and its definitions are the latest versions (${definitions})` : ' (no process or decision definitions)'}.`
  );
}
