import { getOctokit } from '@actions/github';
import type { Logger } from '../log.js';
import { runUrl } from '../report/run-url.js';

export type DeploymentFinalState = 'success' | 'failure' | 'error';

/** A GitHub deployment opened for this rollback; `finish` posts its final status. Never throws. */
export interface DeploymentRecord {
  readonly id: number;
  /** The workflow run's page, sent as log_url with every status. */
  readonly logUrl: string | undefined;
  finish(state: DeploymentFinalState, description: string, environmentUrl?: string): Promise<void>;
}

export interface DeploymentRecordOptions {
  /** github_token; empty means no record. The caller masks it. */
  token: string;
  /** GitHub environment name; blank means 'production', GitHub's own default. */
  environment: string;
  description: string;
  /** GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF, GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT. */
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Stored on the deployment, e.g. the target revision and compose hash. */
  payload?: Record<string, unknown>;
  userAgent?: string;
  /** Cap on each GitHub call (default 10000), so a stalled API cannot hold up the rollback. */
  requestTimeoutMs?: number;
}

export const WARNING_TITLE = 'GitHub deployment record';
const MAX_DESCRIPTION = 140;

export { runUrl } from '../report/run-url.js';

/**
 * Opens a GitHub deployment for the rollback (status in_progress), so the repository's
 * environment page shows what the action did. A record is a courtesy, not part of the
 * rollback: every GitHub failure becomes one warning saying what to fix, and later calls are
 * skipped. Returns undefined when there is no token or the deployment could not be created.
 */
export async function createDeploymentRecord(options: DeploymentRecordOptions): Promise<DeploymentRecord | undefined> {
  const { token, env, log } = options;
  if (!token) return undefined;

  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').trim().split('/');
  const ref = env.GITHUB_SHA?.trim() || env.GITHUB_REF?.trim();
  if (!owner || !repo || rest.length > 0 || !ref) {
    log.warning('GITHUB_REPOSITORY and GITHUB_SHA are not set (is this running outside GitHub Actions?), so no deployment is recorded. The rollback is unaffected.', WARNING_TITLE);
    return undefined;
  }
  const baseUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
  const environment = options.environment.trim() || 'production';
  const logUrl = runUrl(env);
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const context: FailureContext = { baseUrl, repository: `${owner}/${repo}`, ref, environment, timeoutMs };

  let octokit: ReturnType<typeof getOctokit>;
  try {
    octokit = getOctokit(token, {
      baseUrl,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      // Octokit's own notices (e.g. deprecations) are for the debug log, not annotations.
      log: { debug: () => undefined, info: () => undefined, warn: (m: string) => log.debug(m), error: (m: string) => log.debug(m) }
    });
  } catch (error) {
    log.warning(`Could not set up the GitHub client: ${describe(error)}. The rollback is unaffected.`, WARNING_TITLE);
    return undefined;
  }

  let broken = false;
  /**
   * Runs one GitHub call within the cap. A refusal is reported once and stops all later calls
   * (the token or the repository is wrong); a call that timed out does not, so a slow
   * in_progress never keeps the final state from being sent.
   */
  async function attempt<T>(step: string, call: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    if (broken) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await call(controller.signal);
    } catch (error) {
      const timedOut = controller.signal.aborted;
      broken = !timedOut;
      const further = broken ? ' no further deployment updates are sent.' : '';
      log.warning(`Could not ${step}: ${explain(error, timedOut, context)} The rollback is unaffected;${further || ' it goes on without waiting for GitHub.'}`, WARNING_TITLE);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  const postStatus = (deploymentId: number, state: 'in_progress' | DeploymentFinalState, description: string, environmentUrl?: string): Promise<unknown> =>
    attempt(`set the deployment status to ${state}`, (signal) =>
      octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        description: truncate(description),
        ...(logUrl ? { log_url: logUrl } : {}),
        ...(environmentUrl ? { environment_url: environmentUrl } : {}),
        request: { signal }
      })
    );

  const created = await attempt(`create a deployment in ${context.repository}`, (signal) =>
    octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref,
      environment,
      task: 'deploy:rollback',
      description: truncate(options.description),
      // A rollback must not wait for checks or merge the default branch into an old commit.
      required_contexts: [],
      auto_merge: false,
      transient_environment: false,
      payload: options.payload ?? {},
      request: { signal }
    })
  );
  if (!created) return undefined;
  // 202 means GitHub merged instead of deploying; only auto_merge does that, and it is off.
  const deployment = created.data as { id?: unknown; message?: unknown };
  if (created.status !== 201 || typeof deployment.id !== 'number') {
    log.warning(
      `GitHub did not create a deployment (answered ${created.status}${typeof deployment.message === 'string' ? `: ${deployment.message}` : ''}). The rollback is unaffected.`,
      WARNING_TITLE
    );
    return undefined;
  }
  const id = deployment.id;
  log.info(`Recorded GitHub deployment ${id} for environment '${environment}'.`);
  await postStatus(id, 'in_progress', options.description);

  return {
    id,
    logUrl,
    finish: async (state, description, environmentUrl) => {
      await postStatus(id, state, description, environmentUrl);
    }
  };
}

interface FailureContext {
  baseUrl: string;
  repository: string;
  ref: string;
  environment: string;
  timeoutMs: number;
}

/** What went wrong and what the user can change, from an Octokit error. */
function explain(error: unknown, timedOut: boolean, context: FailureContext): string {
  if (timedOut) return `GitHub (${context.baseUrl}) did not answer within ${context.timeoutMs / 1000}s.`;
  const status = (error as { status?: unknown }).status;
  const response = (error as { response?: { data?: unknown; headers?: Record<string, string | undefined> } }).response;
  if (typeof status !== 'number' || !response) return `GitHub (${context.baseUrl}) could not be reached: ${describe(error)}.`;
  const data = response.data as { message?: unknown; errors?: unknown } | undefined;
  const said = typeof data?.message === 'string' ? ` (${data.message})` : '';
  const answered = `GitHub answered ${status}${said}.`;
  switch (status) {
    case 401:
      return `${answered} The token was refused: check github_token (e.g. github_token: \${{ github.token }}).`;
    case 403:
      if (response.headers?.['x-ratelimit-remaining'] === '0') return `${answered} The API rate limit for this token is used up.`;
      return `${answered} The token may not write deployments: add \`permissions: deployments: write\` to the job (a fine-grained token needs "Deployments: Read and write").`;
    case 404:
      return `${answered} Repository ${context.repository} is not visible to this token at ${context.baseUrl}: add \`permissions: deployments: write\` to the job, and check GITHUB_API_URL on GitHub Enterprise Server.`;
    case 422:
      return `${answered} ${validationDetail(data?.errors)}Check that commit ${context.ref} is pushed to ${context.repository} and that '${context.environment}' is a valid environment name.`;
    default:
      return status >= 500 ? `${answered} GitHub had a server error; the record will be incomplete for this run.` : answered;
  }
}

function validationDetail(errors: unknown): string {
  if (!Array.isArray(errors)) return '';
  const parts = errors
    .map((e: { field?: unknown; code?: unknown; message?: unknown }) =>
      typeof e.message === 'string' ? e.message : typeof e.field === 'string' ? `${e.field}: ${String(e.code)}` : ''
    )
    .filter((part) => part !== '');
  return parts.length > 0 ? `${parts.join('; ')}. ` : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** GitHub rejects descriptions over 140 characters. */
function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION - 1)}…` : flat;
}

/**
 * A record opened in the background, so GitHub never holds the rollback back: the pipeline
 * waits for it only briefly before sending, and its final state is sent within a cap, also when
 * the run is cancelled (a record must never stay in_progress).
 */
export interface PendingRecord {
  /** Resolves when the record is open, or after `maxWaitMs`, whichever is first. */
  opened(maxWaitMs: number): Promise<void>;
  /** Posts the final state once the record is open; gives up after `maxWaitMs`. Never throws; only the first call counts. */
  finish(state: DeploymentFinalState, description: string, environmentUrl: string | undefined, maxWaitMs: number): Promise<void>;
}

export function startDeploymentRecord(options: DeploymentRecordOptions): PendingRecord {
  const created = createDeploymentRecord(options).catch((error: unknown) => {
    options.log.warning(`Could not record the rollback on GitHub: ${describe(error)}. The rollback is unaffected.`, WARNING_TITLE);
    return undefined;
  });
  let finishing: Promise<void> | undefined;
  return {
    opened: (maxWaitMs) =>
      within(
        created.then(() => undefined),
        maxWaitMs
      ),
    finish: (state, description, environmentUrl, maxWaitMs) => {
      finishing ??= created.then((record) => record?.finish(state, description, environmentUrl));
      return within(finishing, maxWaitMs);
    }
  };
}

/** Waits for `work` at most `ms`; the timer does not keep the process alive. */
function within(work: Promise<void>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    timer.unref();
    void work.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      }
    );
  });
}
