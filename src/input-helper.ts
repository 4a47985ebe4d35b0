import { InputError } from './errors.js';
import { checkUrlCharacters, hasControlCharacters, parseBoolean, parseSecret, parseTimeout, quoteInput, readInput, type InputReader, type Masker } from './inputs/parse.js';
import { parseHealthFailures, parseHealthInterval, parseHealthStatus, parseHealthTimeout, parseHealthUrl, parseRollbackWhen } from './verify/health-status.js';
import { readCamundaInputs } from './providers/camunda/inputs.js';
import { readPhalaInputs } from './providers/phala/inputs.js';
import { readQoveryInputs } from './providers/qovery/inputs.js';
import { INPUT_DEFAULTS } from './inputs/defaults.js';
import { refuseForeignInputs, URL_INPUTS } from './inputs/ownership.js';
import { PROVIDERS, type CommonInputs, type ProviderName, type Settings } from './settings.js';

export type { InputReader } from './inputs/parse.js';
export { isLoopbackHost } from './inputs/parse.js';
export { PHALA_DEFAULT_API_URL as DEFAULT_API_URL } from './providers/phala/inputs.js';

export type { CommonInputs } from './settings.js';

/**
 * Turns raw inputs into one validated Settings object (one variant per provider). Every check
 * runs before the first request, so a typo fails in milliseconds with the input's name instead
 * of half-way through an incident. Secrets are passed to `mask` the moment they are read.
 */
export function getSettings(read: InputReader, env: NodeJS.ProcessEnv, mask: Masker): Settings {
  const provider = parseProvider(readInput(read, 'provider'));
  const githubToken = parseSecret('github_token', readInput(read, 'github_token'), mask);
  refuseForeignInputs(read, provider);
  for (const name of URL_INPUTS) checkUrlCharacters(name, readInput(read, name));
  const healthUrl = parseHealthUrl(readInput(read, 'health_url'), mask);
  const rollbackWhen = parseRollbackWhen(readInput(read, 'rollback_when'));
  const gate = { failures: parseHealthFailures(readInput(read, 'health_failures')), intervalSeconds: parseHealthInterval(readInput(read, 'health_interval')) };
  if (rollbackWhen === 'unhealthy' && !healthUrl) {
    throw new InputError(
      'health_url',
      "rollback_when: unhealthy needs health_url: the app's health endpoint that decides whether to roll back (e.g. https://app.example.com/healthz)."
    );
  }
  const common: CommonInputs = {
    wait: parseBoolean('wait', readInput(read, 'wait'), true),
    timeoutSeconds: parseTimeout(readInput(read, 'timeout')),
    dryRun: parseBoolean('dry_run', readInput(read, 'dry_run'), false),
    health: healthUrl
      ? { url: healthUrl, matcher: parseHealthStatus(readInput(read, 'health_status')), timeoutSeconds: parseHealthTimeout(readInput(read, 'health_timeout')) }
      : undefined,
    gate: rollbackWhen === 'unhealthy' ? gate : undefined,
    github: githubToken ? { token: githubToken, environment: parseEnvironment(readInput(read, 'environment')) } : undefined
  };
  if (!healthUrl) {
    // Checked even when unused, so a typo does not wait for the day health_url is set.
    parseHealthStatus(readInput(read, 'health_status'));
    parseHealthTimeout(readInput(read, 'health_timeout'));
  }
  switch (provider) {
    case 'phala':
      return readPhalaInputs(read, env, mask, common);
    case 'qovery':
      return readQoveryInputs(read, env, mask, common);
    case 'camunda':
      return readCamundaInputs(read, env, mask, common);
  }
}

export function parseProvider(raw: string): ProviderName {
  const provider = (raw.trim() || INPUT_DEFAULTS.provider).toLowerCase();
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new InputError('provider', `${quoteInput(provider)} is not supported. Supported: ${PROVIDERS.join(', ')}.`);
  }
  return provider as ProviderName;
}

/** A GitHub environment name: what the deployment record is filed under. */
function parseEnvironment(raw: string): string {
  const name = raw.trim() || INPUT_DEFAULTS.environment;
  if (name.length > 255 || hasControlCharacters(name)) {
    throw new InputError('environment', `${quoteInput(name)} is not a GitHub environment name: at most 255 characters, no control characters.`);
  }
  return name;
}
