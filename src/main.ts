import { Deadline, systemClock } from './clock.js';
import { ActionError, TimeoutError, type Changed, type Outcome } from './errors.js';
import { TransportError } from './http/transport-error.js';
import { getSettings } from './input-helper.js';
import { describeCancellation, newProgress, type RunProgress } from './pipeline/progress.js';
import { run as runPipeline } from './pipeline/run.js';
import { createProvider } from './providers/registry.js';
import type { RollbackProvider } from './providers/provider.js';
import { createActionIO, type ActionIO } from './report/action-io.js';
import { getInput, setSecret } from './report/runner-commands.js';
import { count } from './report/count.js';
import { Secrets } from './report/redact.js';
import { runUrl } from './report/run-url.js';
import { changedSentence, renderSummary, withoutRestatement, type RunFacts } from './report/summary.js';
import type { RollbackStatus } from './report/outputs.js';
import type { Settings } from './settings.js';
import type { PendingRecord } from './github/deployment-record.js';
import type { Gate, Verifier } from './pipeline/run.js';
import type { GateProbe } from './verify/health-gate.js';
import { safeHealthUrl } from './verify/health-status.js';
import { ACTION_NAME, ACTION_VERSION } from './version.js';

/**
 * The action's entry: wires the real inputs, clock, HTTP clients and the runner's output files
 * into the pipeline. Exported as `run` because the official local runner (@github/local-action)
 * imports the entry and calls `run()`.
 */
export async function run(): Promise<void> {
  const startedAt = Date.now();
  const secrets = new Secrets();
  const io = createActionIO(secrets);
  const progress = newProgress();
  // Origins of the URLs the action was given (api_url, health_url): the summary keeps them as working links.
  const own: string[] = [];
  const facts = (): RunFacts => runFacts(process.env, Date.now() - startedAt);
  // Left installed after the run: a signal that arrives while the process is leaving (e.g. after
  // wait: false) must still be answered with what really happened, not with a silent kill.
  let record: PendingRecord | undefined;
  onCancellation(io, progress, facts, secrets, () => record, own);
  let provider: RollbackProvider | undefined;
  let healthUrl: string | undefined;
  try {
    const settings: Settings = getSettings(
      (name) => getInput(name),
      process.env,
      // Every form a server could echo it in goes to the runner's masker too (later steps' logs).
      (secret) => secrets.add(secret).forEach((form) => setSecret(form))
    );
    own.push(settings.apiUrl, ...(settings.health ? [settings.health.url] : []));
    // The one deadline (`timeout`) bounds everything from here: probes before, the rollback, the check after.
    const deadline = new Deadline(systemClock, settings.timeoutSeconds * 1000);
    const userAgent = `${ACTION_NAME}/${ACTION_VERSION}`;
    // The record's environment_url is a link people click: the app's address, never its query (a token, say).
    healthUrl = settings.health ? safeHealthUrl(settings.health.url).split('?')[0] : undefined;
    provider = await createProvider(settings, { deadline, log: io.log, userAgent });
    const github = settings.github;
    const status = await runPipeline(settings, {
      provider,
      log: io.log,
      setOutput: io.setOutput,
      progress,
      gate: settings.gate ? healthGate(settings, io, userAgent, deadline, provider.vocabulary.platform) : undefined,
      verify: settings.health ? healthVerifier(settings, io, userAgent, deadline) : undefined,
      beforeTrigger: github
        ? async (plan) => {
            // Loaded only when used: @actions/github is most of the bundle and most runs never need it.
            const { startDeploymentRecord } = await import('./github/deployment-record.js');
            record = startDeploymentRecord({
              token: github.token,
              environment: github.environment,
              description: `Rollback of ${settings.appId || plan.appId} to revision ${plan.revision.id}`.slice(0, 140),
              env: process.env,
              log: io.log,
              payload: { provider: settings.provider, revision_id: plan.revision.id, version: plan.revision.version, previous_version: plan.previousVersion },
              userAgent,
              requestTimeoutMs: GITHUB_CALL_MS
            });
            // The record is a courtesy: a slow GitHub delays the rollback by this much at most.
            await record.opened(Math.min(GITHUB_WAIT_MS, deadline.remainingMs()));
          }
        : undefined
    });
    io.writeSummary(renderSummary(summaryFields(progress, status, facts(), secrets, io, own)));
    await record?.finish(status === 'completed' || status === 'triggered' ? 'success' : 'error', `Rollback ${status}`, healthUrl, GITHUB_CALL_MS);
  } catch (error) {
    reportFailure(error, io, progress, facts(), secrets, own);
    await record?.finish(progress.changed === 'nothing' ? 'error' : 'failure', `Rollback failed: ${describe(error).title}`.slice(0, 140), undefined, GITHUB_CALL_MS);
  } finally {
    provider?.dispose?.();
  }
}

/** Each GitHub call, and the wait for the record before sending, are capped this short. */
const GITHUB_CALL_MS = 4000;
const GITHUB_WAIT_MS = 3000;
/** A cancelled run has about 7.5 s before the runner's SIGTERM; the record's final state gets this much of it. */
const GITHUB_CANCEL_MS = 3000;

/** rollback_when: unhealthy — probe the app before anything reaches the platform. */
function healthGate(settings: Settings, io: ActionIO, userAgent: string, deadline: Deadline, platform: string): Gate {
  const health = settings.health!;
  const gate = settings.gate!;
  return async (soFar) => {
    const { describeProbe, probeBeforeRollback } = await import('./verify/health-gate.js');
    const lines = (probes: readonly GateProbe[], expected: string) => probes.map((probe) => `${probe.n}. ${probe.at}: ${describeProbe(probe, expected)}`);
    const verdict = await probeBeforeRollback({
      url: health.url,
      matcher: health.matcher,
      failures: gate.failures,
      intervalMs: gate.intervalSeconds * 1000,
      deadline,
      log: io.log,
      userAgent,
      platform,
      // A timeout or a cancel before the verdict still shows the URL and the probes so far.
      onProbe: (url, probes) => soFar({ state: 'not_checked', url, probes: lines(probes, health.matcher.description) })
    });
    return { state: verdict.state, url: verdict.url, probes: lines(verdict.probes, verdict.expected) };
  };
}

/**
 * The health check after completion: the app itself must answer, not just the platform. It
 * draws on the run's one deadline: health_timeout never stretches the run past `timeout`.
 */
function healthVerifier(settings: Settings, io: ActionIO, userAgent: string, deadline: Deadline): Verifier {
  const health = settings.health!;
  const shown = safeHealthUrl(health.url);
  return async () => {
    const { checkHealth } = await import('./verify/health-check.js');
    const ownMs = health.timeoutSeconds * 1000;
    const budgetMs = Math.min(ownMs, deadline.remainingMs());
    const cutByTimeout = budgetMs < ownMs;
    const result = await checkHealth({
      url: health.url,
      matcher: health.matcher,
      timeoutSeconds: budgetMs / 1000,
      clock: systemClock,
      log: io.log,
      userAgent,
      strictBudget: cutByTimeout
    });
    const last = result.lastStatus !== undefined ? `last answer ${result.lastStatus}` : `last error ${result.lastError ?? 'none'}`;
    if (result.health === 'unhealthy' && cutByTimeout) {
      throw new TimeoutError(
        `The run's timeout (${settings.timeoutSeconds} s) ran out during the health check after the rollback: ${shown} had not answered ${health.matcher.description} 3 times in a row (${last} after ${count(result.attempts, 'attempt')}), so its health is not confirmed. timeout bounds the whole run, health check included: raise timeout to give health_timeout room.`,
        // The closing sentence says the rollback itself completed on the platform.
        { changed: 'accepted', outcome: 'completed' }
      );
    }
    return result.health === 'healthy'
      ? { state: 'healthy', detail: `${result.consecutive} expected answers in a row (${health.matcher.description}) after ${(result.elapsedMs / 1000).toFixed(1)} s` }
      : {
          state: 'unhealthy',
          detail: `${shown} did not answer ${health.matcher.description} 3 times in a row within health_timeout (${health.timeoutSeconds} s): ${last} after ${count(result.attempts, 'attempt')}. Look at the app's logs.`
        };
  };
}

function summaryFields(progress: RunProgress, status: RollbackStatus, run: RunFacts, secrets: Secrets, io: ActionIO, own: readonly string[]) {
  return {
    vocabulary: progress.vocabulary,
    appId: progress.appId,
    plan: progress.plan,
    status,
    changed: progress.changed,
    outcome: progress.outcome,
    health: progress.health,
    healthBefore: progress.healthBefore,
    extra: progress.extra,
    run,
    secrets,
    warnings: io.warnings(),
    ownOrigins: [...own, ...[progress.plan?.consoleUrl, run.runUrl].filter((url): url is string => !!url)]
  };
}

export function runFacts(env: NodeJS.ProcessEnv, durationMs: number): RunFacts {
  return { durationMs, actor: env.GITHUB_ACTOR || undefined, runUrl: runUrl(env) };
}

/** Title of an unexplained failure: what kind of thing broke, not "Unexpected error" for a network fault. */
function describe(error: unknown): { title: string; message: string; changed?: Changed; outcome?: Outcome } {
  if (error instanceof ActionError) return { title: error.title, message: error.message, changed: error.changed, outcome: error.outcome };
  if (error instanceof TransportError) {
    return {
      title: 'Platform unreachable',
      message: `${error.endpoint} got no answer (${error.code}), also after retries. Check api_url and the platform's status page.${error.hint ? ` ${error.hint}` : ''}`
    };
  }
  return { title: 'Unexpected error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Every failure, input errors included, ends the same way: status 'failed', one titled
 * annotation that says whether anything was redeployed, and a job summary.
 */
function reportFailure(error: unknown, io: ActionIO, progress: RunProgress, run: RunFacts, secrets: Secrets, own: readonly string[]): void {
  process.exitCode = 1;
  const { title, message, changed, outcome } = describe(error);
  // The error knows best; otherwise how far the run got decides.
  progress.changed = changed ?? progress.changed;
  progress.outcome = outcome ?? progress.outcome;
  const sentence = changedSentence(progress.changed, progress.vocabulary, progress.outcome);
  const shown = withoutRestatement(message, progress.changed);
  io.error(`${shown}\n${sentence}`, title);
  if (!(error instanceof ActionError) && error instanceof Error && error.stack) io.log.debug(error.stack);
  progress.status ??= 'failed';
  setEndingOutputs(io, progress.status, progress);
  io.writeSummary(renderSummary({ ...summaryFields(progress, progress.status, run, secrets, io, own), failure: { title, message: shown } }));
}

/** status, health and health_before are set on every ending, failures and cancellations included, as action.yml says. */
function setEndingOutputs(io: ActionIO, status: RollbackStatus, progress: RunProgress): void {
  try {
    io.setOutput('status', status);
    io.setOutput('health', progress.health?.state ?? 'skipped');
    io.setOutput('health_before', progress.healthBefore?.state ?? 'not_checked');
  } catch {
    // all three are always well formed; nothing else to do
  }
}

/**
 * The runner cancels with SIGINT, then SIGTERM. Leave promptly, saying what is still running on
 * the platform, because the engineer decides the next step from that line.
 */
function onCancellation(io: ActionIO, progress: RunProgress, facts: () => RunFacts, secrets: Secrets, record: () => PendingRecord | undefined, own: readonly string[]): void {
  const handler = async (signal: NodeJS.Signals): Promise<void> => {
    const message = `${describeCancellation(progress)} (${signal})`;
    const title = 'Rollback cancelled';
    const said = `${message}\n${changedSentence(progress.changed, progress.vocabulary, progress.outcome)}`;
    if (progress.status && progress.status !== 'failed') {
      // The run had already ended with its status; the signal only caught it on the way out.
      io.log.warning(said, title);
      // Its record's final state may be on its way: let it land (the first state sent wins).
      const state = progress.status === 'completed' || progress.status === 'triggered' ? 'success' : 'error';
      await record()?.finish(state, `Rollback ${progress.status}`, undefined, GITHUB_CANCEL_MS);
      process.exit(process.exitCode ?? 0);
    }
    io.error(said, title);
    if (!progress.status) setEndingOutputs(io, 'cancelled', progress);
    io.writeSummary(renderSummary({ ...summaryFields(progress, progress.status ?? 'cancelled', facts(), secrets, io, own), failure: { title, message } }));
    // A GitHub deployment must not stay in_progress: give it its final state, saying what was sent.
    await record()?.finish('error', `Cancelled: ${changedSentence(progress.changed, progress.vocabulary, progress.outcome)}`, undefined, GITHUB_CANCEL_MS);
    process.exit(1);
  };
  let handling = false;
  const once = (signal: NodeJS.Signals): void => {
    // The runner sends SIGINT, then SIGTERM: the second signal must not cut the first one's report short.
    if (handling) return;
    handling = true;
    void handler(signal);
  };
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
}
