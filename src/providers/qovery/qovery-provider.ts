import { ApiClient } from '../../http/api-client.js';
import type { QoverySettings } from '../../settings.js';
import type { Instance, RollbackPlan, RollbackProvider, TriggerOutcome, TriggerReceipt, TriggerTracker, Vocabulary, WaitTracker } from '../provider.js';
import type { ProviderDeps } from '../provider.js';
import type { QoveryContext } from './context.js';
import type { DeploymentTicket } from './deployment-state.js';
import { authorizationHeader } from './inputs.js';
import { QoveryApi } from './qovery-api.js';
import { resolveTarget, type ServiceChange } from './resolve-target.js';
import { triggerDeploy, type DeployRequest } from './trigger-deploy.js';
import { waitForDeployment } from './wait-for-deployment.js';

export const QOVERY_VOCABULARY: Vocabulary = {
  platform: 'Qovery',
  app: 'Environment',
  instance: 'service',
  instances: 'services',
  version: 'version',
  redeploy: 'deploy request'
};

const CONSOLE = 'https://console.qovery.com';

/** A service name as an output may carry it: other characters become '_'. */
export function outputName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9 ._/:+@-]/g, '_').slice(0, 128);
  return safe === '' ? '_' : safe;
}

const shortVersion = (version: string) => (/^[0-9a-f]{40}$/.test(version) ? version.slice(0, 12) : version);

/** "api abc123…, web v1.2 (+3 more)": what a set of services runs, for one log line. */
function describeVersions(services: readonly ServiceChange[], pick: (service: ServiceChange) => string): string {
  const shown = services.slice(0, 3).map((service) => `${service.name} ${shortVersion(pick(service)) || '(no version)'}`);
  return services.length > 3 ? `${shown.join(', ')} (+${services.length - 3} more)` : shown.join(', ');
}

function toInstance(service: ServiceChange): Instance {
  return { id: service.id, name: service.name, version: service.from, status: service.state, targetVersion: service.to };
}

/**
 * Qovery behind the provider interface: the environment is the app, its services the instances,
 * and a version is a commit, image tag or chart version. A rollback is one deploy request that
 * puts every service of the target execution back on its version.
 */
export function createQoveryProvider(settings: QoverySettings, deps: ProviderDeps): RollbackProvider {
  const client = new ApiClient({
    baseUrl: settings.apiUrl,
    authHeaders: { Authorization: authorizationHeader(settings.apiKey) },
    userAgent: `${deps.userAgent} (+qovery)`,
    deadline: deps.deadline,
    log: deps.log
  });
  const api = new QoveryApi(client, settings.appId, () => deps.deadline.clock.now());
  const ctx: QoveryContext = { api, deadline: deps.deadline, log: deps.log, timeoutSeconds: settings.timeoutSeconds };
  const planned = new Map<string, ServiceChange>();
  const names = new Map<string, string>();
  const tickets = new WeakMap<TriggerReceipt, DeploymentTicket>();

  return {
    vocabulary: QOVERY_VOCABULARY,

    async plan(): Promise<RollbackPlan> {
      const environment = await api.environment('reading the environment');
      const statuses = await api.statuses("reading the environment's services");
      const history = await api.history("reading the environment's deployment history");
      const resolved = resolveTarget(history, settings.revision, statuses.services);
      for (const execution of [...history].reverse()) for (const service of execution.services) names.set(service.id, service.name);
      for (const service of resolved.services) planned.set(service.id, service);

      const target = resolved.target;
      const isCurrent = settings.revision.kind === 'current';
      const revisionId = target?.executionId ?? settings.appId;
      const { organizationId: org, projectId: project } = environment;
      return {
        appId: settings.appId,
        targets: resolved.services.map(toInstance),
        toRedeploy: resolved.changes.map(toInstance),
        revision: {
          id: revisionId,
          version: isCurrent ? `the environment as it is (newest execution ${revisionId})` : `execution ${revisionId}`,
          createdAt: target?.createdAt ?? 'unknown',
          createdBy: target?.triggeredBy || undefined,
          operationType: isCurrent ? 'redeploy' : target ? `${target.triggerAction.toLowerCase()} ${target.actionStatus.toLowerCase()}` : undefined
        },
        previousVersion: describeVersions(resolved.services, (service) => service.from),
        searched: resolved.searched,
        warnings: resolved.warnings,
        outputs: {
          services: JSON.stringify(resolved.changes.map((service) => ({ id: service.id, name: outputName(service.name), type: service.type, from: service.from, to: service.to })))
        },
        consoleUrl: org && project ? `${CONSOLE}/organization/${org}/project/${project}/environment/${settings.appId}/overview` : ''
      };
    },

    async trigger(plan: RollbackPlan, tracker: TriggerTracker): Promise<TriggerOutcome> {
      const request: DeployRequest =
        settings.revision.kind === 'current'
          ? { kind: 'redeploy' }
          : {
              kind: 'services',
              services: plan.toRedeploy.map((instance) => {
                const service = planned.get(instance.id)!;
                return { id: service.id, type: service.type, field: service.field!, version: service.to };
              })
            };
      const sentAt = deps.deadline.clock.now();
      const triggered = await triggerDeploy(ctx, request, tracker);
      const receipt: TriggerReceipt = { acceptedAt: sentAt, note: triggered.note };
      tickets.set(receipt, triggered.ticket);
      return { kind: 'triggered', receipt };
    },

    waitUntilDone(_plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
      const ticket = tickets.get(receipt) ?? { baseline: {} };
      return waitForDeployment(ctx, ticket, names, tracker);
    },

    dispose: () => client.dispose()
  };
}
