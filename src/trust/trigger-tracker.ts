import type { Changed } from '../errors.js';

/**
 * How the trigger tells the pipeline where the redeploy stands, so a cancellation or failure at
 * any moment states truthfully whether the platform was changed.
 */
export interface TriggerTracker {
  /** 'unknown' just before a request leaves; 'nothing' when verified not acted on; 'accepted' when accepted. */
  mark(state: Changed): void;
  /** Waiting for the platform to be free before sending (a 409): nothing sent yet. */
  waitingToSend(what: string): void;
}

/**
 * The pipeline's tracker, also keeping an API client's own `changed` in step, so an error its
 * reads raise mid-trigger states the same fact as the pipeline.
 */
export function mirroredTracker(client: { changed: Changed }, tracker: TriggerTracker): TriggerTracker {
  return {
    mark: (state) => {
      client.changed = state;
      tracker.mark(state);
    },
    waitingToSend: (what) => tracker.waitingToSend(what)
  };
}
