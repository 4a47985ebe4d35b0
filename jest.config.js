import { availableParallelism } from 'node:os';

/** Jest in ESM mode: ts-jest compiles TypeScript, node runs it as ES modules. */
export default {
  // Most of the time goes to end-to-end tests that wait: on the action's child process, on the
  // sandboxes' simulated platform timing, on the 15 s watch of a lost answer (a contract, not
  // shortened). Waiting takes no CPU, so three test files per core run side by side; Jest's
  // default (cores - 1, one worker on 2 cores) ran them one after the other. At most 12: past
  // that, workers cost memory and win nothing. --maxWorkers overrides.
  maxWorkers: Math.min(12, Math.max(4, availableParallelism() * 3)),
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.all.json' }]
  },
  testTimeout: 60000,
  // Builds (when stale) and starts the Camunda sandbox engine once per run; stops it after.
  globalSetup: '<rootDir>/__tests__/sandbox/camunda/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/sandbox/camunda/global-teardown.ts'
};
