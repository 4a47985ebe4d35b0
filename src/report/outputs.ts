import { ActionError } from '../errors.js';

/**
 * Every output the action can set, with what its value must look like. A later `run:` step may
 * paste an output into a shell, so a value that does not fit is refused (the run fails naming the
 * field) rather than passed on: platform text never reaches an output unchecked.
 */
const ID = /^[A-Za-z0-9_-]{1,128}$/;
const HASH = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A version as platforms spell them: commit ids, image tags, chart versions. */
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+:@/-]{0,199}$/;
const SAFE_NAME = /^[A-Za-z0-9 ._/:+@-]{1,128}$/;
/** A console page: https, or plain http to a sandbox on loopback; a path of shell-safe characters. */
const CONSOLE_URL = /^(https:\/\/[A-Za-z0-9.-]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\]))(:[0-9]{1,5})?(\/[A-Za-z0-9._~/-]*)?$/;

export const STATUSES = ['completed', 'triggered', 'skipped', 'dry_run', 'failed', 'cancelled'] as const;
export type RollbackStatus = (typeof STATUSES)[number];

type Check = (value: string) => string | undefined;

const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    values.includes(value) ? undefined : `expected one of ${values.join(', ')}`;
const matches =
  (pattern: RegExp, what: string, allowEmpty = false): Check =>
  (value) =>
    (allowEmpty && value === '') || pattern.test(value) ? undefined : `expected ${what}`;

function jsonArray(check: (item: unknown) => string | undefined, what: string): Check {
  return (value) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return `expected a JSON array of ${what}`;
    }
    if (!Array.isArray(parsed)) return `expected a JSON array of ${what}`;
    for (const item of parsed) {
      const problem = check(item);
      if (problem) return problem;
    }
    return undefined;
  };
}

function service(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return 'expected objects {id, name, type, from, to}';
  const { id, name, type, from, to } = item as Record<string, unknown>;
  if (typeof id !== 'string' || !UUID.test(id)) return `service id ${JSON.stringify(String(id)).slice(0, 60)} is not a UUID`;
  if (typeof name !== 'string' || !SAFE_NAME.test(name)) return `service name of ${id} has characters that are not allowed in an output`;
  if (typeof type !== 'string' || !/^[A-Z_]{1,32}$/.test(type)) return `service type of ${id} is not a Qovery service type`;
  for (const [field, version] of [
    ['from', from],
    ['to', to]
  ] as const) {
    if (version !== '' && (typeof version !== 'string' || !VERSION.test(version))) return `service ${id} '${field}' is not a version`;
  }
  return undefined;
}

export const OUTPUT_RULES: Record<string, Check> = {
  status: oneOf(STATUSES),
  revision_id: matches(ID, 'an id of 1 to 128 letters, digits, _ or -'),
  compose_hash: matches(HASH, '64 lower-case hex characters'),
  previous_compose_hash: matches(HASH, '64 lower-case hex characters (or empty)', true),
  vm_uuids: jsonArray((item) => (typeof item === 'string' && UUID.test(item) ? undefined : 'expected UUIDs'), 'UUIDs'),
  deployment_id: matches(ID, 'a deployment id of 1 to 128 letters, digits, _ or -', true),
  previous_deployment_id: matches(ID, 'a deployment id of 1 to 128 letters, digits, _ or -', true),
  services: jsonArray(service, '{id, name, type, from, to}'),
  console_url: (value) => (value === '' || (CONSOLE_URL.test(value) && value.length <= 512) ? undefined : 'expected an https URL (or http to a loopback sandbox)'),
  health: oneOf(['healthy', 'unhealthy', 'skipped']),
  health_before: oneOf(['healthy', 'unhealthy', 'not_checked'])
};

/** The output names a run may set; action.yml declares exactly these. */
export const OUTPUT_NAMES = Object.keys(OUTPUT_RULES);

/** Returns the value if it is well formed for that output; throws naming the field otherwise. */
export function checkOutput(name: string, value: string): string {
  const rule = OUTPUT_RULES[name];
  if (!rule) throw new ActionError('Unexpected output', `The action tried to set an undeclared output '${name}'.`);
  const problem = rule(value);
  if (problem) {
    const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
    throw new ActionError(
      `Refused a malformed '${name}' output`,
      `The platform returned a value for '${name}' that does not look like one (${problem}; got ${shown}). It was not set as an output, because later steps may use it in a shell. The platform's answer may be corrupted or hostile; check it in the platform's console.`
    );
  }
  return value;
}
