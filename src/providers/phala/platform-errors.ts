import { ActionError, type Changed } from '../../errors.js';
import { excerpt, type ApiResponse } from '../../http/api-client.js';
import { describeValue } from '../../report/describe-value.js';

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
/** Bounds on what is taken from an error body: a hostile body cannot make a message enormous. */
const MAX_ITEMS = 20;
const MAX_TEXT = 2000;

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

export function readErrorBody(response: ApiResponse): PlatformErrorBody {
  const header = response.headers['x-request-id'];
  const result: PlatformErrorBody = { details: [], suggestions: [], requestId: typeof header === 'string' ? clip(header) : undefined };
  const body = response.body;
  if (!isObject(body)) {
    if (response.text.trim()) result.message = excerpt(response.text);
    return result;
  }
  const structured = isObject(body.detail) ? body.detail : body;
  const detail = body.detail;
  if (typeof detail === 'string') result.message = clip(detail);
  else if (Array.isArray(detail)) {
    // FastAPI validation errors: [{loc, msg, type}]
    result.message = clip(
      detail
        .slice(0, MAX_ITEMS)
        .map((item) =>
          isObject(item) ? `${Array.isArray(item.loc) ? item.loc.slice(0, 10).map(String).join('.') + ': ' : ''}${describeValue(item.msg ?? '')}` : describeValue(item)
        )
        .join('; ')
    );
  }
  if (typeof structured.message === 'string') result.message = clip(structured.message);
  if (typeof structured.error_code === 'string') result.errorCode = clip(structured.error_code);
  if (Array.isArray(structured.details)) {
    result.details = structured.details
      .slice(0, MAX_ITEMS)
      .filter(isObject)
      .map((d) => ({ field: typeof d.field === 'string' ? clip(d.field) : undefined, value: d.value }));
  }
  if (Array.isArray(structured.suggestions))
    result.suggestions = structured.suggestions
      .slice(0, MAX_ITEMS)
      .filter((s): s is string => typeof s === 'string')
      .map(clip);
  if (typeof structured.request_id === 'string') result.requestId = clip(structured.request_id);
  return result;
}

export interface FailureContext {
  appId: string;
  /** what the action was doing, e.g. "reading the app's CVMs" */
  doing: string;
  revisionId?: string;
  composeHash?: string;
  /** What this failure means for the platform's state, when the caller knows. */
  changed?: Changed;
  /** The configured api_url, for the "missing /api/v1" hint. */
  apiUrl?: string;
}

/**
 * Turns an HTTP failure into what the on-call engineer should do next. Whether anything was
 * changed travels on the error (`changed`); the pipeline states it once for every failure.
 */
export function explainFailure(response: ApiResponse, ctx: FailureContext): ActionError {
  const said = readErrorBody(response);
  const platformSays = said.message ? ` Phala Cloud says: "${said.message}".` : '';
  const reqId = said.requestId ? ` (request id ${said.requestId})` : '';
  const status = response.status;
  const where = `${response.endpoint} → ${status}${reqId}`;
  const options = { changed: ctx.changed };
  const cvmPath = /^\w+ \S*\/cvms\/[^/]+/.test(response.endpoint);

  switch (status) {
    case 401:
      return new ActionError(
        'Phala Cloud rejected the API key',
        `${where} while ${ctx.doing}.${platformSays} The API key is missing, mistyped, revoked or expired: check the secret passed as api_key (or PHALA_CLOUD_API_KEY).`,
        options
      );
    case 403:
      return new ActionError(
        "No access to the app's workspace",
        `${where} while ${ctx.doing}.${platformSays} The API key is valid but its workspace has no access to app ${ctx.appId}: use a key created in the workspace that owns the app.`,
        options
      );
    case 404:
      return notFound(where, platformSays, ctx, cvmPath);
    case 422:
      return new ActionError('Phala Cloud refused the request', `${where} while ${ctx.doing}.${platformSays}`, options);
    case 465:
      return onchainRegistrationRequired(where, said, ctx);
    case 466:
    case 467:
    case 468: {
      const why = status === 466 ? 'is invalid or expired' : status === 467 ? 'could not be verified on-chain' : 'registers a compose hash that is not allowed for this app';
      return new ActionError(
        'transaction_hash not accepted',
        `${where} while ${ctx.doing}.${platformSays} The transaction given as transaction_hash ${why}. It must be the hash of the addComposeHash(0x${ctx.composeHash ?? '…'}) transaction on the app's contract, confirmed on-chain.`,
        options
      );
    }
    default:
      if (status >= 500 || status === 429)
        return new ActionError(
          'Phala Cloud is unavailable',
          `${where} while ${ctx.doing}, after retries.${platformSays} The platform is failing or throttling; try again in a few minutes.`,
          options
        );
      return new ActionError('Unexpected answer from Phala Cloud', `${where} while ${ctx.doing}.${platformSays}`, options);
  }
}

function notFound(where: string, platformSays: string, ctx: FailureContext, cvmPath: boolean): ActionError {
  const options = { changed: ctx.changed };
  // Every Phala path sits below /api/v1; without it the server answers 404 to everything.
  if (ctx.apiUrl && !/\/api\/v\d+$/.test(new URL(ctx.apiUrl).pathname.replace(/\/+$/, ''))) {
    return new ActionError(
      'api_url looks incomplete',
      `${where} while ${ctx.doing}.${platformSays} api_url is ${ctx.apiUrl}, which does not end in /api/v1: Phala Cloud's API lives below it. Use e.g. https://cloud-api.phala.com/api/v1.`,
      options
    );
  }
  if (cvmPath) {
    return new ActionError(
      'CVM not found',
      `${where} while ${ctx.doing}.${platformSays} The CVM was listed by app ${ctx.appId} a moment ago but Phala Cloud does not find it now: it may have been deleted or moved while the rollback ran. Check the app's CVMs in the dashboard.`,
      options
    );
  }
  if (ctx.revisionId) {
    return new ActionError(
      'App or revision not found',
      `${where} while ${ctx.doing}.${platformSays} App ${ctx.appId} or its revision ${ctx.revisionId} no longer exists: re-run so the revision is resolved again, or check app_id.`,
      options
    );
  }
  return new ActionError(
    'App not found',
    `${where} while ${ctx.doing}.${platformSays} No app ${ctx.appId} is visible to this key: check app_id (the hex id from the dashboard, app_ prefix optional) and that the key belongs to the app's workspace.`,
    options
  );
}

function onchainRegistrationRequired(where: string, said: PlatformErrorBody, ctx: FailureContext): ActionError {
  const field = (name: string) => said.details.find((d) => d.field === name)?.value;
  const hashValue = field('compose_hash');
  const hash = typeof hashValue === 'string' && /^(0x)?[0-9a-fA-F]{64}$/.test(hashValue) ? hashValue : `0x${ctx.composeHash ?? ''}`;
  const kms = field('kms_info');
  const lines = [
    `${where} while ${ctx.doing}: app ${ctx.appId} uses on-chain KMS, so compose hash ${hash} must be registered on the app's contract before it can run${said.errorCode ? ` (${said.errorCode})` : ''}.`,
    `What to do: call addComposeHash(${hash}) on the app contract, wait for the transaction to confirm, then run this action again with transaction_hash set to that transaction's hash (0x + 64 hex).`
  ];
  if (isObject(kms))
    lines.push(
      `KMS: ${Object.entries(kms)
        .slice(0, MAX_ITEMS)
        .map(([k, v]) => `${clip(k)}=${describeValue(v)}`)
        .join(', ')}.`
    );
  const deviceId = field('device_id');
  if (typeof deviceId === 'string') lines.push(`Device id: ${clip(deviceId)}.`);
  if (said.message) lines.push(`Phala Cloud says: "${said.message}".`);
  for (const suggestion of said.suggestions) lines.push(`Suggestion: ${suggestion}`);
  lines.push('The compose_hash output is set, so a later step can register it.');
  return new ActionError('Compose hash must be registered on-chain (transaction_hash)', lines.join('\n'), { changed: ctx.changed });
}
