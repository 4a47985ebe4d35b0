import type { Deadline } from '../../clock.js';
import type { Logger } from '../../log.js';
import type { CamundaApi } from './camunda-api.js';
import type { Resolution } from './resolve-deployment.js';

/** What every Camunda step needs, passed explicitly rather than imported. */
export interface CamundaContext {
  api: CamundaApi;
  deadline: Deadline;
  log: Logger;
  timeoutSeconds: number;
  /** The deployment name rolled back (from app_id, or the target's name). */
  name: string;
  tenantId: string | null;
  /** The source this run's deployment carries (see rollback-source.ts). */
  source: string;
  /** Deployments of this run's source that existed before the send: none of them is this run's. */
  before?: Set<string>;
  /** What plan() resolved: the resources to put back and how; trigger and verification use it. */
  resolution?: Resolution;
}
