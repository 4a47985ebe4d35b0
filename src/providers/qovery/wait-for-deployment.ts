import { ActionError, TimeoutError } from '../../errors.js';
import type { WaitTracker } from '../provider.js';
import type { QoveryContext } from './context.js';
import { isOurs, phaseOf, type DeploymentTicket } from './deployment-state.js';
import { isOurExecution, lookForOurs } from './find-ours.js';
import { pollDelay } from './poll-delay.js';
import { currentVersions } from './resolve-target.js';

/** A line in the log at least this often while nothing changes, so a queued rollback is not mistaken for a hung job. */
const HEARTBEAT_MS = 25_000;

interface Look {
  /** The deployment's own state, when this run's deployment is known; undefined while not visible. */
  state?: string;
  pending: string;
}

const short = (version: string) => (/^[0-9a-f]{40}$/.test(version) ? version.slice(0, 12) : version);

/**
 * Waits until this run's deployment ends and proves its result. The deployment followed is this
 * run's own: the request named by the answer's deployment_request_id (through the queue, with its
 * position, then its execution), or else the one found new since the send. Its outcome is its
 * own state (`deploymentStatus` of the request, or the status's `last_deployment_state` while
 * it names our deployment): the environment's `state` stays in error while any other service is
 * (Qovery/console environment-state-chip.tsx; the CLI's WatchEnvironmentWithOptions in
 * Qovery/qovery-cli utils/qovery.go decides on last_deployment_state too). READY is not an end.
 * DEPLOYED is success only once the services sent are read back on their target versions.
 */
export async function waitForDeployment(ctx: QoveryContext, ticket: DeploymentTicket, names: ReadonlyMap<string, string>, tracker: WaitTracker): Promise<void> {
  const { deadline, log } = ctx;
  let lastLine = '';
  let lastLineAt = deadline.clock.now();
  let pending = 'the deployment has not shown up yet';
  for (let round = 0; ; round++) {
    let look: Look;
    try {
      look = await lookAt(ctx, ticket);
    } catch (error) {
      if (deadline.expired()) throw timedOut(ctx, pending);
      throw error;
    }
    pending = look.pending;
    tracker.pending(pending);
    const now = deadline.clock.now();
    if (pending !== lastLine || now - lastLineAt >= HEARTBEAT_MS) {
      log.info(`[${deadline.elapsedSeconds()}s] ${pending === lastLine ? 'Still: ' : ''}${pending}`);
      lastLine = pending;
      lastLineAt = now;
    }
    const phase = look.state === undefined ? 'running' : phaseOf(look.state);
    if (phase === 'succeeded') return verifyVersions(ctx, ticket, names, look.state!);
    if (phase === 'failed') throw await failure(ctx, ticket, look.state!, names);
    const delay = pollDelay(ctx, round);
    if (delay >= deadline.remainingMs()) {
      await deadline.sleep(delay);
      throw timedOut(ctx, pending);
    }
    await deadline.sleep(delay);
  }
}

const deploymentName = (ticket: DeploymentTicket) =>
  ticket.executionId ? `deployment ${ticket.executionId}` : ticket.requestId ? `deployment request ${ticket.requestId}` : 'the deployment';

async function lookAt(ctx: QoveryContext, ticket: DeploymentTicket): Promise<Look> {
  const { api } = ctx;
  if (!ticket.requestId && !ticket.executionId) {
    const found = await lookForOurs(ctx, ticket.baseline, ticket.targets, 'looking for the deployment of the rollback');
    if (!found || found === 'unread') return { pending: 'the deployment has not shown up in the queue, the status or the history yet' };
    ctx.log.info(`This run's deployment: ${found.where}.`);
    ticket.requestId = found.requestId;
    ticket.executionId = found.executionId;
  }
  if (ticket.requestId) {
    const state = await api.requestStatus(ticket.requestId, 'watching the deployment request');
    if (state !== undefined) {
      if (state.endsWith('QUEUED')) return { pending: await queuePosition(ctx, ticket.requestId, state) };
      return { state, pending: `${deploymentName(ticket)} is ${state}` };
    }
  }
  const status = await api.status('watching the deployment');
  if (isOurs(status, ticket)) {
    if (status.lastDeploymentId) ticket.executionId ??= status.lastDeploymentId;
    return { state: status.lastDeploymentState, pending: `${deploymentName(ticket)} is ${status.lastDeploymentState}` };
  }
  const history = await api.history('watching the deployment');
  if (ticket.executionId) {
    const execution = history.find((e) => e.executionId === ticket.executionId);
    if (execution) return { state: execution.status, pending: `${deploymentName(ticket)} is ${execution.status}` };
  } else if (ticket.requestId) {
    // The API could not say where the request is (deploymentStatus does not know it, the status
    // names no request): recognise its execution the way a request without an id is recognised.
    const execution = history.find((e) => isOurExecution(e, ticket.baseline, ticket.targets));
    if (execution) {
      ctx.log.info(`This run's deployment: execution ${execution.executionId} in the history.`);
      ticket.executionId = execution.executionId;
      return { state: execution.status, pending: `${deploymentName(ticket)} is ${execution.status}` };
    }
    const position = await queuePosition(ctx, ticket.requestId, 'QUEUED');
    if (position.includes('position')) return { pending: position };
  }
  return { pending: `not started yet (the status still shows the previous deployment ${status.lastDeploymentId ?? ''}: ${status.lastDeploymentState})` };
}

/** "queued: position 2 of 3 in Qovery's deployment queue", or just queued once it left the queue for its first phase. */
async function queuePosition(ctx: QoveryContext, requestId: string, state: string): Promise<string> {
  const queue = await ctx.api.queue('reading the deployment queue').catch(() => []);
  const index = queue.findIndex((request) => request.requestId === requestId);
  if (index < 0) return `deployment request ${requestId} is ${state}`;
  const ahead = index === 0 ? 'next to run, after the deployment running now' : `behind ${index} other request${index === 1 ? '' : 's'}`;
  return `deployment request ${requestId} is queued: position ${index + 1} of ${queue.length} in Qovery's deployment queue (${ahead})`;
}

/**
 * The deployment ended DEPLOYED: read the services back. Each service sent must now run its
 * target version in the history; a deployment that ended well on other versions (a merged
 * request, a later one) fails, naming them.
 */
async function verifyVersions(ctx: QoveryContext, ticket: DeploymentTicket, names: ReadonlyMap<string, string>, state: string): Promise<void> {
  const history = await ctx.api.history('reading the services back after the deployment');
  const current = currentVersions(history);
  const wrong: string[] = [];
  for (const [id, version] of ticket.targets) {
    const now = current.get(id)?.version;
    if (now !== version) wrong.push(`${names.get(id) ?? id} runs ${now ? short(now) : 'no recorded version'} (expected ${short(version)})`);
  }
  if (wrong.length === 0) {
    ctx.log.info(`Read back: ${ticket.targets.size} service${ticket.targets.size === 1 ? '' : 's'} on the target versions.`);
    return;
  }
  throw new ActionError(
    'Rollback ended on other versions',
    `${deploymentName(ticket)} ended ${state}, but ${wrong.join('; ')}. Another deployment may have been merged with the rollback or run after it: look at the environment's deployment history in the Qovery console before trying again.`,
    { changed: 'accepted', outcome: 'failed' }
  );
}

function timedOut(ctx: QoveryContext, pending: string): TimeoutError {
  return new TimeoutError(
    `The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the deployment: ${pending}. The deploy request was accepted and may still run on its own: watch the environment in the Qovery console, and do not trigger another rollback until it ends.`,
    { changed: 'accepted' }
  );
}

/** Names the services in error, only among those this deployment carried: others may have been in error before. */
async function failure(ctx: QoveryContext, ticket: DeploymentTicket, state: string, names: ReadonlyMap<string, string>): Promise<ActionError> {
  const what = `${deploymentName(ticket)} ended ${state}`;
  if (!state.endsWith('_ERROR')) {
    return new ActionError(
      'Rollback deployment did not complete',
      `${what}. The environment was changed by this run; look at the deployment in the Qovery console before trying again.`,
      { changed: 'accepted', outcome: 'failed' }
    );
  }
  let detail = '';
  try {
    const statuses = await ctx.api.statuses('naming the services in error');
    const failed = statuses.services.filter((service) => ticket.targets.has(service.id) && service.state.endsWith('_ERROR'));
    if (failed.length)
      detail = ` Services in error: ${failed.map((service) => `${names.get(service.id) ?? service.id} (${service.type.toLowerCase()} ${service.id}): ${service.state}`).join('; ')}.`;
  } catch {
    detail = ' The services in error could not be read.';
  }
  return new ActionError('Rollback deployment failed', `${what}.${detail} Look at the deployment logs in the Qovery console before trying again.`, {
    changed: 'accepted',
    outcome: 'failed'
  });
}
