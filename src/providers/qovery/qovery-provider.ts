import { ApiClient } from '../../http/api-client.js';
import type { Logger } from '../../log.js';
import { describeSelector, type RevisionSelector } from '../../revision-selector.js';
import type { QoverySettings } from '../../settings.js';
import type { Instance, ProviderDeps, RollbackPlan, RollbackProvider, TriggerOutcome, TriggerReceipt, TriggerTracker, Vocabulary, WaitTracker } from '../provider.js';
import type { QoveryContext } from './context.js';
import type { DeploymentTicket } from './deployment-state.js';
import { authorizationHeader } from './inputs.js';
import { QoveryApi } from './qovery-api.js';
import { HistoryReader } from './history-reader.js';
import { NotEnoughHistory, resolveTarget, type ResolvedTarget, type ServiceChange } from './resolve-target.js';
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
      const reader = new HistoryReader(api, "reading the environment's deployment history");
      const resolved = await resolveWithHistory(reader, settings.revision, statuses.services);
      if (reader.note) deps.log.info(`Deployment history: ${reader.describe()}.`);
      for (const service of resolved.services) planned.set(service.id, service);
      for (const service of [...resolved.services, ...resolved.leftAlone]) names.set(service.id, service.name);
      logPlan(deps.log, resolved);

      const target = resolved.target;
      const isCurrent = settings.revision.kind === 'current';
      const revisionId = target?.executionId ?? settings.appId;
      const { organizationId: org, projectId: project } = environment;
      const details: Array<[string, string]> = [];
      if (resolved.undone.length) details.push(['Undone', resolved.undone.map((e) => `execution ${e.executionId} (${e.actionStatus.toLowerCase()})`).join(', ')]);
      if (resolved.leftAlone.length) details.push(['Left alone', resolved.leftAlone.map((s) => `${s.name}: ${s.reason}`).join('; ')]);
      return {
        appId: settings.appId,
        targets: resolved.services.map(toInstance),
        toRedeploy: resolved.changes.map(toInstance),
        revision: {
          id: revisionId,
          version: isCurrent ? `the environment as it is (newest execution ${revisionId})` : describeTarget(settings.revision, resolved, revisionId),
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
        consoleUrl: org && project ? `${CONSOLE}/organization/${org}/project/${project}/environment/${settings.appId}/overview` : '',
        details
      };
    },

    async trigger(plan: RollbackPlan, tracker: TriggerTracker): Promise<TriggerOutcome> {
      const chosen = plan.toRedeploy.map((instance) => planned.get(instance.id)!);
      const request: DeployRequest =
        settings.revision.kind === 'current'
          ? { kind: 'redeploy' }
          : {
              kind: 'services',
              services: chosen.map((service) => ({ id: service.id, type: service.type, field: service.field!, version: service.to, valuesOverride: service.valuesOverride }))
            };
      // What must run once the deployment ends; services the history gives no version cannot be checked.
      const targets = new Map(chosen.filter((service) => service.to !== '').map((service) => [service.id, service.to]));
      const sentAt = deps.deadline.clock.now();
      const triggered = await triggerDeploy(ctx, request, targets, tracker);
      const receipt: TriggerReceipt = { acceptedAt: sentAt, note: triggered.note };
      tickets.set(receipt, triggered.ticket);
      return { kind: 'triggered', receipt };
    },

    waitUntilDone(_plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
      const ticket = tickets.get(receipt) ?? { baseline: { executionIds: new Set<string>(), queue: [] }, targets: new Map<string, string>() };
      return waitForDeployment(ctx, ticket, names, tracker);
    },

    dispose: () => client.dispose()
  };
}

/** Resolves on the newest page first and reads further pages only while the history read is too short to settle it. */
async function resolveWithHistory(reader: HistoryReader, selector: RevisionSelector, existing: Parameters<typeof resolveTarget>[2]): Promise<ResolvedTarget> {
  await reader.more();
  for (;;) {
    try {
      return resolveTarget(reader.executions, selector, existing, reader.describe(), reader.complete);
    } catch (error) {
      if (!(error instanceof NotEnoughHistory)) throw error;
      await reader.more();
    }
  }
}

/** "api (application <id>)"; a service the history never named is already called by type and id. */
function named(service: { name: string; type: string; id: string }): string {
  const kind = `${service.type.toLowerCase()} ${service.id}`;
  return service.name === kind ? kind : `${service.name} (${kind})`;
}

/** Per service, from and to, and what is left alone: the request is partial, so the log says exactly what moves. */
function logPlan(log: Logger, resolved: ResolvedTarget): void {
  if (resolved.undone.length)
    log.info(`Undoing ${resolved.undone.map((e) => `execution ${e.executionId} (${e.triggerAction.toLowerCase()} ${e.actionStatus.toLowerCase()})`).join(', ')}.`);
  for (const service of resolved.services) {
    const move = service.from === service.to ? `stays on ${shortVersion(service.to) || '(no version)'}` : `${shortVersion(service.from) || '(none)'} → ${shortVersion(service.to)}`;
    log.info(`  ${named(service)}: ${move}${service.source ? ` (as in execution ${service.source})` : ''}.`);
  }
  for (const service of resolved.leftAlone) log.info(`  ${named(service)}: left alone, ${service.reason}.`);
}

function describeTarget(selector: RevisionSelector, resolved: ResolvedTarget, revisionId: string): string {
  if (selector.kind === 'previous') {
    const undone = resolved.undone.map((e) => e.executionId).join(', ');
    return `${describeSelector(selector)}: before execution${resolved.undone.length === 1 ? '' : 's'} ${undone}`;
  }
  return `execution ${revisionId}`;
}
