/**
 * Starts the sandbox for benchmarking: a fixed latency on every request and a record of when
 * each CVM's update finished. Prefers the sandbox's own `latencyMs` and `updates()`; a sandbox
 * without them gets latency faults on every endpoint, and update ends from the CVMs' operation logs.
 */
import { startSandbox, type FaultEndpoint, type FaultSpec, type Sandbox, type ScenarioOverrides } from '../../sandbox/phala/index.js';

const ENDPOINTS: FaultEndpoint[] = ['listRevisions', 'redeploy', 'listAppCvms', 'getCvm', 'listOperations'];

export interface BenchSandbox {
  sandbox: Sandbox;
  /** how latency and update end times are obtained, for the report */
  mode: 'native' | 'emulated';
  latencyMs: number;
  /**
   * When each of `vmUuids` last finished an update accepted at or after `since` (ms epoch).
   * Call after the client under test has exited: the fallback sends requests of its own.
   */
  settledAt(vmUuids: readonly string[], since: number): Promise<Map<string, number>>;
  close(): Promise<void>;
}

export async function startBenchSandbox(overrides: ScenarioOverrides, latencyMs: number): Promise<BenchSandbox> {
  const sandbox = await startSandbox({ ...overrides, latencyMs } as ScenarioOverrides);
  // A sandbox without the update journal (an older checkout) is still measured, by emulation.
  const native = typeof (sandbox as { updates?: unknown }).updates === 'function';
  if (!native && latencyMs > 0) {
    for (const endpoint of ENDPOINTS) sandbox.addFault({ endpoint, kind: 'latency', delayMs: latencyMs, times: Infinity } satisfies FaultSpec);
  }
  try {
    await probeLatency(sandbox, latencyMs, native);
  } catch (err) {
    await sandbox.close();
    throw err;
  }
  return {
    sandbox,
    mode: native ? 'native' : 'emulated',
    latencyMs,
    settledAt: async (vmUuids, since) => {
      if (!native) return completedFromOperations(sandbox, vmUuids, since);
      const out = new Map<string, number>();
      for (const u of sandbox.updates()) {
        if (!vmUuids.includes(u.vmUuid) || u.acceptedAt < since || u.settledAt === undefined) continue;
        out.set(u.vmUuid, Math.max(out.get(u.vmUuid) ?? 0, u.settledAt));
      }
      return out;
    },
    close: () => sandbox.close()
  };
}

/** One request must take at least the latency asked for; otherwise every figure would mislead. */
async function probeLatency(sandbox: Sandbox, latencyMs: number, native: boolean): Promise<void> {
  if (latencyMs === 0) return;
  const before = sandbox.requests.length;
  const started = performance.now();
  await fetch(`${sandbox.url}/apps/${sandbox.scenario.appId}/cvms`, { headers: { 'X-API-Key': sandbox.scenario.apiKey } }).then((r) => r.arrayBuffer());
  const took = performance.now() - started;
  sandbox.requests.splice(before);
  if (took < latencyMs * 0.8) {
    throw new Error(
      native
        ? `The sandbox has updates() but ignored ScenarioOverrides.latencyMs (a request took ${took.toFixed(0)} ms, expected ≥${latencyMs} ms): the sandbox's latency support is missing or broken.`
        : `The sandbox ignored the latency faults (a request took ${took.toFixed(0)} ms, expected ≥${latencyMs} ms).`
    );
  }
}

/**
 * Fallback for a sandbox without updates(): each CVM's operation log records when its update
 * task completed (ms precision), which is exact where polling the state would race the client.
 */
async function completedFromOperations(sandbox: Sandbox, vmUuids: readonly string[], since: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await Promise.all(
    vmUuids.map(async (vm) => {
      const res = await fetch(`${sandbox.url}/cvms/${vm.replace(/-/g, '')}/operations?limit=10`, { headers: { 'X-API-Key': sandbox.scenario.apiKey } });
      if (!res.ok) throw new Error(`reading operations of ${vm}: HTTP ${res.status}`);
      const body = (await res.json()) as { items: Array<{ started_at: string; completed_at: string | null }> };
      for (const op of body.items) {
        if (op.completed_at === null || Date.parse(op.started_at) < since) continue;
        out.set(vm, Math.max(out.get(vm) ?? 0, Date.parse(op.completed_at)));
      }
    })
  );
  return out;
}
