import type { QoveryContext } from './context.js';

/**
 * The wait before the next poll of round `round`, from the token's pace (rate-pace.ts). Says in
 * the log when polls are spread out to share the token, and always when a poll waits for the
 * token's reset, so a long silence is never a mystery.
 */
export function pollDelay(ctx: QoveryContext, round: number): number {
  const { api, deadline, log } = ctx;
  const now = deadline.clock.now();
  const delay = api.pace.delay(round, api.budget.limit, now);
  const { remaining, limit, resetAt } = api.budget;
  const consumers = Math.round(delay.consumers);
  const note = delay.reason === 'reset' ? `reset ${resetAt}` : delay.reason === 'sharing' ? `sharing ${consumers}` : '';
  if (note && note !== api.paceNote) {
    const left = `${remaining} of ${limit} requests left`;
    if (delay.reason === 'reset') {
      log.info(
        `Qovery's rate limit for this token is nearly used up (${left}${consumers > 1 ? `, about ${consumers} rollbacks or jobs using it` : ''}): the next look at the deployment waits for the reset at ${new Date(resetAt!).toISOString()}, in ${Math.round(delay.ms / 1000)}s.`
      );
    } else {
      log.info(
        `Sharing Qovery's rate limit (${left} until ${new Date(resetAt!).toISOString()}${consumers > 1 ? `, about ${consumers} rollbacks or jobs using the token` : ''}): looking every ${Math.round(delay.ms / 1000)}s.`
      );
    }
  }
  api.paceNote = note;
  return delay.ms;
}
