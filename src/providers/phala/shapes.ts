import { ActionError } from '../../errors.js';
import { normaliseHash } from './hash.js';

/** One row of GET /apps/{app_id}/revisions, reduced to what rollback needs. */
export interface RevisionRow {
  revisionId: string;
  vmUuid: string;
  /** normalised: lower case, no 0x */
  composeHash: string;
  createdAt: string;
  operationType: string;
  triggeredBy?: string;
  cvmName?: string;
}

export interface RevisionsPage {
  rows: RevisionRow[];
  total: number;
  totalPages: number;
  /**
   * Set when the page was only skimmed (revision-skim.ts): the ids of its rows, none of which can
   * match the explicit revision searched for; `rows` is then empty.
   */
  skippedIds?: string[];
}

/** A CVM as GET /apps/{app_id}/cvms reports it. */
export interface CvmState {
  /**
   * What goes into /cvms/{cvm_id} paths: the hashed `id` when the API gives a string, else the
   * vm_uuid without dashes, as both official SDKs send it (a dashed UUID is not accepted there).
   */
  id: string;
  vmUuid: string;
  name: string;
  status: string;
  /**
   * Busy: `in_progress`, or `progress.target` set (as the Terraform provider reads it; the SDKs
   * drop `in_progress`, so it may be missing altogether).
   */
  inProgress: boolean;
  /** normalised; '' when the platform reports none */
  composeHash: string;
  progress?: { target?: string; startedAt?: string; correlationId?: string };
}

/** One record of GET /cvms/{cvm_id}/operations. */
export interface OperationRecord {
  correlationId: string;
  operationType: string;
  status: string;
  startedAt: string;
  completedAt?: string;
  errorMessage?: string;
  composeHash?: string;
}

/** Thrown for a 2xx body that is not what the API documents: name the endpoint, never crash on undefined. */
function shapeError(endpoint: string, what: string): ActionError {
  return new ActionError(
    'Unexpected response from Phala Cloud',
    `${endpoint} returned a response the action cannot read (${what}). The API may have changed or a proxy answered instead; check api_url.`
  );
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(endpoint: string, obj: Json, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string') throw shapeError(endpoint, `${where}.${key} is ${value === undefined ? 'missing' : typeof value}`);
  return value;
}

function optStr(obj: Json | undefined, key: string): string | undefined {
  const value = obj?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function parseRevisionsPage(endpoint: string, body: unknown): RevisionsPage {
  if (!isObject(body)) throw shapeError(endpoint, 'the body is not an object');
  if (!Array.isArray(body.revisions)) throw shapeError(endpoint, "'revisions' is not a list");
  const total = body.total;
  const totalPages = body.total_pages;
  if (typeof total !== 'number' || typeof totalPages !== 'number') throw shapeError(endpoint, "'total' or 'total_pages' is not a number");
  const rows = body.revisions.map((item, index): RevisionRow => {
    const where = `revisions[${index}]`;
    if (!isObject(item)) throw shapeError(endpoint, `${where} is not an object`);
    const triggeredBy = isObject(item.triggered_by) ? item.triggered_by : undefined;
    const cvm = isObject(item.cvm) ? item.cvm : undefined;
    return {
      revisionId: str(endpoint, item, 'revision_id', where),
      vmUuid: str(endpoint, item, 'vm_uuid', where).toLowerCase(),
      composeHash: normaliseHash(str(endpoint, item, 'compose_hash', where)),
      createdAt: str(endpoint, item, 'created_at', where),
      operationType: optStr(item, 'operation_type') ?? 'unknown',
      triggeredBy: optStr(triggeredBy, 'username'),
      cvmName: optStr(cvm, 'name')
    };
  });
  return { rows, total, totalPages };
}

export function parseCvmList(endpoint: string, body: unknown): CvmState[] {
  if (!Array.isArray(body)) throw shapeError(endpoint, 'the body is not a list of CVMs');
  return body.map((item, index) => parseCvm(endpoint, item, `[${index}]`));
}

function parseCvm(endpoint: string, item: unknown, where: string): CvmState {
  if (!isObject(item)) throw shapeError(endpoint, `${where} is not an object`);
  const vmUuid = optStr(item, 'vm_uuid');
  if (!vmUuid) throw shapeError(endpoint, `${where}.vm_uuid is missing`);
  if (typeof item.status !== 'string') throw shapeError(endpoint, `${where}.status is missing`);
  const progress = isObject(item.progress) ? item.progress : undefined;
  const hash = optStr(item, 'compose_hash');
  const target = optStr(progress, 'target');
  return {
    id: optStr(item, 'id') ?? vmUuid.replace(/-/g, '').toLowerCase(),
    vmUuid: vmUuid.toLowerCase(),
    name: optStr(item, 'name') ?? vmUuid,
    status: item.status,
    inProgress: item.in_progress === true || target !== undefined,
    composeHash: hash ? normaliseHash(hash) : '',
    progress: progress ? { target, startedAt: optStr(progress, 'started_at'), correlationId: optStr(progress, 'correlation_id') } : undefined
  };
}

export function parseOperations(endpoint: string, body: unknown): OperationRecord[] {
  if (!isObject(body) || !Array.isArray(body.items)) throw shapeError(endpoint, "'items' is not a list");
  return body.items.map((item, index): OperationRecord => {
    const where = `items[${index}]`;
    if (!isObject(item)) throw shapeError(endpoint, `${where} is not an object`);
    const hash = optStr(item, 'compose_hash');
    return {
      correlationId: str(endpoint, item, 'correlation_id', where),
      operationType: str(endpoint, item, 'operation_type', where),
      status: str(endpoint, item, 'status', where),
      startedAt: str(endpoint, item, 'started_at', where),
      completedAt: optStr(item, 'completed_at'),
      errorMessage: clipMessage(optStr(item, 'error_message')),
      composeHash: hash ? normaliseHash(hash) : undefined
    };
  });
}

/** A platform error message is shown to people; past a few thousand characters it is noise (or hostile). */
const MAX_MESSAGE_CHARS = 2000;
function clipMessage(text: string | undefined): string | undefined {
  return text !== undefined && text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}
