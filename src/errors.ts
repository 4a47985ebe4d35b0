/**
 * An expected failure: something the user or the platform got wrong that we can explain.
 * The entry point prints these as one annotation with a title, never as a stack trace.
 */
export class ActionError extends Error {
  constructor(
    readonly title: string,
    message: string
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/** Bad input, caught before any request is sent. The message names the input. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Invalid input '${input}'`, message);
    this.name = 'InputError';
  }
}

/** Thrown when the run's overall `timeout` is used up. */
export class TimeoutError extends ActionError {
  constructor(message: string) {
    super('Rollback timed out', message);
    this.name = 'TimeoutError';
  }
}
