/** The few log calls the pipeline makes, passed in so tests can read what a user would see. */
export interface Logger {
  info(message: string): void;
  warning(message: string, title?: string): void;
  debug(message: string): void;
}
