import type { Deadline } from '../../clock.js';
import type { Logger } from '../../log.js';
import type { PhalaApi } from './phala-api.js';

/** What every Phala step needs, passed explicitly rather than imported. */
export interface PhalaContext {
  api: PhalaApi;
  deadline: Deadline;
  log: Logger;
  timeoutSeconds: number;
}
