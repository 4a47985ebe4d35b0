import { expect } from '@jest/globals';
import { ActionError } from '../src/errors.js';

/** The ActionError a promise rejects with, failing the test if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<ActionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ActionError);
  return error as ActionError;
}
