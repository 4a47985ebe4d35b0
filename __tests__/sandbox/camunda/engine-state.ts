/**
 * How the Jest global setup hands the Camunda sandbox engine to the test files: a JSON file
 * named by CAMUNDA_SANDBOX_STATE (workers inherit the variable).
 */
import { readFileSync, writeFileSync } from 'node:fs';

export type EngineState =
  /** Started in the background; tests await readiness (engine.ts). */
  | { kind: 'started'; url: string; pid: number; logFile: string }
  /** Not needed by this run's test selection. */
  | { kind: 'not-needed' }
  /** Cannot run on this machine (no Java/Maven): tests skip, except in CI where they fail. */
  | { kind: 'unavailable'; reason: string }
  /** Java is there but the build or start failed: tests fail. */
  | { kind: 'failed'; reason: string };

export const STATE_VARIABLE = 'CAMUNDA_SANDBOX_STATE';

export function writeState(file: string, state: EngineState): void {
  writeFileSync(file, JSON.stringify(state));
}

export function readState(): EngineState {
  const file = process.env[STATE_VARIABLE];
  if (!file) return { kind: 'failed', reason: `${STATE_VARIABLE} is not set: run the tests through Jest with jest.config.js (its globalSetup starts the engine).` };
  return JSON.parse(readFileSync(file, 'utf8')) as EngineState;
}
