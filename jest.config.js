/** Jest in ESM mode: ts-jest compiles TypeScript, node runs it as ES modules. */
export default {
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
