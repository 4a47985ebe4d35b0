import type { Deadline } from '../../clock.js';
import type { Logger } from '../../log.js';
import type { QoveryApi } from './qovery-api.js';

/** What every Qovery step needs, passed explicitly rather than imported. */
export interface QoveryContext {
  api: QoveryApi;
  deadline: Deadline;
  log: Logger;
  timeoutSeconds: number;
}
