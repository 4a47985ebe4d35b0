import { InputError } from './errors.js';
import { parseBoolean, parseTimeout, quoteInput, readInput, type InputReader, type Masker } from './inputs/parse.js';
import { readCamundaInputs } from './providers/camunda/inputs.js';
import { readPhalaInputs } from './providers/phala/inputs.js';
import { PROVIDERS, type CommonSettings, type ProviderName, type Settings } from './settings.js';

export type { InputReader } from './inputs/parse.js';
export { isLoopbackHost } from './inputs/parse.js';
export { PHALA_DEFAULT_API_URL as DEFAULT_API_URL } from './providers/phala/inputs.js';

/** The inputs every provider reads the same way; each provider adds its own to these. */
export type CommonInputs = Omit<CommonSettings, 'provider' | 'apiUrl' | 'appId' | 'revision'>;

/**
 * Turns raw inputs into one validated Settings object (one variant per provider). Every check
 * runs before the first request, so a typo fails in milliseconds with the input's name instead
 * of half-way through an incident. Secrets are passed to `mask` the moment they are read.
 */
export function getSettings(read: InputReader, env: NodeJS.ProcessEnv, mask: Masker): Settings {
  const provider = parseProvider(readInput(read, 'provider'));
  const common: CommonInputs = {
    wait: parseBoolean('wait', readInput(read, 'wait'), true),
    timeoutSeconds: parseTimeout(readInput(read, 'timeout')),
    dryRun: parseBoolean('dry_run', readInput(read, 'dry_run'), false)
  };
  switch (provider) {
    case 'phala':
      return readPhalaInputs(read, env, mask, common);
    case 'camunda':
      return readCamundaInputs(read, env, mask, common);
    default:
      throw new InputError('provider', `'${provider}' is recognised but not built into this version of the action.`);
  }
}

export function parseProvider(raw: string): ProviderName {
  const provider = (raw.trim() || 'phala').toLowerCase();
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new InputError('provider', `${quoteInput(provider)} is not supported. Supported: ${PROVIDERS.join(', ')}.`);
  }
  return provider as ProviderName;
}
