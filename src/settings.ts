import type { RevisionSelector } from './revision-selector.js';

export const PROVIDERS = ['phala', 'camunda', 'qovery'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** Which HTTP status codes count as "the app answers as expected" (built by verify/health-status). */
export interface HealthStatusMatcher {
  /** Inclusive [low, high] pairs, in the order given. */
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  /** Normalised text for messages, e.g. "200-399" or "200, 204, 300-302". */
  readonly description: string;
  matches(status: number): boolean;
}

/** Verification after the platform reports completion (`health_url`). */
export interface HealthSettings {
  url: string;
  matcher: HealthStatusMatcher;
  timeoutSeconds: number;
}

/**
 * `rollback_when: unhealthy`: probe the health URL before anything reaches the platform, and
 * roll back only after `failures` failed probes in a row.
 */
export interface HealthGateSettings {
  failures: number;
  intervalSeconds: number;
}

/** A GitHub deployment record of the rollback (`github_token`). */
export interface GitHubRecordSettings {
  token: string;
  environment: string;
}

/** What every provider shares; built once, before any request is sent. */
export interface CommonSettings {
  provider: ProviderName;
  /** Base URL without a trailing slash. */
  apiUrl: string;
  /** The thing rolled back: Phala app id, Camunda deployment name, Qovery environment id. */
  appId: string;
  revision: RevisionSelector;
  wait: boolean;
  timeoutSeconds: number;
  dryRun: boolean;
  health?: HealthSettings;
  /** Set with rollback_when: unhealthy (then `health` is set too). */
  gate?: HealthGateSettings;
  github?: GitHubRecordSettings;
}

/** The inputs every provider reads the same way; each provider adds its own to these. */
export type CommonInputs = Omit<CommonSettings, 'provider' | 'apiUrl' | 'appId' | 'revision'>;

export interface PhalaSettings extends CommonSettings {
  provider: 'phala';
  apiKey: string;
  /** Lower-case hex, `app_` prefix removed. */
  appId: string;
  /** Lower-case UUIDs; `all` for every CVM of the app; empty when not given. */
  vmUuids: string[] | 'all';
  transactionHash?: string;
}

export type CamundaAuth = { kind: 'none' } | { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };

export interface CamundaSettings extends CommonSettings {
  provider: 'camunda';
  auth: CamundaAuth;
  /** The deployment name; '' when revision is a deployment id and app_id was left empty. */
  appId: string;
  tenantId?: string;
  /** Resource names to compare and redeploy; undefined = all. */
  resources?: string[];
}

export interface QoverySettings extends CommonSettings {
  provider: 'qovery';
  apiKey: string;
  /** Environment id (uuid, lower case). */
  appId: string;
}

/** Every input, validated and typed: one variant per provider. */
export type Settings = PhalaSettings | CamundaSettings | QoverySettings;
