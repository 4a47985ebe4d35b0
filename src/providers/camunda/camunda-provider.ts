import { ApiClient } from '../../http/api-client.js';
import type { CamundaAuth, CamundaSettings } from '../../settings.js';
import type { Instance, RollbackPlan, RollbackProvider, TriggerReceipt, TriggerTracker, Vocabulary, WaitTracker } from '../provider.js';
import type { ProviderDeps } from '../provider.js';
import { CamundaApi } from './camunda-api.js';
import { describeChange, fingerprint, type Content } from './content.js';
import type { CamundaContext } from './context.js';
import { resolveDeployment, type DeploymentHistory } from './resolve-deployment.js';
import { rollbackSource } from './rollback-source.js';
import type { Deployment } from './shapes.js';
import { triggerRedeploy } from './trigger-redeploy.js';
import { verifyLatest } from './verify-latest.js';

export const CAMUNDA_VOCABULARY: Vocabulary = {
  platform: 'Camunda 7',
  app: 'Deployment',
  instance: 'deployment',
  instances: 'deployments',
  version: 'deployment',
  redeploy: 'redeploy'
};

export function authHeaders(auth: CamundaAuth): Record<string, string> {
  if (auth.kind === 'basic') return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
  if (auth.kind === 'bearer') return { Authorization: `Bearer ${auth.token}` };
  return {};
}

/** The history resolution reads, backed by engine-rest; content is read once per deployment. */
function engineHistory(api: CamundaApi, tenantId: string | null): DeploymentHistory {
  const contents = new Map<string, Promise<Content>>();
  const load = async (deployment: Deployment, only: string[] | undefined): Promise<Content> => {
    const doing = `reading the resources of deployment ${deployment.id}`;
    const listed = await api.listResources(deployment.id, doing);
    const compared = only ? listed.filter((resource) => only.includes(resource.name)) : listed;
    const bytes: Array<[string, Uint8Array]> = [];
    for (const resource of compared) bytes.push([resource.name, await api.resourceData(deployment.id, resource.id, doing)]);
    return fingerprint(bytes);
  };
  return {
    page: (name, firstResult, maxResults) => api.listDeployments({ name, tenantId }, firstResult, maxResults, `reading the deployments named '${name}'`),
    find: (id) => api.findDeployment(id, `reading deployment ${id}`),
    content: (deployment, only) => {
      // One run compares one set of resources: the id alone keys the cache.
      let content = contents.get(deployment.id);
      if (!content) contents.set(deployment.id, (content = load(deployment, only)));
      return content;
    }
  };
}

/** Camunda 7 behind the provider interface: the deployment of a name is the instance, deployment ids the versions. */
export function createCamundaProvider(settings: CamundaSettings, deps: ProviderDeps, env: NodeJS.ProcessEnv = process.env): RollbackProvider {
  const client = new ApiClient({
    baseUrl: settings.apiUrl,
    authHeaders: authHeaders(settings.auth),
    userAgent: `${deps.userAgent} (+camunda)`,
    deadline: deps.deadline,
    log: deps.log
  });
  const api = new CamundaApi(client, settings.auth.kind);
  const tenantId = settings.tenantId ?? null;
  const ctx: CamundaContext = { api, deadline: deps.deadline, log: deps.log, name: settings.appId, tenantId, resources: settings.resources, source: rollbackSource(env) };

  return {
    vocabulary: CAMUNDA_VOCABULARY,

    async plan(): Promise<RollbackPlan> {
      const resolved = await resolveDeployment(engineHistory(api, tenantId), {
        name: settings.appId,
        tenantId,
        selector: settings.revision,
        resources: settings.resources
      });
      const { current, target } = resolved;
      ctx.name = current.name ?? settings.appId;
      const instance: Instance = { id: current.id, name: ctx.name, version: current.id, status: `deployed ${current.deploymentTime}` };
      const change = describeChange(resolved.currentContent, resolved.targetContent);
      deps.log.info(
        `Deployments named '${ctx.name}' ${tenantId ? `in tenant '${tenantId}'` : 'without a tenant'}, comparing ${settings.resources ? settings.resources.join(', ') : 'all resources'}: redeploying ${target.id} over ${current.id} (${change}).`
      );
      return {
        appId: ctx.name,
        targets: [instance],
        toRedeploy: resolved.sameContent ? [] : [instance],
        revision: {
          id: target.id,
          version: target.id,
          createdAt: target.deploymentTime,
          createdBy: target.source ? `source '${target.source}'` : undefined,
          operationType: 'deployment'
        },
        previousVersion: current.id,
        searched: resolved.searched,
        warnings: resolved.warnings,
        outputs: { previous_deployment_id: current.id, deployment_id: '' },
        consoleUrl: '',
        details: [
          ['Tenant', tenantId ?? '(none)'],
          ['Resources', settings.resources ? settings.resources.join(', ') : 'all'],
          ['Target source', target.source ?? '(none)'],
          ['Change', change],
          ['Source of the new deployment', ctx.source]
        ]
      };
    },

    trigger(plan: RollbackPlan, tracker: TriggerTracker) {
      return triggerRedeploy(ctx, plan, tracker);
    },

    waitUntilDone(plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
      return verifyLatest(ctx, plan, receipt, tracker);
    },

    dispose: () => client.dispose()
  };
}
