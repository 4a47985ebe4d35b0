/** Qovery sandbox: a stateful local stand-in for the Qovery API endpoints the rollback action uses. */
export { startQoverySandbox } from './server.js';
export { commitOf, defaultDeployment, defaultExecutions, defaultScenario, defaultServices, stableUuid } from './scenario.js';
export type {
  AcceptedDeploy,
  DeploymentBehaviour,
  ExecutionSpec,
  ExecutionView,
  FaultEndpoint,
  FaultSpec,
  QoverySandbox,
  QoveryScenario,
  RecordedRequest,
  SandboxServiceSpec,
  ScenarioOverrides,
  ServiceType,
  ServiceView
} from './types.js';
