import { ActionError, type Changed } from '../../errors.js';
import { excerpt, type ApiResponse } from '../../http/api-client.js';
import type { CamundaAuth } from '../../settings.js';

/** What the engine said: engine-rest errors are `{type, message, code}`, 403s add the missing authorizations. */
export interface EngineError {
  type?: string;
  message?: string;
  missing: Array<{ permissionName?: string; resourceName?: string; resourceId?: string | null }>;
  userId?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function readEngineError(response: ApiResponse): EngineError {
  const body = response.body;
  if (!isObject(body)) return { message: response.text.trim() ? excerpt(response.text) : undefined, missing: [] };
  const missing = Array.isArray(body.missingAuthorizations)
    ? body.missingAuthorizations.filter(isObject).map((m) => ({
        permissionName: optional(m.permissionName),
        resourceName: optional(m.resourceName),
        resourceId: typeof m.resourceId === 'string' ? m.resourceId : null
      }))
    : [];
  return { type: optional(body.type), message: optional(body.message), missing, userId: optional(body.userId) };
}

export interface FailureContext {
  /** what the action was doing, e.g. "reading the deployments named invoice" */
  doing: string;
  auth: CamundaAuth['kind'];
  /** Whether this run may have changed the engine: the pipeline says it after every message. */
  changed: Changed;
  /** api_url as given, to tell a base without /engine-rest. */
  apiUrl?: string;
}

/** engine-rest lives at …/engine-rest, a named engine at …/engine-rest/engine/{name}. */
const ENGINE_REST_BASE = /\/engine-rest(?:\/engine\/[^/]+)?$/;

/** The engine's own "the query asks for too many rows" answers (QueryMaxResultsLimitUtil). */
const RESULT_LIMIT = /unbound number of results|Max results limit/i;

/** Turns an engine-rest failure into what the on-call engineer should do next. */
export function explainFailure(response: ApiResponse, ctx: FailureContext): ActionError {
  const said = readEngineError(response);
  const engineSays = said.message ? ` The engine says: "${excerpt(said.message, 300)}"${said.type ? ` (${said.type})` : ''}.` : '';
  const where = `${response.endpoint} → ${response.status} while ${ctx.doing}.`;
  const options = { changed: ctx.changed };

  switch (response.status) {
    case 401: {
      const challenge = response.headers['www-authenticate'];
      const asks = challenge ? ` It asks for: ${String(challenge)}.` : '';
      const fix =
        ctx.auth === 'none'
          ? 'The engine has authentication on: pass username and password (HTTP Basic) or api_key (a bearer token), from secrets.'
          : ctx.auth === 'basic'
            ? 'The username or password was not accepted: check the secrets passed as username and password, and that the user exists on this engine and is not locked.'
            : 'The bearer token passed as api_key was not accepted: it may be expired or issued for another audience.';
      return new ActionError('The Camunda engine rejected the credentials', `${where}${asks}${engineSays} ${fix}`, options);
    }
    case 403: {
      const missing = said.missing.length
        ? said.missing.map((m) => `${m.permissionName ?? '?'} on ${m.resourceName ?? '?'}${m.resourceId ? ` '${m.resourceId}'` : ''}`).join(', ')
        : undefined;
      const who = said.userId ? `User '${said.userId}'` : 'The user';
      const fix = missing
        ? `${who} lacks ${missing}: grant it in Camunda Admin → Authorizations (a rollback needs READ on Deployment and Process/Decision Definition, CREATE on Deployment, and membership of the deployment's tenant).`
        : "Grant the user READ on Deployment and Process/Decision Definition and CREATE on Deployment in Camunda Admin → Authorizations, and membership of the deployment's tenant.";
      return new ActionError('Not authorized on the Camunda engine', `${where}${engineSays} ${fix}`, options);
    }
    case 404:
      if (ctx.apiUrl && said.type === undefined && !ENGINE_REST_BASE.test(new URL(ctx.apiUrl).pathname.replace(/\/+$/, ''))) {
        // Tomcat's (or a proxy's) HTML 404: nothing of engine-rest answered at that path.
        return new ActionError(
          'api_url looks incomplete',
          `${where} The server answered with a page that is not engine-rest's. api_url is ${ctx.apiUrl}, which does not end in /engine-rest: the engine's REST API lives below it, e.g. https://bpm.example.com/engine-rest (a named engine: …/engine-rest/engine/{name}).`,
          options
        );
      }
      return new ActionError(
        'Deployment or resource not found',
        `${where}${engineSays} The deployment or one of its resources does not exist on this engine (it may have been deleted). Check revision, resources and api_url (a named engine is …/engine-rest/engine/{name}).`,
        options
      );
    case 400:
      if (RESULT_LIMIT.test(said.message ?? '')) {
        return new ActionError(
          "The engine's query limit refused a read",
          `${where}${engineSays} The engine is set up with queryMaxResultsLimit (a hardening setting), and this read asked for more rows than it allows. The action pages by the limit the engine names; tell the engine's operators, or raise the limit to at least 100.`,
          options
        );
      }
      return new ActionError(
        'The Camunda engine refused the request',
        `${where}${engineSays} Check the inputs this request was built from (app_id, tenant_id, resources).`,
        options
      );
    default:
      if (response.status >= 500 || response.status === 429) {
        return new ActionError(
          'The Camunda engine is failing',
          `${where}${engineSays} The engine or a proxy in front of it failed (reads are retried; this persisted). Check the engine's log and try again.`,
          options
        );
      }
      return new ActionError('Unexpected answer from the Camunda engine', `${where}${engineSays}`, options);
  }
}
