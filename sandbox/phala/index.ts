/** Phala Cloud sandbox: a stateful local stand-in for the API the rollback action talks to. */
export { startSandbox } from './server.js';
export { defaultScenario, defaultUpdateBehaviour, expectedHistory, decorateHash, restartFollows } from './scenario.js';
export { normaliseHash } from './model.js';
export type {
  AcceptedRedeploy,
  BusySpec,
  CvmView,
  FaultEndpoint,
  FaultKind,
  FaultSpec,
  RecordedRequest,
  RevisionView,
  Sandbox,
  SandboxCvmSpec,
  Scenario,
  ScenarioOverrides,
  UpdateBehaviour,
  UpdateRecord
} from './types.js';
