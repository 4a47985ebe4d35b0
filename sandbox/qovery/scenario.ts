/** Default scenario and deterministic ids, so tests read as names and versions. */
import { createHash } from 'node:crypto';
import type { DeploymentBehaviour, ExecutionSpec, QoveryScenario, SandboxServiceSpec, ScenarioOverrides } from './types.js';

/** A UUID (v4 layout) derived from a label: stable across runs, distinct per label. */
export function stableUuid(label: string): string {
  const hex = createHash('sha256').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 40-hex git commit id derived from a label. */
export function commitOf(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

export const defaultServices = (): SandboxServiceSpec[] => [
  { name: 'api', type: 'APPLICATION' },
  { name: 'web', type: 'CONTAINER' },
  { name: 'db', type: 'DATABASE' }
];

/** v1 → v2 → v3 (running): api commits and web tags move together. */
export const defaultExecutions = (): ExecutionSpec[] => ['v1', 'v2', 'v3'].map((v) => ({ versions: { api: commitOf(v), web: `1.0.${v.slice(1)}` }, withoutVersion: ['db'] }));

export const defaultDeployment = (): DeploymentBehaviour => ({ startLagMs: 400, queuedMs: 300, durationMs: 800, outcome: 'success' });

export function defaultScenario(): QoveryScenario {
  return {
    token: 'qov_sandbox_token_0123456789',
    jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzYW5kYm94In0.c2lnbmF0dXJl',
    environmentId: stableUuid('environment'),
    organizationId: stableUuid('organization'),
    projectId: stableUuid('project'),
    access: true,
    services: defaultServices(),
    executions: defaultExecutions(),
    deployment: defaultDeployment(),
    rateLimit: { limit: 1000, windowMs: 3_600_000 },
    tokenUser: 'rollback-action@example.com',
    echoRequestId: true,
    faults: []
  };
}

export function resolveScenario(overrides: ScenarioOverrides = {}): QoveryScenario {
  const base = defaultScenario();
  const { deployment, ...rest } = overrides;
  return { ...base, ...rest, deployment: { ...base.deployment, ...deployment }, faults: [...(overrides.faults ?? [])].map((f) => ({ ...f })) };
}
