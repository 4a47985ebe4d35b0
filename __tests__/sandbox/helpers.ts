/** HTTP helpers for the sandbox tests: real requests, bodies checked against the OpenAPI document. */
import { afterEach, expect } from '@jest/globals';
import { startSandbox, type Sandbox, type ScenarioOverrides } from '../../sandbox/phala/index.js';
import { validateResponse } from './openapi-validator.js';

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface CallOptions {
  key?: string | null;
  body?: string;
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
}

export async function call(sb: Sandbox, method: string, path: string, opts: CallOptions = {}): Promise<Res> {
  const headers: Record<string, string> = { ...opts.headers };
  const key = opts.key === undefined ? sb.scenario.apiKey : opts.key;
  if (key !== null) headers['X-API-Key'] = key;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = { method, headers, redirect: opts.redirect ?? 'manual' };
  if (opts.body !== undefined) init.body = opts.body;
  const r = await fetch(`${sb.url}${path}`, init);
  const text = await r.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

/** Asserts the body matches the documented schema for this endpoint and status. */
export function expectValid(template: string, method: string, res: Res): void {
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(validateResponse(template, method, res.status, res.json)).toEqual([]);
}

export const T = {
  revisions: '/api/v1/apps/{app_id}/revisions',
  redeploy: '/api/v1/apps/{app_id}/revisions/{revision_id}/redeploy',
  cvms: '/api/v1/apps/{app_id}/cvms',
  cvm: '/api/v1/cvms/{cvm_id}',
  operations: '/api/v1/cvms/{cvm_id}/operations',
  statusBatch: '/api/v1/status/batch',
  cvmState: '/api/v1/cvms/{cvm_id}/state'
} as const;

/** A vm_uuid as /cvms/{cvm_id} takes it: without dashes (the dashed form is a 404). */
export function pathId(vmUuid: string | undefined): string {
  return (vmUuid ?? '').replace(/-/g, '');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function waitFor<V>(check: () => V | undefined | Promise<V | undefined>, timeoutMs = 5000, everyMs = 10): Promise<V> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await sleep(everyMs);
  }
}

export function obj(x: unknown): Record<string, unknown> {
  expect(typeof x).toBe('object');
  expect(x).not.toBeNull();
  return x as Record<string, unknown>;
}

export interface RevisionsPage {
  revisions: Array<{
    revision_id: string;
    vm_uuid: string;
    compose_hash: string;
    operation_type: string;
    created_at: string;
    app_id: string;
    cvm: { vm_uuid: string; name: string } | null;
  }>;
  total: number;
  page: number;
  page_size: number;
  total_pages: number;
}

export interface CvmBody {
  id: string;
  vm_uuid: string;
  name: string;
  status: string;
  in_progress: boolean;
  compose_hash: string;
  progress: { target: string | null; started_at: string | null; correlation_id: string | null } | null;
}

export interface OperationsBody {
  items: Array<{
    correlation_id: string;
    operation_type: string;
    status: string;
    started_at: string;
    completed_at: string | null;
    duration_ms: number | null;
    error_message: string | null;
    compose_hash: string | null;
    events: Array<{ event_type: string; state: string }>;
  }>;
  next_cursor: string | null;
  total: number;
}

const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Starts a sandbox that is closed after the current test. */
export async function sandbox(o?: ScenarioOverrides): Promise<Sandbox> {
  const sb = await startSandbox(o);
  open.push(sb);
  return sb;
}
