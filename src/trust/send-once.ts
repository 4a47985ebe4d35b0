import { jittered, type Deadline } from '../clock.js';
import { ActionError, TimeoutError } from '../errors.js';
import { BodyTooLargeError, type ApiResponse } from '../http/api-client.js';
import { backoffMs, MIN_RESEND_PAUSE_MS, resendPauseMs } from '../http/retry-policy.js';
import { TransportError } from '../http/transport-error.js';
import type { Logger } from '../log.js';
import type { TriggerTracker } from './trigger-tracker.js';
import { classifyAnswer } from './classify-answer.js';

/**
 * How long an unknown answer is watched before concluding the platform did not act. A request
 * that timed out on our side may still be processed, and some platforms act asynchronously: a
 * few seconds would prove nothing.
 */
export const UNKNOWN_OUTCOME_WATCH_MS = 15_000;
const PROBE_EVERY_MS = 1500;

/** One look at the platform after an unknown answer: proof it acted, still moving, or no trace. */
export type Probe<T> = { state: 'acted'; evidence: T } | { state: 'busy' } | { state: 'quiet' };

export type SendOutcome<T> =
  /** The platform answered 2xx. `sentAt` is when the accepted request left (the `now()` clock). */
  | { kind: 'accepted'; response: ApiResponse; sentAt: number }
  /** The answer was lost, and reading the platform proved that it acted on the request. */
  | { kind: 'found'; evidence: T; sentAt: number; lost: string }
  /** While a 409 was waited out, the targets reached the revision on their own: nothing sent. */
  | { kind: 'already-there'; reason: string };

/** Platform facts a provider supplies; the rules of sending exactly once live here. */
export interface ChangingRequest<T> {
  /** What the request is called in messages: 'redeploy', 'deploy request'. */
  name: string;
  platform: string;
  deadline: Deadline;
  log: Logger;
  timeoutSeconds: number;
  tracker: TriggerTracker;
  /** Exactly one attempt, never following a redirect; may throw TransportError. */
  send(): Promise<ApiResponse>;
  /** When a request leaves, on the clock the platform's records use (defaults to the deadline's clock). */
  now?(): number;
  /** Statuses the platform documents as refusals beyond the shared ones (Phala's 465–468). */
  extraRefusals?: readonly number[];
  /** A definite refusal, explained; nothing was changed. */
  explainRefusal(response: ApiResponse): ActionError;
  /** After a 409: wait until the platform is free (or the targets got there on their own). */
  waitUntilFree?(response: ApiResponse): Promise<{ kind: 'free' } | { kind: 'already-there'; reason: string }>;
  /**
   * After a 429: the exact pause before sending again when the platform says more than
   * Retry-After (e.g. an X-RateLimit-Reset time); undefined for the shared 1–60 s rule. It is the
   * platform's own word on when the next request is allowed, so it is waited for as long as the
   * deadline allows (Qovery's hourly budget can reset minutes away), but never less than 1 s.
   */
  throttlePauseMs?(response: ApiResponse, now: number): number | undefined;
  /** How many times a 429 may be answered by sending again (default: until the deadline). */
  maxThrottledResends?: number;
  /**
   * One read of the platform: did the request whose answer was lost take effect? `watchedMs` says
   * how long the watch has run, so a provider can make its costlier reads only near the verdict.
   */
  probe(sentAt: number, watchedMs: number): Promise<Probe<T>>;
  /** Spacing of probes (default 1.5 s, jittered). */
  probeEveryMs?: number;
  /** Where the engineer looks before re-running, e.g. 'the CVMs in the Phala Cloud dashboard'. */
  whereToLook: string;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Sends the one request that changes the platform so that it takes effect at most once, and
 * keeps the tracker truthful about whether the platform was changed at every moment.
 * - 2xx: accepted.
 * - 400/401/403/404/405/422 (and the provider's extras): refused, nothing changed.
 * - 409: wait until free, then send again 1–60 s later; 429: wait as told, then send again.
 * - Anything else: unknown. Never followed, never re-sent: the platform is read for at least
 *   15 s (never past the deadline), and the run goes on only with proof that it acted.
 */
export async function sendOnce<T>(request: ChangingRequest<T>): Promise<SendOutcome<T>> {
  const { deadline, log, tracker } = request;
  const now = () => (request.now ? request.now() : deadline.clock.now());
  let conflicts = 0;
  let throttled = 0;
  for (;;) {
    if (deadline.expired()) {
      tracker.mark('nothing');
      throw new TimeoutError(`The timeout (${request.timeoutSeconds}s) ran out before the ${request.name} could be sent.`, { changed: 'nothing' });
    }
    const sentAt = now();
    tracker.mark('unknown');
    let outcome: ApiResponse | TransportError;
    try {
      outcome = await request.send();
    } catch (error) {
      // A body past the cap came with a status the client never kept: the platform may have
      // acted, so it is as unclear as a lost answer, and read back the same way.
      if (error instanceof BodyTooLargeError) return watchUnknown(request, sentAt, 'an answer too large to read');
      if (!(error instanceof TransportError)) throw error;
      outcome = error;
    }
    const answer = classifyAnswer(outcome, request.extraRefusals);
    switch (answer.kind) {
      case 'accepted':
        tracker.mark('accepted');
        return { kind: 'accepted', response: answer.response, sentAt };
      case 'refused': {
        tracker.mark('nothing');
        const error = request.explainRefusal(answer.response);
        error.changed = 'nothing';
        throw error;
      }
      case 'busy': {
        tracker.mark('nothing');
        log.info(`${request.platform} answered 409: another operation is in progress. Waiting for it to finish before sending the ${request.name}.`);
        const free = request.waitUntilFree ? await request.waitUntilFree(answer.response) : { kind: 'free' as const };
        if (free.kind === 'already-there') return free;
        await pauseBeforeResend(request, resendPauseMs(answer.response.headers['retry-after'], deadline.clock.now(), backoffMs(conflicts++, deadline.clock)), answer.response);
        continue;
      }
      case 'throttled': {
        tracker.mark('nothing');
        const limit = request.maxThrottledResends ?? Number.POSITIVE_INFINITY;
        if (throttled >= limit) {
          throw withChanged(request.explainRefusal(answer.response), 'nothing');
        }
        const asked = request.throttlePauseMs?.(answer.response, deadline.clock.now());
        // Never sooner than 1 s (a reset time already past is no licence to hammer); a longer
        // pause is the platform's documented reset, bounded below by the deadline check.
        const waitMs =
          asked !== undefined
            ? Math.max(MIN_RESEND_PAUSE_MS, asked)
            : resendPauseMs(answer.response.headers['retry-after'], deadline.clock.now(), backoffMs(throttled, deadline.clock));
        throttled++;
        if (waitMs >= deadline.remainingMs()) throw withChanged(request.explainRefusal(answer.response), 'nothing');
        log.info(`${request.platform} is throttling (429); sending the ${request.name} in ${(waitMs / 1000).toFixed(1)}s.`);
        await deadline.sleep(waitMs);
        continue;
      }
      case 'unknown':
        return watchUnknown(request, sentAt, answer.lost);
    }
  }
}

function withChanged(error: ActionError, changed: 'nothing'): ActionError {
  error.changed = changed;
  return error;
}

async function pauseBeforeResend<T>(request: ChangingRequest<T>, ms: number, response: ApiResponse): Promise<void> {
  if (ms >= request.deadline.remainingMs()) {
    throw new TimeoutError(`The timeout (${request.timeoutSeconds}s) ran out while ${response.endpoint} kept answering ${response.status}.`, { changed: 'nothing' });
  }
  await request.deadline.sleep(ms);
}

/**
 * An answer that does not say whether the platform acted. Read the platform until it proves the
 * request took effect, or for the whole watch with no trace and nothing moving; the deadline cuts
 * the watch short as 'undecided', which is reported as such (a re-run could deploy twice).
 */
async function watchUnknown<T>(request: ChangingRequest<T>, sentAt: number, lost: string): Promise<SendOutcome<T>> {
  const { deadline, log, tracker } = request;
  const Name = capital(request.name);
  tracker.mark('unknown');
  log.warning(
    `The ${request.name} got no usable answer (${lost}). Reading ${request.platform} to learn whether it acted on it; it is never sent again blindly.`,
    `${Name} answer lost`
  );
  const undecided = () =>
    new TimeoutError(
      `The timeout (${request.timeoutSeconds}s) ran out while checking whether the ${request.name} whose answer was lost (${lost}) took effect. It may still take effect: check ${request.whereToLook} before re-running.`,
      { changed: 'unknown' }
    );
  const watchFrom = deadline.clock.now();
  for (;;) {
    if (deadline.expired()) throw undecided();
    let probe: Probe<T>;
    try {
      probe = await request.probe(sentAt, deadline.clock.now() - watchFrom);
    } catch (error) {
      if (deadline.expired() || error instanceof TimeoutError) throw undecided();
      throw error;
    }
    if (probe.state === 'acted') {
      tracker.mark('accepted');
      log.info(`${request.platform} shows that it acted on the ${request.name}: following it instead of sending it again.`);
      return { kind: 'found', evidence: probe.evidence, sentAt, lost };
    }
    const watched = deadline.clock.now() - watchFrom;
    if (probe.state === 'quiet' && watched >= UNKNOWN_OUTCOME_WATCH_MS) {
      tracker.mark('nothing');
      throw new ActionError(
        `${Name} not acted on`,
        `The ${request.name} got no usable answer (${lost}), and ${request.platform} shows no trace of it after watching for ${Math.round(watched / 1000)} s. It was not sent again; re-run the rollback once the API answers normally.`,
        { changed: 'nothing' }
      );
    }
    const pause = jittered(deadline.clock, request.probeEveryMs ?? PROBE_EVERY_MS, 0.2);
    if (deadline.remainingMs() <= pause) throw undecided();
    await deadline.sleep(pause);
  }
}
