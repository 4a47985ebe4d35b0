import { InputError } from '../../errors.js';
import { canonicalUuid, parseApiUrl, parseSecret, quoteInput, readInput, type InputReader, type Masker } from '../../inputs/parse.js';
import { parseRevisionSelector } from '../../revision-selector.js';
import type { CommonInputs } from '../../settings.js';
import type { QoverySettings } from '../../settings.js';

export const QOVERY_DEFAULT_API_URL = 'https://api.qovery.com';

/**
 * An execution id as the deployment history shows it: a UUID, possibly followed by numeric
 * parts (request id, attempt, timestamp). Compared case-insensitively.
 */
export const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:-[0-9]{1,20}){0,3}$/i;

/**
 * Qovery's inputs. The official CLI reads its token from QOVERY_CLI_ACCESS_TOKEN, so a workflow
 * that already sets it for the CLI works unchanged. Phala's environment fallbacks do not apply.
 */
export function readQoveryInputs(read: InputReader, env: NodeJS.ProcessEnv, mask: Masker, common: CommonInputs): QoverySettings {
  const apiKey = parseSecret('api_key', readInput(read, 'api_key').trim() || (env.QOVERY_CLI_ACCESS_TOKEN ?? '').trim(), mask);
  if (!apiKey) {
    throw new InputError(
      'api_key',
      'No Qovery API token. Set the api_key input (e.g. api_key: ${{ secrets.QOVERY_API_TOKEN }}) or the QOVERY_CLI_ACCESS_TOKEN environment variable. Create a token in the Qovery console (Organization settings → API token).'
    );
  }
  const apiUrl = parseApiUrl(readInput(read, 'api_url').trim() || QOVERY_DEFAULT_API_URL, QOVERY_DEFAULT_API_URL);
  const appId = parseEnvironmentId(readInput(read, 'app_id'));
  const revision = parseRevisionSelector(readInput(read, 'revision') || 'previous', { current: true, id: { pattern: EXECUTION_ID, describe: 'an execution id' } });
  if (revision.kind === 'ref') revision.revisionId = revision.revisionId.toLowerCase();
  return { ...common, provider: 'qovery', apiKey, apiUrl, appId, revision };
}

function parseEnvironmentId(raw: string): string {
  const text = raw.trim();
  if (!text) {
    throw new InputError('app_id', "app_id is required: the environment's id (a UUID), as shown in the console URL …/environment/<id>/overview.");
  }
  const uuid = canonicalUuid(text);
  if (!uuid) {
    throw new InputError('app_id', `${quoteInput(text)} is not an environment id: expected a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a.`);
  }
  return uuid;
}

/** Qovery API tokens go as `Token …`; a JWT (three base64url parts, e.g. from an OIDC login) as `Bearer …`. */
export function authorizationHeader(token: string): string {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) ? `Bearer ${token}` : `Token ${token}`;
}
