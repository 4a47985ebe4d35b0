import { InputError } from '../errors.js';
import { PROVIDERS, type ProviderName } from '../settings.js';
import { defaultOf } from './defaults.js';
import type { InputReader } from './parse.js';

/**
 * The inputs only one provider reads (action.yml says "<provider> only"). Another provider would
 * silently ignore them, and the run would do something else than asked: a Qovery run given
 * vm_uuids rolls back every service of the environment, not one. A test keeps this equal to
 * action.yml.
 */
export const PROVIDER_ONLY_INPUTS: Readonly<Record<ProviderName, readonly string[]>> = {
  phala: ['vm_uuids', 'transaction_hash'],
  camunda: ['username', 'password', 'tenant_id', 'resources'],
  qovery: []
};

/** Inputs that are URLs: requests are built from them, so none may hold a control character. */
export const URL_INPUTS = ['api_url', 'health_url'] as const;

/** Whether the workflow set the input (the runner's default does not count). */
export function isGiven(read: InputReader, name: string): boolean {
  const value = read(name).trim();
  return value !== '' && value !== defaultOf(name);
}

/**
 * Refuses, before any request, an input that belongs to another provider, naming the provider
 * that takes it. Never echoes the value: it may be a password.
 */
export function refuseForeignInputs(read: InputReader, provider: ProviderName): void {
  for (const owner of PROVIDERS) {
    if (owner === provider) continue;
    for (const name of PROVIDER_ONLY_INPUTS[owner]) {
      if (!isGiven(read, name)) continue;
      throw new InputError(
        name,
        `${name} is an input of provider ${owner} only; this run's provider is ${provider}, which has no such input and would roll back without it (e.g. more than you meant). Remove ${name} from the step's with:, or set provider: ${owner} if that is the platform meant.`
      );
    }
  }
}
