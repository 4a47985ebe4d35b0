import { randomBytes } from 'node:crypto';

/** The engine's column holds 255 characters. */
const MAX_SOURCE_LENGTH = 255;

/**
 * The `source` of the deployment a rollback creates. It names the workflow run, so this run's
 * deployment can be found after a lost answer and a later `previous` can tell that the current
 * deployment is a rollback. Outside a workflow a random suffix keeps it unique.
 */
export function rollbackSource(env: NodeJS.ProcessEnv, random: () => string = () => randomBytes(6).toString('hex')): string {
  const { GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt } = env;
  const source = repo && runId ? `rollback ${repo} run ${runId}.${attempt || '1'}` : `rollback ${random()}`;
  return source.slice(0, MAX_SOURCE_LENGTH);
}

/** Was this deployment made by this action's rollback (any run)? */
export function isRollbackSource(source: string | null): boolean {
  return source !== null && /^rollback (?:\S+\/\S+ run \d+\.\d+|[0-9a-f]{12})$/.test(source);
}
