/**
 * Starts the sandbox for benchmarking: a fixed latency on every request and a record of when
 * each CVM's update finished. Prefers the sandbox's own `latencyMs` and `updates()`; a sandbox
 * without them gets latency faults on every endpoint and a 20 ms poll of its CVM state instead.
 */
import { startSandbox, type FaultEndpoint, type FaultSpec, type Sandbox, type ScenarioOverrides } from '../../sandbox/phala/index.js';

/** The sandbox features the benchmark prefers; declared here so this compiles before they exist. */
interface UpdateRecord {
  vmUuid: string;
  correlationId: string;
  acceptedAt: number;
  startedAt?: number;
  settledAt?: number;
  outcome?: string;
}
interface SandboxWithUpdates extends Sandbox {
  updates?: () => UpdateRecord[];
}

const ENDPOINTS: FaultEndpoint[] = ['listRevisions', 'redeploy', 'listAppCvms', 'getCvm', 'listOperations'];
const POLL_MS = 20;

export interface BenchSandbox {
  sandbox: Sandbox;
  /** how latency and update end times are obtained, for the report */
  mode: 'native' | 'emulated';
  /** when each of `vmUuids` last finished an update accepted at or after `since` (ms epoch) */
  settledAt(vmUuids: readonly string[], since: number): Map<string, number>;
  close(): Promise<void>;
}

export async function startBenchSandbox(overrides: ScenarioOverrides, latencyMs: number): Promise<BenchSandbox> {
  const sandbox = (await startSandbox({ ...overrides, latencyMs } as ScenarioOverrides)) as SandboxWithUpdates;
  const native = typeof sandbox.updates === 'function';
  if (!native && latencyMs > 0) {
    for (const endpoint of ENDPOINTS) sandbox.addFault({ endpoint, kind: 'latency', delayMs: latencyMs, times: Infinity } satisfies FaultSpec);
  }
  try {
    await probeLatency(sandbox, latencyMs, native);
  } catch (err) {
    await sandbox.close();
    throw err;
  }
  const poller = native ? undefined : new SettlePoller(sandbox);
  return {
    sandbox,
    mode: native ? 'native' : 'emulated',
    settledAt: (vmUuids, since) => {
      const out = new Map<string, number>();
      if (poller) {
        for (const vm of vmUuids) {
          const at = poller.firstSettleAfter(vm, since);
          if (at !== undefined) out.set(vm, at);
        }
        return out;
      }
      for (const u of sandbox.updates!()) {
        if (!vmUuids.includes(u.vmUuid) || u.acceptedAt < since || u.settledAt === undefined) continue;
        out.set(u.vmUuid, Math.max(out.get(u.vmUuid) ?? 0, u.settledAt));
      }
      return out;
    },
    close: async () => {
      poller?.stop();
      await sandbox.close();
    },
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
 * Fallback for a sandbox without updates(): a CVM has finished an update when it is seen
 * settled after having been seen in progress. 20 ms polling bounds the error of each time.
 */
class SettlePoller {
  private readonly settles = new Map<string, number[]>();
  private readonly busy = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly sandbox: Sandbox) {
    this.timer = setInterval(() => this.poll(), POLL_MS);
  }

  private poll(): void {
    const now = Date.now();
    for (const cvm of this.sandbox.cvms()) {
      if (cvm.in_progress) this.busy.add(cvm.vm_uuid);
      else if (this.busy.delete(cvm.vm_uuid)) this.settles.set(cvm.vm_uuid, [...(this.settles.get(cvm.vm_uuid) ?? []), now]);
    }
  }

  firstSettleAfter(vmUuid: string, since: number): number | undefined {
    return this.settles.get(vmUuid)?.find((at) => at >= since);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
