/**
 * Validates response bodies against Qovery's published OpenAPI document (3.0, YAML), vendored in
 * sandbox/qovery/openapi/ so a fresh clone can run the tests (spec-sync.test.ts keeps it equal
 * to the project's reference copy in ../shared/specs). Shared by the sandbox tests and the
 * action's e2e tests, so the sandbox and the client are held to the same published contract.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SPEC_PATH = path.resolve(here, '..', '..', '..', 'sandbox', 'qovery', 'openapi', 'qovery-openapi.yaml');
export const REFERENCE_SPEC_PATH = path.resolve(here, '..', '..', '..', '..', 'shared', 'specs', 'qovery-openapi.yaml');
const SPEC_ID = 'qovery-openapi';

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }> }>>;
  components: { schemas: Record<string, Record<string, unknown>>; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}

let ajv: Ajv | undefined;
let spec: OpenApiDoc | undefined;
const cache = new Map<string, ValidateFunction>();

function load(): { ajv: Ajv; spec: OpenApiDoc } {
  if (!ajv || !spec) {
    spec = parse(readFileSync(SPEC_PATH, 'utf8'), { maxAliasCount: -1 }) as OpenApiDoc;
    // The document's DeploymentHistoryServiceDetails is a oneOf whose helm branch requires
    // nothing, so every application or container detail matches two branches and, as written,
    // no real history entry validates. Checked as anyOf: each branch's own requirements still
    // apply, only the "exactly one" rule the document cannot satisfy is dropped.
    const details = spec.components.schemas.DeploymentHistoryServiceDetails!;
    details.anyOf = details.oneOf;
    delete details.oneOf;
    // OpenAPI 3.0 is draft-04/07 flavoured and uses `nullable`, which Ajv's default (draft-07) engine supports.
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    ajv.addFormat('uuid', (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));
    ajv.addFormat('duration', (s: string) => /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(s));
    for (const f of ['uri', 'email', 'date', 'binary', 'password', 'string', 'int32', 'int64', 'float', 'double', 'byte', 'url', 'ipv4', 'hostname']) ajv.addFormat(f, true);
    ajv.addSchema(spec as object, SPEC_ID);
  }
  return { ajv, spec };
}

function pointer(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

function format(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'} (${e.schemaPath})`);
}

function compiled(ref: string): ValidateFunction {
  let validate = cache.get(ref);
  if (!validate) {
    validate = load().ajv.compile({ $ref: ref });
    cache.set(ref, validate);
  }
  return validate;
}

/**
 * Errors of `body` against the documented response schema (empty when valid). A documented
 * status without a body schema (401, 403, 404, 409) accepts anything; an undocumented one is an error.
 */
export function validateResponse(pathTemplate: string, method: string, status: number, body: unknown): string[] {
  const { spec: doc } = load();
  const m = method.toLowerCase();
  const responses = doc.paths[pathTemplate]?.[m]?.responses;
  if (!responses) return [`${method.toUpperCase()} ${pathTemplate} is not in the OpenAPI document`];
  const code = [String(status), `${String(status).charAt(0)}XX`, 'default'].find((c) => responses[c] !== undefined);
  if (!code) return [`status ${status} is not documented for ${method.toUpperCase()} ${pathTemplate}`];
  let response = responses[code]!;
  let base = pointer('paths', pathTemplate, m, 'responses', code);
  if (response.$ref) {
    const name = response.$ref.split('/').pop()!;
    response = doc.components.responses[name]!;
    base = pointer('components', 'responses', name);
  }
  if (!response.content?.['application/json']?.schema) return [];
  const validate = compiled(`${SPEC_ID}#/${base}/content/application~1json/schema`);
  return validate(body) ? [] : format(validate.errors);
}

/** Errors of `value` against one component schema, e.g. 'DeployAllRequest'. */
export function validateComponent(name: string, value: unknown): string[] {
  const { spec: doc } = load();
  if (doc.components.schemas[name] === undefined) return [`component ${name} is not in the OpenAPI document`];
  const validate = compiled(`${SPEC_ID}#/${pointer('components', 'schemas', name)}`);
  return validate(value) ? [] : format(validate.errors);
}

/** The documented path templates the sandbox serves. */
export const Q = {
  environment: '/environment/{environmentId}',
  status: '/environment/{environmentId}/status',
  statuses: '/environment/{environmentId}/statuses',
  history: '/environment/{environmentId}/deploymentHistoryV2',
  redeploy: '/environment/{environmentId}/redeploy',
  deploy: '/environment/{environmentId}/service/deploy',
  queue: '/environment/{environmentId}/deploymentQueue',
  requestStatus: '/environment/deploymentStatus'
} as const;
