/**
 * Validates engine-rest responses against the engine's official OpenAPI document
 * (org.camunda.bpm:camunda-engine-rest-openapi, unpacked into the engine's target/ by its pom).
 * The document is OpenAPI 3.0: `nullable: true` is translated into JSON Schema for ajv.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { OPENAPI_PATH } from '../../../sandbox/camunda/engine-process.js';

type Node = Record<string, unknown>;
const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null type (or a null alternative for $ref/allOf). */
export function translateNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(translateNullable);
  if (!isObject(node)) return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'nullable') out[key] = translateNullable(value);
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}) };
  return { anyOf: [out, { type: 'null' }] };
}

/** The engine writes dates as 2013-04-23T13:42:43.000+0200: not RFC 3339 (no colon in the offset). */
const ENGINE_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d{2}:?\d{2}|Z)?$/;

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

function load(): Ajv {
  if (!ajv) {
    const spec = translateNullable(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'))) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    // A known gap in the document: the engine answers `"code": null` (e.g. 404 for an unknown
    // deployment) where ExceptionDto declares a plain number. Widened here, and only here.
    spec.components.schemas.ExceptionDto!.properties.code = { type: ['number', 'null'] };
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('date-time', ENGINE_DATE);
    for (const format of ['binary', 'int32', 'int64', 'float', 'double', 'password', 'date']) ajv.addFormat(format, true);
    ajv.addSchema(spec as object, 'camunda');
  }
  return ajv;
}

const pointer = (...segments: string[]) => segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** Problems of `body` against the documented response of `path` (the document's template) and status; [] when valid. */
export function validateResponse(method: 'get' | 'post', path: string, status: number, body: unknown): string[] {
  return validateRef(`camunda#/${pointer('paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema')}`, body);
}

/** Problems of `body` against one of the document's component schemas (for statuses an endpoint does not list). */
export function validateSchema(name: string, body: unknown): string[] {
  return validateRef(`camunda#/${pointer('components', 'schemas', name)}`, body);
}

function validateRef(ref: string, body: unknown): string[] {
  let validate = cache.get(ref);
  if (!validate) {
    validate = load().compile({ $ref: ref });
    cache.set(ref, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'} (${e.schemaPath})`);
}
