/**
 * The link to this workflow run, from the runner's environment: where the summary, the GitHub
 * deployment record and an on-call engineer point. Undefined outside a workflow, or when the
 * variables do not look like the runner's (they end up in a link).
 */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const repository = env.GITHUB_REPOSITORY?.trim();
  const runId = env.GITHUB_RUN_ID?.trim();
  if (!repository || !runId || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^\d+$/.test(runId)) return undefined;
  const server = (env.GITHUB_SERVER_URL?.trim() || 'https://github.com').replace(/\/+$/, '');
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
  const base = `${server}/${repository}/actions/runs/${runId}`;
  return Number.isInteger(attempt) && attempt > 1 ? `${base}/attempts/${attempt}` : base;
}
