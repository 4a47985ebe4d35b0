import { ActionError, type Changed } from '../../errors.js';
import { excerpt, type ApiResponse } from '../../http/api-client.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Qovery's error bodies have no schema: `{status, error, message}` or `{status, detail}`. Read detail, then message, then error. */
export function platformMessage(response: ApiResponse): string | undefined {
  const body = response.body;
  if (isObject(body)) {
    for (const key of ['detail', 'message', 'error']) {
      const value = body[key];
      if (typeof value === 'string' && value.trim()) return excerpt(value, 300);
    }
  }
  return response.text.trim() ? excerpt(response.text) : undefined;
}

export interface FailureContext {
  environmentId: string;
  /** what the action was doing, e.g. "reading the deployment history" */
  doing: string;
  /** Whether the platform was changed by this run when the failure happened. */
  changed: Changed;
}

/** Turns an HTTP failure into what the on-call engineer should do next, saying whether anything was deployed. */
export function explainFailure(response: ApiResponse, ctx: FailureContext): ActionError {
  const said = platformMessage(response);
  const platformSays = said ? ` Qovery says: "${said}".` : '';
  const safety = ctx.changed === 'nothing' ? ' Nothing was deployed.' : '';
  const where = `${response.endpoint} → ${response.status}`;
  const options = { changed: ctx.changed };
  switch (response.status) {
    case 400:
      return new ActionError(
        'Qovery refused the request',
        `${where} while ${ctx.doing}.${platformSays} Check that the versions still exist (commit, image tag, chart version).${safety}`,
        options
      );
    case 401:
      return new ActionError(
        'Qovery rejected the API token',
        `${where} while ${ctx.doing}.${platformSays} The token is missing, mistyped or revoked: check the secret passed as api_key (or QOVERY_CLI_ACCESS_TOKEN). API tokens are sent as 'Token …', JWTs as 'Bearer …'.${safety}`,
        options
      );
    case 403:
      return new ActionError(
        'No access to the environment',
        `${where} while ${ctx.doing}.${platformSays} The token is valid but may not act on environment ${ctx.environmentId}: give its role deploy permission on the environment's project.${safety}`,
        options
      );
    case 404:
      return new ActionError(
        'Environment not found',
        `${where} while ${ctx.doing}.${platformSays} No environment ${ctx.environmentId} is visible to this token: check app_id (the environment id from the console URL) and the token's organization.${safety}`,
        options
      );
    case 409:
      return new ActionError('Another operation is in progress', `${where} while ${ctx.doing}.${platformSays}${safety}`, options);
    case 429:
      return new ActionError(
        'Qovery rate limit reached',
        `${where} while ${ctx.doing}.${platformSays} The token used up its request budget (Qovery documents 1000 requests per hour per token); other jobs may share it. Try again after the limit resets.${safety}`,
        options
      );
    default:
      if (response.status >= 500)
        return new ActionError('Qovery is unavailable', `${where} while ${ctx.doing}, after retries.${platformSays} Try again in a few minutes.${safety}`, options);
      return new ActionError('Unexpected answer from Qovery', `${where} while ${ctx.doing}.${platformSays}${safety}`, options);
  }
}
