/**
 * For test files that run against the real Camunda engine. `describeWithEngine` skips with a
 * printed reason on a machine without Java, but fails in CI (CI=true): no silent skip there.
 */
import { beforeAll, describe } from '@jest/globals';
import { ADMIN, waitForEngine } from '../../../sandbox/camunda/engine-process.js';
import { EngineClient } from '../../../sandbox/camunda/engine-client.js';
import { readState } from './engine-state.js';

const state = readState();
let ready: Promise<void> | undefined;

/** The engine-rest base once the engine answers; throws why it cannot. */
export async function engineUrl(): Promise<string> {
  if (state.kind !== 'started') {
    throw new Error(state.kind === 'not-needed' ? 'The global setup did not start the engine (test selection).' : `The Camunda sandbox engine is not available: ${state.reason}`);
  }
  ready ??= waitForEngine(state);
  await ready;
  return state.url;
}

export function adminClient(url: string): EngineClient {
  return new EngineClient(url, ADMIN);
}

/** A `describe` whose tests run against the engine. */
export function describeWithEngine(name: string, body: () => void): void {
  if (state.kind === 'unavailable' && process.env.CI !== 'true') {
    console.warn(`Skipping '${name}': ${state.reason}. With CI=true these tests fail instead.`);
    describe.skip(name, body);
    return;
  }
  describe(name, () => {
    beforeAll(async () => {
      await engineUrl();
    }, 200_000);
    body();
  });
}

/** A name no other test uses, so tests share one engine without seeing each other's history. */
let counter = 0;
export function uniqueName(label: string): string {
  counter++;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** A process definition key (an NCName: starts with a letter, no dashes). */
export function uniqueKey(label: string): string {
  return uniqueName(label).replace(/-/g, '_');
}
