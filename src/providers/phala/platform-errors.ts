import { ActionError } from '../../errors.js';
import { excerpt, type ApiResponse } from '../../http/api-client.js';

/** What the platform said, from any of its error body styles (FastAPI, 422 list, structured). */
export interface PlatformErrorBody {
  message?: string;
  errorCode?: string;
  details: Array<{ field?: string; value?: unknown }>;
  suggestions: string[];
  requestId?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readErrorBody(response: ApiResponse): PlatformErrorBody {
  const header = response.headers['x-request-id'];
  const result: PlatformErrorBody = { details: [], suggestions: [], requestId: typeof header === 'string' ? header : undefined };
  const body = response.body;
  if (!isObject(body)) {
    if (response.text.trim()) result.message = excerpt(response.text);
    return result;
  }
  const structured = isObject(body.detail) ? body.detail : body;
  const detail = body.detail;
  if (typeof detail === 'string') result.message = detail;
  else if (Array.isArray(detail)) {
    // FastAPI validation errors: [{loc, msg, type}]
    result.message = detail
      .map((item) => (isObject(item) ? `${Array.isArray(item.loc) ? item.loc.join('.') + ': ' : ''}${String(item.msg ?? '')}` : String(item)))
      .join('; ');
  }
  if (typeof structured.message === 'string') result.message = structured.message;
  if (typeof structured.error_code === 'string') result.errorCode = structured.error_code;
  if (Array.isArray(structured.details)) result.details = structured.details.filter(isObject).map((d) => ({ field: typeof d.field === 'string' ? d.field : undefined, value: d.value }));
  if (Array.isArray(structured.suggestions)) result.suggestions = structured.suggestions.filter((s): s is string => typeof s === 'string');
  if (typeof structured.request_id === 'string') result.requestId = structured.request_id;
  return result;
}

export interface FailureContext {
  appId: string;
  /** what the action was doing, e.g. "reading the app's CVMs" */
  doing: string;
  revisionId?: string;
  composeHash?: string;
  nothingChanged: boolean;
}

/**
 * Turns an HTTP failure into what the on-call engineer should do next. Every message says
 * whether anything was changed, because that decides whether re-running is safe.
 */
export function explainFailure(response: ApiResponse, ctx: FailureContext): ActionError {
  const said = readErrorBody(response);
  const platformSays = said.message ? ` Phala Cloud says: "${said.message}".` : '';
  const reqId = said.requestId ? ` (request id ${said.requestId})` : '';
  const safety = ctx.nothingChanged ? ' Nothing was redeployed.' : '';
  const status = response.status;
  const where = `${response.endpoint} → ${status}${reqId}`;

  switch (status) {
    case 401:
      return new ActionError('Phala Cloud rejected the API key', `${where} while ${ctx.doing}.${platformSays} The API key is missing, mistyped, revoked or expired: check the secret passed as api_key (or PHALA_CLOUD_API_KEY).${safety}`);
    case 403:
      return new ActionError('No access to the app\'s workspace', `${where} while ${ctx.doing}.${platformSays} The API key is valid but its workspace has no access to app ${ctx.appId}: use a key created in the workspace that owns the app.${safety}`);
    case 404:
      return new ActionError(
        ctx.revisionId ? 'App or revision not found' : 'App not found',
        ctx.revisionId
          ? `${where} while ${ctx.doing}.${platformSays} App ${ctx.appId} or its revision ${ctx.revisionId} no longer exists: re-run so the revision is resolved again, or check app_id.${safety}`
          : `${where} while ${ctx.doing}.${platformSays} No app ${ctx.appId} is visible to this key: check app_id (the hex id from the dashboard, app_ prefix optional) and that the key belongs to the app's workspace.${safety}`
      );
    case 422:
      return new ActionError('Phala Cloud refused the request', `${where} while ${ctx.doing}.${platformSays}${safety}`);
    case 465:
      return onchainRegistrationRequired(where, said, ctx);
    case 466:
    case 467:
    case 468: {
      const why = status === 466 ? 'is invalid or expired' : status === 467 ? 'could not be verified on-chain' : 'registers a compose hash that is not allowed for this app';
      return new ActionError(
        'transaction_hash not accepted',
        `${where} while ${ctx.doing}.${platformSays} The transaction given as transaction_hash ${why}. It must be the hash of the addComposeHash(0x${ctx.composeHash ?? '…'}) transaction on the app's contract, confirmed on-chain.${safety}`
      );
    }
    default:
      if (status >= 500 || status === 429)
        return new ActionError('Phala Cloud is unavailable', `${where} while ${ctx.doing}, after retries.${platformSays} The platform is failing or throttling; try again in a few minutes.${safety}`);
      return new ActionError('Unexpected answer from Phala Cloud', `${where} while ${ctx.doing}.${platformSays}${safety}`);
  }
}

function onchainRegistrationRequired(where: string, said: PlatformErrorBody, ctx: FailureContext): ActionError {
  const field = (name: string) => said.details.find((d) => d.field === name)?.value;
  const hashValue = field('compose_hash');
  const hash = typeof hashValue === 'string' ? hashValue : `0x${ctx.composeHash ?? ''}`;
  const kms = field('kms_info');
  const lines = [
    `${where} while ${ctx.doing}: app ${ctx.appId} uses on-chain KMS, so compose hash ${hash} must be registered on the app's contract before it can run${said.errorCode ? ` (${said.errorCode})` : ''}.`,
    `What to do: call addComposeHash(${hash}) on the app contract, wait for the transaction to confirm, then run this action again with transaction_hash set to that transaction's hash (0x + 64 hex).`
  ];
  if (isObject(kms)) lines.push(`KMS: ${Object.entries(kms).map(([k, v]) => `${k}=${String(v)}`).join(', ')}.`);
  const deviceId = field('device_id');
  if (typeof deviceId === 'string') lines.push(`Device id: ${deviceId}.`);
  if (said.message) lines.push(`Phala Cloud says: "${said.message}".`);
  for (const suggestion of said.suggestions) lines.push(`Suggestion: ${suggestion}`);
  lines.push('The compose_hash output is set, so a later step can register it. Nothing was redeployed.');
  return new ActionError('Compose hash must be registered on-chain (transaction_hash)', lines.join('\n'));
}
