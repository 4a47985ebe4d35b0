/**
 * The few log calls the pipeline makes, passed in so tests can read what a user would see. The
 * only implementation that reaches the runner is report/action-io's, which makes the text safe
 * and removes secrets: there is deliberately no direct logger to the runner beside it.
 */
export interface Logger {
  info(message: string): void;
  warning(message: string, title?: string): void;
  debug(message: string): void;
}
