/**
 * Validates response bodies against Phala Cloud's published OpenAPI document, vendored in
 * sandbox/phala/openapi/ so a fresh clone can run the tests (spec-sync.test.ts keeps it equal to
 * the project's reference copy in ../shared/specs).
 * Shared by the sandbox tests and the action's e2e tests, so the sandbox and the client are
 * held to the same published contract.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SPEC_PATH = path.resolve(here, '..', '..', 'sandbox', 'phala', 'openapi', 'phala-cloud-openapi.json');
/** The reference copy beside the repository (present in CI and on the team's machines). */
export const REFERENCE_SPEC_PATH = path.resolve(here, '..', '..', '..', 'shared', 'specs', 'phala-cloud-openapi.json');
const SPEC_ID = 'phala-openapi';

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
}

let ajv: Ajv2020 | undefined;
let spec: OpenApiDoc | undefined;
const cache = new Map<string, ValidateFunction>();

function load(): { ajv: Ajv2020; spec: OpenApiDoc } {
  if (!ajv || !spec) {
    spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    // Formats the spec uses that ajv does not know. 'date-time' is checked loosely (parseable);
    // the rest are naming conventions, not syntax.
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    ajv.addFormat('decimal', (s: string) => /^-?\d+(\.\d+)?$/.test(s));
    for (const f of ['hashid', 'uri', 'email', 'uuid', 'date', 'binary', 'password']) ajv.addFormat(f, true);
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

/** The documented path template, accepting it with or without the /api/v1 prefix. */
function findPath(doc: OpenApiDoc, template: string): string | undefined {
  if (doc.paths[template]) return template;
  const prefixed = `/api/v1${template.startsWith('/') ? '' : '/'}${template}`;
  return doc.paths[prefixed] ? prefixed : undefined;
}

/**
 * Errors of `body` against the documented response schema (empty when valid). A documented
 * status without a body schema (e.g. 401, 465) accepts anything; an undocumented one is an error.
 */
export function validateResponse(pathTemplate: string, method: string, status: number, body: unknown): string[] {
  const { ajv: a, spec: doc } = load();
  const p = findPath(doc, pathTemplate);
  if (!p) return [`path ${pathTemplate} is not in the OpenAPI document`];
  const m = method.toLowerCase();
  const responses = doc.paths[p]?.[m]?.responses;
  if (!responses) return [`${method.toUpperCase()} ${p} is not in the OpenAPI document`];
  const code = [String(status), `${String(status).charAt(0)}XX`, 'default'].find((c) => responses[c] !== undefined);
  if (!code) return [`status ${status} is not documented for ${method.toUpperCase()} ${p}`];
  const content = responses[code]?.content?.['application/json'];
  if (!content || content.schema === undefined) return [];
  const ref = `${SPEC_ID}#/${pointer('paths', p, m, 'responses', code, 'content', 'application/json', 'schema')}`;
  let validate = cache.get(ref);
  if (!validate) {
    validate = a.compile({ $ref: ref });
    cache.set(ref, validate);
  }
  return validate(body) ? [] : format(validate.errors);
}

/** Errors of `value` against one component schema, e.g. 'CVMInfoDetail'. */
export function validateComponent(name: string, value: unknown): string[] {
  const { ajv: a, spec: doc } = load();
  if (doc.components.schemas[name] === undefined) return [`component ${name} is not in the OpenAPI document`];
  const ref = `${SPEC_ID}#/${pointer('components', 'schemas', name)}`;
  let validate = cache.get(ref);
  if (!validate) {
    validate = a.compile({ $ref: ref });
    cache.set(ref, validate);
  }
  return validate(value) ? [] : format(validate.errors);
}
