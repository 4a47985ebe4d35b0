import { ActionError, TimeoutError } from '../../errors.js';
import type { WaitTracker } from '../provider.js';
import type { QoveryContext } from './context.js';
import { isOurs, phaseOf, type DeploymentTicket } from './deployment-state.js';
import { pollDelayMs } from './rate-pace.js';

/**
 * Waits until this run's deployment ends, polling the environment status at a pace that starts
 * quick and slows down (and slows further as the rate-limit budget falls). The previous
 * deployment's terminal state is never taken for ours. DEPLOYED, RESTARTED and READY succeed;
 * any *_ERROR fails naming the services in error; CANCELED, STOPPED and DELETED fail.
 */
export async function waitForDeployment(ctx: QoveryContext, ticket: DeploymentTicket, names: ReadonlyMap<string, string>, tracker: WaitTracker): Promise<void> {
  const { api, deadline, log } = ctx;
  let lastLine = '';
  let pending = 'the deployment has not shown up in the environment status yet';
  for (let round = 0; ; round++) {
    let status;
    try {
      status = await api.status('watching the deployment');
    } catch (error) {
      if (deadline.expired()) throw timedOut(ctx, pending);
      throw error;
    }
    const ours = isOurs(status, ticket);
    const phase = ours ? phaseOf(status.state) : 'running';
    pending = ours
      ? `deployment ${status.lastDeploymentId ?? ticket.requestId ?? ''} is ${status.state}`
      : `not started yet (the status still shows the previous deployment ${status.lastDeploymentId ?? ''}: ${status.state})`;
    tracker.pending(pending);
    if (pending !== lastLine) {
      log.info(`[${deadline.elapsedSeconds()}s] Environment: ${pending}`);
      lastLine = pending;
    }
    if (phase === 'succeeded') return;
    if (phase === 'failed') throw await failure(ctx, status.state, status.lastDeploymentId, names);
    const delay = pollDelayMs(round, api.budget, deadline.clock.now());
    if (delay >= deadline.remainingMs()) {
      await deadline.sleep(delay);
      throw timedOut(ctx, pending);
    }
    await deadline.sleep(delay);
  }
}

function timedOut(ctx: QoveryContext, pending: string): TimeoutError {
  return new TimeoutError(
    `The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the deployment: ${pending}. The deploy request was accepted and may still finish on its own: watch the environment in the Qovery console, and do not trigger another rollback until it ends.`,
    { changed: 'accepted' }
  );
}

async function failure(ctx: QoveryContext, state: string, deploymentId: string | undefined, names: ReadonlyMap<string, string>): Promise<ActionError> {
  const what = `Deployment ${deploymentId ?? ''} ended ${state}`;
  if (!state.endsWith('_ERROR')) {
    return new ActionError(
      'Rollback deployment did not complete',
      `${what}. The environment was changed by this run; look at the deployment in the Qovery console before trying again.`,
      { changed: 'accepted' }
    );
  }
  let detail = '';
  try {
    const statuses = await ctx.api.statuses('naming the services in error');
    const failed = statuses.services.filter((service) => service.state.endsWith('_ERROR'));
    if (failed.length)
      detail = ` Services in error: ${failed.map((service) => `${names.get(service.id) ?? service.id} (${service.type.toLowerCase()} ${service.id}): ${service.state}`).join('; ')}.`;
  } catch {
    detail = ' The services in error could not be read.';
  }
  return new ActionError('Rollback deployment failed', `${what}.${detail} Look at the deployment logs in the Qovery console before trying again.`, { changed: 'accepted' });
}
