/**
 * Renders CVM state as the v2026-01-21 CVMInfo / CVMInfoDetail shapes. Most fields are static
 * scenery; the ones a rollback client reads (status, in_progress, progress, compose_hash) are live.
 */
import { Rng } from './prng.js';
import { USER, WORKSPACE } from './model.js';
import type { CvmState } from './state.js';
import type { Scenario } from './types.js';

const BASE_DOMAIN = 'dstack-prod7.phala.network';

/** Chain identity of the app's KMS; shared with the 465 body so both agree. */
export function kmsIdentity(s: Scenario): { chainId: number; kmsContract: string; deviceId: string; deployer: string } {
  const rng = new Rng(`${s.appId}:kms`);
  return { chainId: 8453, kmsContract: `0x${rng.hex(40)}`, deviceId: rng.hex(64), deployer: `0x${rng.hex(40)}` };
}

/**
 * `id` as the scenario's cvmIdStyle serves it. The document types CVMInfo.id as a required
 * 'cvm_…' string, so 'int' and 'none' are deliberate off-spec variants.
 */
function idField(s: Scenario, cvm: CvmState): Record<string, unknown> {
  switch (s.cvmIdStyle) {
    case 'hashid':
      return { id: cvm.id };
    case 'int':
      return { id: cvm.intId };
    case 'none':
      return {};
  }
}

/** The served id, for Sandbox.cvms(). */
export function servedId(s: Scenario, cvm: CvmState): string | number | undefined {
  return idField(s, cvm)['id'] as string | number | undefined;
}

export function cvmInfo(s: Scenario, cvm: CvmState): Record<string, unknown> {
  const kms = kmsIdentity(s);
  const body: Record<string, unknown> = {
    ...idField(s, cvm),
    name: cvm.name,
    app_id: s.appId,
    vm_uuid: cvm.vm_uuid,
    instance_id: cvm.instance_id,
    resource: {
      instance_type: 'tdx.small',
      vcpu: 1,
      memory_in_gb: 2,
      disk_in_gb: 20,
      gpus: 0,
      compute_billing_price: '0.058',
      billing_period: 'hourly'
    },
    node_info: {
      object_type: 'node',
      id: 12,
      node_id: 12,
      name: 'prod7',
      region: 'US-WEST-1',
      device_id: kms.deviceId,
      ppid: null,
      status: 'ONLINE',
      version: '0.5.3'
    },
    os: { name: 'dstack-0.5.3', version: '0.5.3', is_dev: false, os_image_hash: null },
    kms_type: s.onchainKms ? 'base' : 'phala',
    kms_info: s.onchainKms
      ? {
          chain_id: kms.chainId,
          dstack_kms_address: kms.kmsContract,
          dstack_app_address: `0x${s.appId}`,
          deployer_address: kms.deployer,
          rpc_endpoint: 'https://mainnet.base.org',
          encrypted_env_pubkey: null
        }
      : null,
    status: cvm.status,
    in_progress: cvm.in_progress,
    progress: cvm.progress ? { ...cvm.progress } : null,
    compose_hash: cvm.compose_hash,
    docker_compose_hash: null,
    pre_launch_script_hash: null,
    gateway: { base_domain: BASE_DOMAIN, cname: null },
    logs: {
      serial: `https://${cvm.instance_id}-8090.${BASE_DOMAIN}/logs/serial`,
      stdout: null,
      stderr: null,
      container_log_base: `https://${cvm.instance_id}-8090.${BASE_DOMAIN}/logs`
    },
    services: [],
    endpoints: [{ app: `https://${s.appId}-8080.${BASE_DOMAIN}`, instance: `https://${cvm.instance_id}-8080.${BASE_DOMAIN}` }],
    public_logs: false,
    public_sysinfo: false,
    public_tcbinfo: true,
    gateway_enabled: true,
    secure_time: false,
    storage_fs: 'zfs',
    workspace: { ...WORKSPACE },
    creator: { ...USER },
    created_at: cvm.created_at,
    deleted_at: null,
    listed: false,
    project_type: null
  };
  // Some platform versions do not serve in_progress at all; progress still tells.
  if (s.omitInProgress === true) delete body['in_progress'];
  return body;
}

export function cvmDetail(s: Scenario, cvm: CvmState): Record<string, unknown> {
  return { ...cvmInfo(s, cvm), compose_file: null };
}

/** The operation a CVM is running now, if any (newest first, so the first in progress). */
function runningOperation(cvm: CvmState): { operation_type: string; started_at: string; correlation_id: string } | undefined {
  return cvm.in_progress ? cvm.operations.find((o) => o.status === 'in_progress') : undefined;
}

/** CvmStatus of POST /status/batch. */
export function cvmStatus(cvm: CvmState): Record<string, unknown> {
  const op = runningOperation(cvm);
  return {
    vm_uuid: cvm.vm_uuid,
    status: cvm.status,
    uptime: null,
    in_progress: cvm.in_progress,
    boot_progress: null,
    boot_error: null,
    shutdown_progress: null,
    events: [],
    operation_type: op?.operation_type ?? null,
    operation_started_at: op?.started_at ?? null,
    correlation_id: op?.correlation_id ?? null
  };
}

/**
 * One state of GET /cvms/{id}/state (the document gives no schema). Shaped after the
 * TypeScript SDK's CvmStateSchema (optional fields left out, not null) plus the fields a
 * rollback client compares.
 */
export function cvmStateView(s: Scenario, cvm: CvmState): Record<string, unknown> {
  return {
    ...idField(s, cvm),
    instance_id: cvm.instance_id,
    vm_uuid: cvm.vm_uuid,
    name: cvm.name,
    status: cvm.status,
    in_progress: cvm.in_progress,
    compose_hash: cvm.compose_hash,
    progress: cvm.progress ? { ...cvm.progress } : null
  };
}
