import type { RevisionSelector } from './revision-selector.js';

/** Every input, validated and typed; built once before any request is sent. */
export interface Settings {
  provider: 'phala';
  apiKey: string;
  /** Base URL without a trailing slash, e.g. https://cloud-api.phala.com/api/v1 */
  apiUrl: string;
  /** Lower-case hex, `app_` prefix removed. */
  appId: string;
  revision: RevisionSelector;
  /** Lower-case UUIDs; `all` for every CVM of the app; empty when not given. */
  vmUuids: string[] | 'all';
  transactionHash?: string;
  wait: boolean;
  timeoutSeconds: number;
  dryRun: boolean;
}
