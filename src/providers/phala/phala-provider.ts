import type { Settings } from '../../settings.js';
import type { Instance, RollbackPlan, RollbackProvider, TriggerOutcome, TriggerReceipt } from '../provider.js';
import type { PhalaContext } from './context.js';
import { resolveRevision } from './resolve-revision.js';
import { selectCvms } from './select-cvms.js';
import type { CvmState } from './shapes.js';
import { triggerRedeploy } from './trigger-redeploy.js';
import { waitForRollback } from './wait-for-rollback.js';

function toInstance(cvm: CvmState): Instance {
  return { id: cvm.vmUuid, name: cvm.name, version: cvm.composeHash, status: cvm.status };
}

/** Phala Cloud behind the provider interface: CVMs are the instances, compose hashes the versions. */
export function createPhalaProvider(settings: Settings, ctx: PhalaContext): RollbackProvider {
  return {
    platformName: 'Phala Cloud',

    async plan(): Promise<RollbackPlan> {
      const cvms = await ctx.api.listAppCvms("reading the app's CVMs");
      const targets = selectCvms(cvms, settings.vmUuids, settings.appId);
      const resolved = await resolveRevision(
        (page) => ctx.api.listRevisions(page, 'reading the revision history'),
        settings.revision,
        targets.map((cvm) => ({ vmUuid: cvm.vmUuid, name: cvm.name, composeHash: cvm.composeHash }))
      );
      const target = resolved.target;
      // Only a CVM that runs the target, settled, needs nothing; one that is busy or down on it still does.
      const toRedeploy = targets.filter((cvm) => !(cvm.composeHash === target.composeHash && cvm.status === 'running' && !cvm.inProgress));
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
        previousVersion: resolved.currentHash || targets[0]!.composeHash,
        searched: resolved.searched,
        warnings: resolved.warnings
      };
    },

    trigger(plan: RollbackPlan): Promise<TriggerOutcome> {
      return triggerRedeploy(ctx, plan, settings.transactionHash);
    },

    waitUntilDone(plan: RollbackPlan, receipt: TriggerReceipt): Promise<void> {
      return waitForRollback(ctx, plan, receipt);
    }
  };
}
