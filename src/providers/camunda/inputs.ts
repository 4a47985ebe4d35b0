import { InputError } from '../../errors.js';
import type { CommonInputs } from '../../settings.js';
import { hasControlCharacters, parseApiUrl, parseSecret, parseUserName, quoteInput, readInput, splitList, type InputReader, type Masker } from '../../inputs/parse.js';
import { basicCredential } from '../../report/redact.js';
import { parseRevisionSelector } from '../../revision-selector.js';
import type { CamundaAuth, CamundaSettings } from '../../settings.js';

const EXAMPLE_URL = 'https://bpm.example.com/engine-rest';
/** Engine ids are UUIDs (or numbers with the database id generator). */
export const DEPLOYMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Longer than the engine's name column (255) cannot be a deployment name. */
const MAX_NAME_LENGTH = 255;

/**
 * Camunda 7's inputs. There is no default engine and no environment fallback: the engine is
 * always the workflow's own, named explicitly.
 */
export function readCamundaInputs(read: InputReader, _env: NodeJS.ProcessEnv, mask: Masker, common: CommonInputs): CamundaSettings {
  const auth = parseAuth(read, mask);
  const rawUrl = readInput(read, 'api_url').trim();
  if (!rawUrl) {
    throw new InputError('api_url', `api_url is required for provider camunda: the engine-rest base, e.g. ${EXAMPLE_URL} (a named engine: ${EXAMPLE_URL}/engine/{name}).`);
  }
  const apiUrl = parseApiUrl(rawUrl, EXAMPLE_URL);
  const revision = parseRevisionSelector(readInput(read, 'revision') || 'previous', { id: { pattern: DEPLOYMENT_ID, describe: 'a deployment id' } });
  const appId = readInput(read, 'app_id').trim();
  if (!appId && revision.kind !== 'ref') {
    throw new InputError(
      'app_id',
      `app_id is required with revision ${quoteInput(revision.text)}: the deployment name, as Cockpit shows it. Only with a deployment id as revision may it be left empty.`
    );
  }
  if (appId.length > MAX_NAME_LENGTH || hasControlCharacters(appId)) {
    throw new InputError('app_id', `${quoteInput(appId)} cannot be a deployment name: at most ${MAX_NAME_LENGTH} characters, no control characters.`);
  }
  const tenantId = readInput(read, 'tenant_id').trim();
  if (tenantId && !/^[A-Za-z0-9_-]{1,64}$/.test(tenantId)) {
    throw new InputError('tenant_id', `${quoteInput(tenantId)} is not a tenant id: the engine allows letters, digits, _ and -.`);
  }
  return {
    ...common,
    provider: 'camunda',
    apiUrl,
    auth,
    appId,
    revision,
    tenantId: tenantId || undefined,
    resources: parseResources(readInput(read, 'resources'))
  };
}

function parseAuth(read: InputReader, mask: Masker): CamundaAuth {
  // Both secrets masked first, so a refused combination never shows one. The user name is not a
  // secret (a 403 names the user), but the Basic header's base64 of user:password is.
  const password = parseSecret('password', readInput(read, 'password'), mask);
  const token = parseSecret('api_key', readInput(read, 'api_key'), mask);
  const username = parseUserName('username', readInput(read, 'username'));
  if (username && password) mask(basicCredential(username, password));
  if (token && (username || password)) {
    throw new InputError('api_key', 'Give either api_key (a bearer token, for an engine behind an OAuth proxy) or username and password (HTTP Basic), not both.');
  }
  if (token) return { kind: 'bearer', token };
  if (username && !password)
    throw new InputError('password', 'username is set but password is empty: HTTP Basic needs both (from secrets), or neither for an engine without authentication.');
  if (password && !username) throw new InputError('username', 'password is set but username is empty: HTTP Basic needs both, or neither for an engine without authentication.');
  if (username && username.includes(':')) throw new InputError('username', 'The user name contains a colon, which HTTP Basic cannot carry.');
  return username ? { kind: 'basic', username, password } : { kind: 'none' };
}

function parseResources(raw: string): string[] | undefined {
  // Resource names may contain spaces: only commas and line breaks separate them.
  const names = splitList(raw, /[,\r\n]+/);
  if (names.length === 0) return undefined;
  for (const name of names) {
    if (name.length > MAX_NAME_LENGTH || hasControlCharacters(name)) {
      throw new InputError('resources', `${quoteInput(name)} cannot be a resource name: at most ${MAX_NAME_LENGTH} characters, no control characters.`);
    }
  }
  return [...new Set(names)];
}
