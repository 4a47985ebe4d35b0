/**
 * Scenario defaults and the deterministic construction of an app's starting point: its CVMs
 * and its revision history. Everything derives from seeded streams keyed by the app id, so
 * two sandboxes with the same scenario serve byte-identical histories.
 */
import { Rng } from './prng.js';
import { USER, WORKSPACE, iso, normaliseHash, type AppRevision, type UserRef } from './model.js';
import type { Scenario, ScenarioOverrides, UpdateBehaviour } from './types.js';

/** Newest generated deploy. Fixed and well in the past so history never lies in the future. */
export const HISTORY_ANCHOR_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
export const DEPLOY_SPACING_MS = 6 * 60 * 60 * 1000;
export const RESTART_OFFSET_MS = 10 * 60 * 1000;
/** Rows of one deploy on successive CVMs are this far apart, so newest-first order is total. */
export const CVM_ROW_OFFSET_MS = 1000;

export function defaultUpdateBehaviour(): UpdateBehaviour {
  return {
    startLagMs: 400,
    durationMs: 800,
    outcome: 'running',
    errorMessage: 'container app exited with code 1: image pull failed',
    settleStatus: 'error',
    operationType: 'compose_update',
    operationCarriesHash: true,
    writesRevisionRow: true
  };
}

export function defaultScenario(): Scenario {
  return {
    apiKey: 'phak_sandbox_0123456789abcdef',
    appId: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    workspaceAccess: true,
    cvms: [{}],
    historySize: 12,
    restartsBetweenDeploys: true,
    onchainKms: false,
    update: defaultUpdateBehaviour(),
    faults: [],
    cvmIdStyle: 'hashid',
    latencyMs: 0,
    unhealthyHashes: []
  };
}

export function resolveScenario(overrides: ScenarioOverrides = {}): Scenario {
  const base = defaultScenario();
  const { update, faults, cvms, hashes, registeredTxHashes, busy, unhealthyHashes, ...rest } = overrides;
  const scenario: Scenario = {
    ...base,
    ...rest,
    cvms: (cvms ?? base.cvms).map((c) => ({ ...c })),
    update: { ...base.update, ...update },
    // Copies: faults are consumed (times decremented) and must not leak into the caller's object.
    faults: (faults ?? []).map((f) => ({ ...f })),
    unhealthyHashes: [...(unhealthyHashes ?? base.unhealthyHashes)]
  };
  if (hashes !== undefined) scenario.hashes = [...hashes];
  if (registeredTxHashes !== undefined) scenario.registeredTxHashes = [...registeredTxHashes];
  if (busy !== undefined) scenario.busy = { ...busy };
  validateScenario(scenario);
  return scenario;
}

function validateScenario(s: Scenario): void {
  if (!/^[0-9a-f]{40}$/.test(s.appId)) throw new Error(`scenario.appId must be 40 lower-case hex chars, got '${s.appId}'`);
  if (!Number.isInteger(s.historySize) || s.historySize < 0) throw new Error('scenario.historySize must be a non-negative integer');
  for (const h of s.hashes ?? []) {
    if (!/^[0-9a-f]{64}$/.test(normaliseHash(h))) throw new Error(`scenario.hashes entry is not a 64-hex compose hash: '${h}'`);
  }
  if (!['hashid', 'int', 'none'].includes(s.cvmIdStyle)) throw new Error(`scenario.cvmIdStyle must be 'hashid', 'int' or 'none', got '${String(s.cvmIdStyle)}'`);
  if (!(s.latencyMs >= 0)) throw new Error('scenario.latencyMs must be a non-negative number');
  if (s.busy) {
    const i = s.busy.vmIndex ?? 0;
    if (i < 0 || i >= s.cvms.length) throw new Error(`scenario.busy.vmIndex ${i} is out of range`);
  }
}

export interface ResolvedCvm {
  id: string;
  /** served instead of `id` with cvmIdStyle 'int' (the platform's internal database id) */
  intId: number;
  vm_uuid: string;
  name: string;
  status: string;
  compose_hash: string;
  instance_id: string;
  created_at: string;
}

export interface DeployRecord {
  hash: string;
  at: number;
  /** when a same-hash restart followed this deploy */
  restartAt?: number;
}

export interface History {
  deploys: DeployRecord[];
  /** newest first, exactly as served */
  rows: AppRevision[];
}

/**
 * Hands out revision rows. One instance lives for the whole sandbox, so rows added by later
 * redeploys continue the same id stream and decoration rhythm as the generated history.
 */
export class RevisionFactory {
  private readonly rng: Rng;
  private readonly usedIds = new Set<string>();
  private counter = 0;

  constructor(
    private readonly appId: string,
    private readonly user: UserRef = USER
  ) {
    this.rng = new Rng(`${appId}:revisions`);
  }

  make(cvm: ResolvedCvm, hash: string, operationType: string, at: number): AppRevision {
    let id = `rev_${this.rng.base62(10)}`;
    while (this.usedIds.has(id)) id = `rev_${this.rng.base62(10)}`;
    this.usedIds.add(id);
    const row: AppRevision = {
      revision_id: id,
      app_id: this.appId,
      vm_uuid: cvm.vm_uuid,
      compose_hash: decorateHash(hash, this.counter),
      created_at: iso(at),
      trace_id: this.rng.hex(32),
      operation_type: operationType,
      // Restarts are often triggered by the platform itself, which the API reports as null.
      triggered_by: operationType === 'restart' ? null : { ...this.user },
      cvm: { object_type: 'cvm', vm_uuid: cvm.vm_uuid, app_id: this.appId, name: cvm.name },
      workspace: { ...WORKSPACE }
    };
    this.counter++;
    return row;
  }
}

/** The user deploys are attributed to; its username may be planted hostile text. */
export function userOf(s: Scenario): UserRef {
  return s.username === undefined ? USER : { ...USER, username: s.username };
}

/**
 * The real API mixes bare and 0x-prefixed hashes in either case; clients must normalise.
 * Row k (in creation order): every third gets '0x', every fourth is upper case.
 */
export function decorateHash(hash: string, k: number): string {
  const cased = k % 4 === 1 ? hash.toUpperCase() : hash;
  return k % 3 === 2 ? `0x${cased}` : cased;
}

/** Whether a same-hash restart row follows deploy i of n. Always after the newest. */
export function restartFollows(i: number, n: number): boolean {
  return i === n - 1 || i % 4 === 1;
}

export function deployHashes(s: Scenario): string[] {
  if (s.hashes) return s.hashes.map(normaliseHash);
  const rng = new Rng(`${s.appId}:hashes`);
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < s.historySize) {
    const h = rng.hex(64);
    if (seen.has(h)) continue;
    seen.add(h);
    out.push(h);
  }
  return out;
}

export function resolveCvms(s: Scenario, currentHash: string): ResolvedCvm[] {
  const createdAt = iso(HISTORY_ANCHOR_MS - 365 * 24 * 60 * 60 * 1000);
  return s.cvms.map((spec, i) => {
    const rng = new Rng(`${s.appId}:cvm:${i}`);
    const vmUuid = rng.uuid();
    const id = `cvm_${rng.base62(10)}`;
    const instanceId = rng.hex(40);
    return {
      id,
      // Own stream, so the draws above (and every default id) stay as they were.
      intId: 1000 + i * 7919 + new Rng(`${s.appId}:cvm-int:${i}`).int(7000),
      vm_uuid: spec.vm_uuid ?? vmUuid,
      name: spec.name ?? `web-${i + 1}`,
      status: spec.status ?? 'running',
      compose_hash: spec.compose_hash !== undefined ? normaliseHash(spec.compose_hash) : currentHash,
      instance_id: instanceId,
      created_at: createdAt
    };
  });
}

/** Hash the CVMs run when the history is empty (no deploy to take it from). */
function fallbackHash(s: Scenario): string {
  return new Rng(`${s.appId}:fallback-hash`).hex(64);
}

export function currentHashOf(hashes: string[], s: Scenario): string {
  return hashes[hashes.length - 1] ?? fallbackHash(s);
}

/**
 * Builds the starting history. Deploys are 6 h apart ending at HISTORY_ANCHOR_MS; each deploy
 * adds one row per CVM (CVM order, 1 s apart); selected deploys are followed 10 min later by a
 * 'restart' row per CVM carrying the same hash.
 */
export function buildHistory(s: Scenario, cvms: ResolvedCvm[], factory: RevisionFactory): History {
  const hashes = deployHashes(s);
  const n = hashes.length;
  const deploys: DeployRecord[] = [];
  const oldestFirst: AppRevision[] = [];
  hashes.forEach((hash, i) => {
    const at = HISTORY_ANCHOR_MS - (n - 1 - i) * DEPLOY_SPACING_MS;
    const record: DeployRecord = { hash, at };
    cvms.forEach((cvm, c) => oldestFirst.push(factory.make(cvm, hash, i === 0 ? 'deploy' : 'update', at + c * CVM_ROW_OFFSET_MS)));
    if (s.restartsBetweenDeploys && restartFollows(i, n)) {
      record.restartAt = at + RESTART_OFFSET_MS;
      cvms.forEach((cvm, c) => oldestFirst.push(factory.make(cvm, hash, 'restart', at + RESTART_OFFSET_MS + c * CVM_ROW_OFFSET_MS)));
    }
    deploys.push(record);
  });
  return { deploys, rows: oldestFirst.reverse() };
}

/**
 * What a fresh sandbox with this scenario serves from GET /apps/{id}/revisions (all pages,
 * newest first). Lets tests predict ids, hashes and decorations without starting a server.
 */
export function expectedHistory(overrides: ScenarioOverrides = {}): { cvms: ResolvedCvm[]; deploys: DeployRecord[]; rows: AppRevision[] } {
  const s = resolveScenario(overrides);
  const hashes = deployHashes(s);
  const cvms = resolveCvms(s, currentHashOf(hashes, s));
  const { deploys, rows } = buildHistory(s, cvms, new RevisionFactory(s.appId, userOf(s)));
  return { cvms, deploys, rows };
}
