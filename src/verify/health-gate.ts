import type { Deadline } from '../clock.js';
import { TimeoutError } from '../errors.js';
import type { Logger } from '../log.js';
import { poll, type PollAnswer } from './health-check.js';
import { safeHealthUrl, type HealthStatusMatcher } from './health-status.js';

export interface HealthGateOptions {
  url: string;
  matcher: HealthStatusMatcher;
  /** Failed probes in a row that make the app unhealthy. */
  failures: number;
  /** Between the starts of two probes. */
  intervalMs: number;
  /** The run's one budget (`timeout`): no verdict in time is a timeout, never a guess. */
  deadline: Deadline;
  log: Logger;
  userAgent: string;
  /** Names the platform in the timeout message ("nothing was read from or sent to …"). */
  platform: string;
  /** Cap on one probe (default 10000), never beyond the deadline. */
  requestTimeoutMs?: number;
  /** Told the shown URL before the first probe and the probes after each one, before any verdict. */
  onProbe?: (url: string, probes: readonly GateProbe[]) => void;
}

/** One probe as the log and the summary show it. */
export interface GateProbe {
  /** 1-based. */
  n: number;
  /** ISO time the probe was sent. */
  at: string;
  ok: boolean;
  status?: number;
  latencyMs: number;
  /** Why there was no answer (DNS, refused, TLS, reset, no answer in time). */
  unreachable?: string;
  /** First line of the body; platform-neutral untrusted text, made safe where it is shown. */
  body?: string;
}

export interface GateVerdict {
  state: 'healthy' | 'unhealthy';
  /** The URL as it may be shown: secrets hidden. */
  url: string;
  expected: string;
  probes: GateProbe[];
}

/**
 * Before anything is read from or sent to the platform: is the app really unhealthy? Probes the
 * health URL with the same matching as the check after the rollback; one expected answer is a
 * healthy verdict, `failures` failed probes in a row an unhealthy one. An alert that fired on one
 * bad probe, or a re-run, must not roll back an app that works.
 */
export async function probeBeforeRollback(options: HealthGateOptions): Promise<GateVerdict> {
  const { deadline, log, matcher } = options;
  const clock = deadline.clock;
  const shown = safeHealthUrl(options.url);
  const probes: GateProbe[] = [];
  const verdict = (state: GateVerdict['state']): GateVerdict => ({ state, url: shown, expected: matcher.description, probes });
  const intervalS = options.intervalMs / 1000;
  log.info(
    `rollback_when is unhealthy: probing ${shown} before anything is read from or sent to ${options.platform} (expecting status ${matcher.description}; unhealthy after ${options.failures} failed probe${options.failures === 1 ? '' : 's'} in a row, ${intervalS} s apart).`
  );

  options.onProbe?.(shown, probes);
  for (;;) {
    if (deadline.expired()) throw timedOut(options, probes);
    const startedAt = clock.now();
    const limitMs = Math.min(options.requestTimeoutMs ?? 10_000, deadline.remainingMs());
    const answer = await poll(options.url, options.userAgent, limitMs);
    // A probe the deadline cut short says nothing about the app.
    if (answer.status === undefined && deadline.expired()) throw timedOut(options, probes, probes.length + 1);
    const probe = toProbe(probes.length + 1, new Date(startedAt).toISOString(), answer, matcher);
    probes.push(probe);
    options.onProbe?.(shown, probes);
    log.info(`Probe ${probe.n} of ${shown}: ${describeProbe(probe, matcher.description)}.`);
    if (probe.ok) {
      log.info(
        `The app answered healthy at ${probe.at} (status ${probe.status} in ${probe.latencyMs} ms): nothing was rolled back, and nothing was read from or sent to ${options.platform}.`
      );
      return verdict('healthy');
    }
    if (probes.length >= options.failures) {
      log.info(`The app is unhealthy: ${probes.length} failed probe${probes.length === 1 ? '' : 's'} in a row. Rolling back.`);
      return verdict('unhealthy');
    }
    const nextAt = startedAt + options.intervalMs;
    // A probe that cannot start before the deadline cannot give a verdict: say so now, not later.
    if (nextAt >= deadline.expiresAt) throw timedOut(options, probes);
    await clock.sleep(Math.max(0, nextAt - clock.now()));
  }
}

function toProbe(n: number, at: string, answer: PollAnswer, matcher: HealthStatusMatcher): GateProbe {
  const probe: GateProbe = { n, at, ok: answer.status !== undefined && matcher.matches(answer.status), latencyMs: answer.latencyMs };
  if (answer.status !== undefined) probe.status = answer.status;
  else probe.unreachable = answer.unreachable ?? answer.error ?? 'no answer';
  if (answer.firstLine) probe.body = answer.firstLine;
  return probe;
}

/** One line per probe, for the log and the summary alike. */
export function describeProbe(probe: GateProbe, expected: string): string {
  if (probe.ok) return `answered ${probe.status} in ${probe.latencyMs} ms, as expected`;
  if (probe.status !== undefined) return `answered ${probe.status} in ${probe.latencyMs} ms, expected ${expected}${probe.body ? `: "${probe.body}"` : ''}`;
  return `unreachable after ${probe.latencyMs} ms: ${probe.unreachable}`;
}

/** `unanswered`: the probe the deadline cut short, if any (it says nothing about the app). */
function timedOut(options: HealthGateOptions, probes: GateProbe[], unanswered?: number): TimeoutError {
  const failed = probes.length;
  const cut = unanswered === undefined ? '' : ` (probe ${unanswered} had no answer yet)`;
  return new TimeoutError(
    `The run's timeout (${Math.round(options.deadline.totalMs / 1000)} s) ran out while probing health_url before deciding whether to roll back: ${failed} failed probe${failed === 1 ? '' : 's'} so far${cut}, ${options.failures} in a row needed, so no verdict. Nothing was read from or sent to ${options.platform}. Raise timeout, or lower health_failures or health_interval.`,
    { changed: 'nothing' }
  );
}
