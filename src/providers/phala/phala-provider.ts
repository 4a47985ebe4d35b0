import { ApiClient } from '../../http/api-client.js';
import { isLoopbackHost } from '../../inputs/parse.js';
import type { PhalaSettings } from '../../settings.js';
import type { Instance, ProviderDeps, RollbackPlan, RollbackProvider, TriggerReceipt, TriggerTracker, Vocabulary, WaitTracker } from '../provider.js';
import type { PhalaContext } from './context.js';
import { PHALA_DEFAULT_API_URL } from './inputs.js';
import { PHALA_API_VERSION, PhalaApi } from './phala-api.js';
import { resolveRevision } from './resolve-revision.js';
import { selectCvms } from './select-cvms.js';
import type { CvmState } from './shapes.js';
import { triggerRedeploy } from './trigger-redeploy.js';
import { waitForRollback } from './wait-for-rollback.js';

export const PHALA_VOCABULARY: Vocabulary = {
  platform: 'Phala Cloud',
  app: 'App',
  instance: 'CVM',
  instances: 'CVMs',
  version: 'compose hash',
  redeploy: 'redeploy'
};

const CONSOLE = 'https://cloud.phala.com/dashboard/cvms';

/**
 * The dashboard page of the first targeted CVM: on the real API the Phala Cloud dashboard; on a
 * loopback api_url (the sandbox) the same path on its origin, where the sandbox serves a stand-in
 * page; on any other api_url (a proxy, a mirror) there is no page the action can name.
 */
function consoleUrl(apiUrl: string, vmUuid: string): string {
  if (apiUrl === PHALA_DEFAULT_API_URL) return `${CONSOLE}/${vmUuid}`;
  const url = new URL(apiUrl);
  return isLoopbackHost(url.hostname) ? `${url.origin}/dashboard/cvms/${vmUuid}` : '';
}

function toInstance(cvm: CvmState): Instance {
  return { id: cvm.vmUuid, name: cvm.name, version: cvm.composeHash, status: cvm.status };
}

/** Phala Cloud behind the provider interface: CVMs are the instances, compose hashes the versions. */
export function createPhalaProvider(settings: PhalaSettings, deps: ProviderDeps): RollbackProvider {
  const client = new ApiClient({
    baseUrl: settings.apiUrl,
    authHeaders: { 'X-API-Key': settings.apiKey, 'X-Phala-Version': PHALA_API_VERSION },
    userAgent: `${deps.userAgent} (+phala)`,
    deadline: deps.deadline,
    log: deps.log,
    platform: PHALA_VOCABULARY.platform
  });
  const api = new PhalaApi(client, settings.appId, () => deps.deadline.clock.now(), settings.apiUrl);
  const ctx: PhalaContext = { api, deadline: deps.deadline, log: deps.log, timeoutSeconds: settings.timeoutSeconds };

  return {
    vocabulary: PHALA_VOCABULARY,

    async plan(): Promise<RollbackPlan> {
      const cvms = await api.listAppCvms("reading the app's CVMs");
      const targets = selectCvms(cvms, settings.vmUuids, settings.appId);
      const resolved = await resolveRevision(
        (page, needles) => api.listRevisions(page, 'reading the revision history', needles),
        settings.revision,
        targets.map((cvm) => ({ vmUuid: cvm.vmUuid, name: cvm.name, composeHash: cvm.composeHash }))
      );
      const target = resolved.target;
      // Only a CVM that runs the target, settled, needs nothing; one that is busy or down on it still does.
      const toRedeploy = targets.filter((cvm) => !(cvm.composeHash === target.composeHash && cvm.status === 'running' && !cvm.inProgress));
      const previous = resolved.currentHash || targets[0]!.composeHash;
      return {
        appId: settings.appId,
        targets: targets.map(toInstance),
        toRedeploy: toRedeploy.map(toInstance),
        revision: {
          id: target.revisionId,
          version: target.composeHash,
          createdAt: target.createdAt,
          createdBy: target.triggeredBy,
          operationType: target.operationType
        },
        previousVersion: previous,
        searched: resolved.searched,
        warnings: resolved.warnings,
        outputs: {
          compose_hash: target.composeHash,
          previous_compose_hash: previous,
          vm_uuids: JSON.stringify(targets.map((cvm) => cvm.vmUuid))
        },
        consoleUrl: consoleUrl(settings.apiUrl, targets[0]!.vmUuid)
      };
    },

    trigger(plan: RollbackPlan, tracker: TriggerTracker) {
      return triggerRedeploy(ctx, plan, settings.transactionHash, tracker);
    },

    waitUntilDone(plan: RollbackPlan, receipt: TriggerReceipt, tracker: WaitTracker): Promise<void> {
      return waitForRollback(ctx, plan, receipt, tracker);
    },

    dispose: () => client.dispose()
  };
}
