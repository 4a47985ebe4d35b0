import { ActionError } from '../../errors.js';

/** One deployment as GET /deployment and POST /deployment/{id}/redeploy report it. */
export interface Deployment {
  id: string;
  /** null for a deployment made without a name */
  name: string | null;
  source: string | null;
  /** As the engine writes it, e.g. 2013-04-23T13:42:43.000+0200 */
  deploymentTime: string;
  tenantId: string | null;
}

/** One entry of GET /deployment/{id}/resources. */
export interface DeploymentResource {
  id: string;
  name: string;
}

/** A process or decision definition, as GET /process-definition and /decision-definition list them. */
export interface Definition {
  id: string;
  key: string;
  version: number;
  deploymentId: string;
  tenantId: string | null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A 2xx body that is not what the engine documents: name the endpoint instead of crashing on undefined. */
function shapeError(endpoint: string, what: string): ActionError {
  return new ActionError(
    'Unexpected response from the Camunda engine',
    `${endpoint} returned a response the action cannot read (${what}). Check that api_url is the engine-rest base (e.g. https://bpm.example.com/engine-rest) and that no proxy answers in its place.`
  );
}

function text(endpoint: string, obj: Json, key: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') throw shapeError(endpoint, `'${key}' is missing or not a string`);
  return value;
}

function optionalText(endpoint: string, obj: Json, key: string): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw shapeError(endpoint, `'${key}' is not a string`);
  return value;
}

function list(endpoint: string, body: unknown): Json[] {
  if (!Array.isArray(body)) throw shapeError(endpoint, 'expected a JSON array');
  return body.map((item, index) => {
    if (!isObject(item)) throw shapeError(endpoint, `item ${index} is not an object`);
    return item;
  });
}

export function parseDeployment(endpoint: string, body: unknown): Deployment {
  if (!isObject(body)) throw shapeError(endpoint, 'expected a deployment object');
  return {
    id: text(endpoint, body, 'id'),
    name: optionalText(endpoint, body, 'name'),
    source: optionalText(endpoint, body, 'source'),
    deploymentTime: optionalText(endpoint, body, 'deploymentTime') ?? '',
    tenantId: optionalText(endpoint, body, 'tenantId')
  };
}

export function parseDeployments(endpoint: string, body: unknown): Deployment[] {
  return list(endpoint, body).map((item) => parseDeployment(endpoint, item));
}

export function parseResources(endpoint: string, body: unknown): DeploymentResource[] {
  return list(endpoint, body).map((item) => ({ id: text(endpoint, item, 'id'), name: text(endpoint, item, 'name') }));
}

export function parseDefinitions(endpoint: string, body: unknown): Definition[] {
  return list(endpoint, body).map((item) => {
    const version = item.version;
    if (typeof version !== 'number') throw shapeError(endpoint, "'version' is not a number");
    return {
      id: text(endpoint, item, 'id'),
      key: text(endpoint, item, 'key'),
      version,
      deploymentId: text(endpoint, item, 'deploymentId'),
      tenantId: optionalText(endpoint, item, 'tenantId')
    };
  });
}
