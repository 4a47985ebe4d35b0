import * as core from '@actions/core';

/** The few log calls the pipeline makes, passed in so tests can read what a user would see. */
export interface Logger {
  info(message: string): void;
  warning(message: string, title?: string): void;
  debug(message: string): void;
}

export const coreLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message, title) => core.warning(message, title ? { title } : undefined),
  debug: (message) => core.debug(message)
};
