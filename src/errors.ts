/**
 * Whether the platform was changed by this run. It decides whether a re-run is safe, so every
 * failure carries it and says it, instead of each message guessing in words.
 * - nothing: no redeploy reached the platform (or it verifiably did not act).
 * - unknown: a redeploy may have reached the platform; its outcome is not known.
 * - accepted: the platform accepted this run's redeploy.
 */
export type Changed = 'nothing' | 'unknown' | 'accepted';

/**
 * What is known of an accepted rollback's end on the platform. Without it an accepted rollback
 * "may still be running"; with it the closing sentence says what happened instead.
 * - completed: the platform reported every target on the revision (e.g. a health check failed after).
 * - failed: the platform reported a definite failure (a failed operation, a DEPLOYMENT_ERROR).
 */
export type Outcome = 'completed' | 'failed';

export interface ActionErrorOptions {
  /** Set where the raiser knows; otherwise the pipeline fills it from how far the run got. */
  changed?: Changed;
  /** Set where the raiser knows how the accepted rollback ended on the platform. */
  outcome?: Outcome;
}

/**
 * An expected failure: something the user or the platform got wrong that we can explain.
 * The entry point prints these as one annotation with a title, never as a stack trace.
 */
export class ActionError extends Error {
  changed?: Changed;
  outcome?: Outcome;

  constructor(
    readonly title: string,
    message: string,
    options: ActionErrorOptions = {}
  ) {
    super(message);
    this.name = 'ActionError';
    this.changed = options.changed;
    this.outcome = options.outcome;
  }
}

/** Bad input, caught before any request is sent. The message names the input. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Invalid input '${input}'`, message, { changed: 'nothing' });
    this.name = 'InputError';
  }
}

/** Thrown when the run's overall `timeout` is used up. */
export class TimeoutError extends ActionError {
  constructor(message: string, options: ActionErrorOptions = {}) {
    super('Rollback timed out', message, options);
    this.name = 'TimeoutError';
  }
}
