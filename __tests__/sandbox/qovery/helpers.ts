/** HTTP helpers for the Qovery sandbox tests: real requests, bodies checked against the OpenAPI document. */
import { afterEach, expect } from '@jest/globals';
import { startQoverySandbox, type QoverySandbox, type ScenarioOverrides } from '../../../sandbox/qovery/index.js';
import { validateResponse } from './openapi-validator.js';

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(sb: QoverySandbox, method: string, path: string, opts: { auth?: string | null; body?: unknown } = {}): Promise<Res> {
  const headers: Record<string, string> = {};
  const auth = opts.auth === undefined ? `Token ${sb.scenario.token}` : opts.auth;
  if (auth !== null) headers.Authorization = auth;
  const init: RequestInit = { method, headers };
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
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

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor<V>(check: () => V | undefined | Promise<V | undefined>, timeoutMs = 8000, everyMs = 25): Promise<V> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await sleep(everyMs);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const open: QoverySandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

export async function sandbox(o?: ScenarioOverrides): Promise<QoverySandbox> {
  const sb = await startQoverySandbox(o);
  open.push(sb);
  return sb;
}
