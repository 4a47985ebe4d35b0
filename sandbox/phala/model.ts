/**
 * Shapes of what the sandbox serves, mirroring the Phala Cloud OpenAPI components, plus the
 * constant references every row embeds. Kept apart so state and routes share one vocabulary.
 */

export interface UserRef {
  object_type: 'user';
  id: string | null;
  username: string | null;
  avatar_url: string | null;
}

export interface WorkspaceRef {
  object_type: 'workspace';
  id: string;
  name: string;
  slug: string | null;
  avatar_url: string | null;
}

export interface CvmRef {
  object_type: 'cvm';
  vm_uuid: string;
  app_id: string | null;
  name: string | null;
}

export interface AppRevision {
  revision_id: string;
  app_id: string;
  vm_uuid: string;
  compose_hash: string;
  created_at: string;
  trace_id: string | null;
  operation_type: string;
  triggered_by: UserRef | null;
  cvm: CvmRef | null;
  workspace: WorkspaceRef | null;
}

export interface ProgressInfo {
  target: string | null;
  started_at: string | null;
  correlation_id: string | null;
}

export interface OperationEvent {
  event_type: string;
  timestamp: string;
  state: string;
}

export interface CvmOperation {
  correlation_id: string;
  operation_type: string;
  target_state: string;
  triggered_by: number;
  triggered_by_username: string | null;
  triggered_by_email: string | null;
  started_at: string;
  completed_at: string | null;
  duration_ms: number | null;
  status: 'in_progress' | 'completed' | 'failed';
  error_message: string | null;
  sub_operations: string[];
  events: OperationEvent[];
  instance_name: string;
  compose_hash: string | null;
}

/** The user every sandbox deploy is attributed to. */
export const USER: UserRef = { object_type: 'user', id: 'usr_7Qm2xKp9', username: 'sandbox-dev', avatar_url: null };
export const USER_NUMERIC_ID = 1042;
export const USER_EMAIL = 'sandbox-dev@example.com';

export const WORKSPACE: WorkspaceRef = {
  object_type: 'workspace',
  id: 'wks_3Jd8Lq0z',
  name: 'Sandbox Workspace',
  slug: 'sandbox-workspace',
  avatar_url: null
};

/** Compose hashes come decorated in revision rows; everything internal uses this form. */
export function normaliseHash(hash: string): string {
  const lower = hash.trim().toLowerCase();
  return lower.startsWith('0x') ? lower.slice(2) : lower;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
