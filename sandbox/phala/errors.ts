/**
 * Error bodies in the three styles Phala Cloud mixes: FastAPI text detail, FastAPI 422 lists,
 * and the structured {error_code, …} envelope of the on-chain KMS checks.
 */
import { STATUS_CODES } from 'node:http';
import { kmsIdentity } from './present.js';
import type { Scenario } from './types.js';

export type { Reply } from '../shared/http.js';
import type { Reply } from '../shared/http.js';

export interface ValidationIssue {
  loc: Array<string | number>;
  msg: string;
  type: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

export function detail(status: number, text: string): Reply {
  return { status, body: { detail: text } };
}

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export function validation(issues: ValidationIssue[]): Reply {
  return { status: 422, body: { detail: issues } };
}

/**
 * Pydantic v2 style integer query check. Returns the value, or pushes an issue and returns
 * undefined, so several violations in one request are all reported as FastAPI does.
 */
export function intQuery(query: Record<string, string>, name: string, def: number, min: number, max: number, issues: ValidationIssue[]): number | undefined {
  const raw = query[name];
  if (raw === undefined) return def;
  const loc = ['query', name];
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
    issues.push({ loc, msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing', input: raw });
    return undefined;
  }
  const value = Number.parseInt(raw, 10);
  if (value < min) {
    issues.push({ loc, msg: `Input should be greater than or equal to ${min}`, type: 'greater_than_equal', input: raw, ctx: { ge: min } });
    return undefined;
  }
  if (value > max) {
    issues.push({ loc, msg: `Input should be less than or equal to ${max}`, type: 'less_than_equal', input: raw, ctx: { le: max } });
    return undefined;
  }
  return value;
}

/** 465: the compose hash must first be registered on the app's contract (contract-owned KMS). */
export function registrationRequired(s: Scenario, targetHash: string, requestId: string): Reply {
  const kms = kmsIdentity(s);
  return {
    status: 465,
    body: {
      error_code: 'ERR-01-005',
      message: 'Compose hash registration required: register the compose hash on the app contract and retry with transaction_hash',
      details: [
        { field: 'compose_hash', value: `0x${targetHash}` },
        { field: 'app_id', value: `0x${s.appId}` },
        { field: 'device_id', value: kms.deviceId },
        { field: 'kms_info', value: { chain_id: kms.chainId, kms_contract_address: kms.kmsContract } }
      ],
      suggestions: [`Call addComposeHash(bytes32) on the app contract 0x${s.appId} with 0x${targetHash}, then retry with ?transaction_hash=<tx hash>`],
      links: [],
      request_id: requestId
    }
  };
}

/** 467: the given transaction does not prove registration of this hash. */
export function transactionVerificationFailed(s: Scenario, targetHash: string, txHash: string, requestId: string): Reply {
  const kms = kmsIdentity(s);
  return {
    status: 467,
    body: {
      error_code: 'ERR-01-007',
      message: `Transaction verification failed: transaction ${txHash} does not register compose hash 0x${targetHash}`,
      details: [
        { field: 'transaction_hash', value: txHash },
        { field: 'compose_hash', value: `0x${targetHash}` },
        { field: 'app_id', value: `0x${s.appId}` },
        { field: 'kms_info', value: { chain_id: kms.chainId, kms_contract_address: kms.kmsContract } }
      ],
      suggestions: ['Check that the transaction called addComposeHash(bytes32) with this compose hash and has been mined'],
      links: [],
      request_id: requestId
    }
  };
}
