import type { Deadline } from '../../clock.js';
import type { Logger } from '../../log.js';
import type { CamundaApi } from './camunda-api.js';

/** What every Camunda step needs, passed explicitly rather than imported. */
export interface CamundaContext {
  api: CamundaApi;
  deadline: Deadline;
  log: Logger;
  /** The deployment name rolled back (from app_id, or the target's name). */
  name: string;
  tenantId: string | null;
  /** Resource names to send; undefined = all. */
  resources?: string[];
  /** The source this run's deployment carries (see rollback-source.ts). */
  source: string;
}
