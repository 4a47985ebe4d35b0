import { TimeoutError } from '../../errors.js';
import type { QoveryContext } from './context.js';
import { isBusy } from './deployment-state.js';
import { pollDelay } from './poll-delay.js';
import type { EnvironmentStatus } from './shapes.js';

/**
 * After a 409 ("operation in progress"): watch the environment status until the running
 * operation has ended, naming it once, so the deploy request can then be sent once.
 */
export async function waitUntilIdle(ctx: QoveryContext): Promise<void> {
  const { api, deadline, log } = ctx;
  let last: EnvironmentStatus | undefined;
  for (let round = 0; ; round++) {
    const status = await api.status('waiting for the running operation to finish');
    if (!isBusy(status)) {
      if (last) log.info(`The other operation has ended (${status.state}); sending the deploy request now.`);
      return;
    }
    if (!last || last.state !== status.state)
      log.info(`The environment is busy: ${status.state} (deployment ${status.lastDeploymentId ?? 'unknown'}); waiting for it to end before sending.`);
    last = status;
    const delay = pollDelay(ctx, round);
    if (delay >= deadline.remainingMs()) {
      throw new TimeoutError(
        `Another operation was still running when the timeout (${ctx.timeoutSeconds}s) ran out: the environment is ${status.state} (deployment ${status.lastDeploymentId ?? 'unknown'}). Nothing was deployed. Re-run the rollback once it has ended, or raise timeout.`,
        { changed: 'nothing' }
      );
    }
    await deadline.sleep(delay);
  }
}
