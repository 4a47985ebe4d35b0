import { ApiClient } from '../../http/api-client.js';
import type { CamundaAuth, CamundaSettings } from '../../settings.js';
import type { Instance, RollbackPlan, RollbackProvider, TriggerReceipt, TriggerTracker, Vocabulary, WaitTracker } from '../provider.js';
import type { ProviderDeps } from '../provider.js';
import { CamundaApi, type DefinitionKind } from './camunda-api.js';
import { describeChange, describeDelivery } from './content.js';
import type { CamundaContext } from './context.js';
import { DeploymentWalk } from './deployment-walk.js';
import { processApplicationWarning } from './process-application.js';
import { resolveDeployment, tenantWords, type DeploymentHistory } from './resolve-deployment.js';
import { rollbackSource } from './rollback-source.js';
import { triggerRedeploy } from './trigger-redeploy.js';
import { verifyRollback } from './verify-rollback.js';

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

const KINDS: DefinitionKind[] = ['process', 'decision'];

/** The history resolution reads, backed by engine-rest: a bounded, tie-stable walk; bytes only hashed, one resource at a time. */
function engineHistory(api: CamundaApi, name: () => string, tenantId: string | null): DeploymentHistory {
  let walk: DeploymentWalk | undefined;
  const doing = () => `reading the deployments named '${name()}'`;
  const open = () =>
    (walk ??= new DeploymentWalk({
      page: (window, maxResults) => api.listDeployments({ name: name(), tenantId }, window, maxResults, doing()),
      pageSize: () => api.pageSize,
      versions: async (deployment) => {
        const versions = new Map<string, number>();
        for (const kind of KINDS) {
          for (const definition of await api.definitionsOf(kind, deployment.id, 0, `ordering deployments made at the same time (${deployment.deploymentTime})`)) {
            const key = `${kind}:${definition.key}`;
            versions.set(key, Math.max(versions.get(key) ?? 0, definition.version));
          }
        }
        return versions;
      }
    }));
  return {
    next: () => open().next(),
    describe: () => open().describe(),
    find: (id) => api.findDeployment(id, `reading deployment ${id}`),
    resources: (deployment) => api.listResources(deployment.id, `reading the resources of deployment ${deployment.id}`),
    hash: (deployment, resource) => api.resourceHash(deployment.id, resource.id, `reading resource '${resource.name}' of deployment ${deployment.id}`)
  };
}

/** Camunda 7 behind the provider interface: the deployment of a name is the instance, deployment ids the versions. */
export function createCamundaProvider(settings: CamundaSettings, deps: ProviderDeps, env: NodeJS.ProcessEnv = process.env): RollbackProvider {
  const client = new ApiClient({
    baseUrl: settings.apiUrl,
    authHeaders: authHeaders(settings.auth),
    userAgent: `${deps.userAgent} (+camunda)`,
    deadline: deps.deadline,
    log: deps.log,
    platform: 'the Camunda engine'
  });
  const api = new CamundaApi(client, settings.auth.kind, settings.apiUrl);
  const tenantId = settings.tenantId ?? null;
  const ctx: CamundaContext = {
    api,
    deadline: deps.deadline,
    log: deps.log,
    timeoutSeconds: settings.timeoutSeconds,
    name: settings.appId,
    tenantId,
    source: rollbackSource(env)
  };

  return {
    vocabulary: CAMUNDA_VOCABULARY,

    async plan(): Promise<RollbackPlan> {
      const resolved = await resolveDeployment(
        engineHistory(api, () => ctx.name, tenantId),
        {
          name: settings.appId,
          tenantId,
          selector: settings.revision,
          resources: settings.resources
        },
        (name) => {
          ctx.name = name;
        }
      );
      ctx.resolution = resolved;
      const { current, target } = resolved;
      ctx.name = current.name ?? settings.appId;
      const instance: Instance = { id: current.id, name: ctx.name, version: current.id, status: `deployed ${current.deploymentTime}` };
      const change = describeChange(resolved);
      const warnings = [...resolved.warnings];
      const processApplication = processApplicationWarning(resolved);
      if (processApplication) warnings.push(processApplication);
      deps.log.info(
        `Deployments named '${ctx.name}' ${tenantWords(tenantId)}, ${settings.resources ? `resources ${settings.resources.join(', ')}` : 'all resources'}: ` +
          `restoring the state right after deployment ${target.id} over ${current.id} (${change}); ${describeDelivery(resolved)}.`
      );
      return {
        appId: ctx.name,
        targets: [instance],
        toRedeploy: resolved.changes.length === 0 ? [] : [instance],
        revision: {
          id: target.id,
          version: target.id,
          createdAt: target.deploymentTime,
          createdBy: target.source ? `source '${target.source}'` : undefined,
          operationType: 'deployment'
        },
        previousVersion: current.id,
        searched: resolved.searched,
        warnings,
        outputs: { previous_deployment_id: current.id, deployment_id: '' },
        consoleUrl: '',
        details: [
          ['Tenant', tenantId ?? '(none)'],
          ['Resources', settings.resources ? settings.resources.join(', ') : 'all'],
          ['Undone', resolved.undone.map((d) => d.id).join(', ') || '(none)'],
          ['Change', change],
          ['Sent as', describeDelivery(resolved)],
          ['Source of the new deployment', ctx.source],
          ...(processApplication ? ([['Process application', processApplication]] as Array<[string, string]>) : [])
        ]
      };
    },

    trigger(plan: RollbackPlan, tracker: TriggerTracker) {
      return triggerRedeploy(ctx, plan, tracker);
    },

    waitUntilDone(plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
      return verifyRollback(ctx, plan, receipt, tracker);
    },

    dispose: () => client.dispose()
  };
}
