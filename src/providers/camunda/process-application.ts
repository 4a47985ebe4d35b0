import type { Resolution } from './resolve-deployment.js';

/**
 * The source the engine gives deployments made by a process application
 * (ProcessApplicationDeploymentBuilder's default source).
 */
const PROCESS_APPLICATION = 'process application';

/**
 * A REST deployment is a plain deployment: DeployCmd registers a process application only for
 * deployments built by one (camunda/camunda-bpm-platform, engine/src/main/java/org/camunda/bpm/
 * engine/impl/cmd/DeployCmd.java; engine-rest's DeploymentResourceImpl.redeploy builds a plain
 * DeploymentBuilder). On a shared engine (Tomcat, WildFly with a WAR) the new definitions then
 * have no application to load their Java delegates and listeners from (ENGINE-09008) until the
 * application restarts: DeployCmd.registerProcessApplication then registers it with the latest
 * deployment of the name (a restart with unchanged models deploys nothing and reuses it) and, by
 * resumePreviousVersions, with every deployment of its process keys. An embedded engine loads
 * classes from its own class path.
 */
export function processApplicationWarning(resolution: Resolution): string | undefined {
  const involved = [resolution.current, resolution.target, ...resolution.changes.map((change) => change.holder)];
  const made = [...new Map(involved.filter((d) => d.source === PROCESS_APPLICATION).map((d) => [d.id, d])).values()];
  if (made.length === 0) return undefined;
  return (
    `Deployment${made.length === 1 ? '' : 's'} ${made.map((d) => d.id).join(', ')} came from a process application (source '${PROCESS_APPLICATION}'). ` +
    'The rollback is a plain REST deployment, not registered with the application: on a shared engine (Tomcat, WildFly with a WAR) Java delegates and listeners of the restored definitions fail (ENGINE-09008) until the application restarts. ' +
    'After the rollback, restart the process application (or redeploy its WAR): on start it registers with the latest deployment of its name and, with resumePreviousVersions (the processes.xml default), with every deployment of its process keys, the rollback included; its unchanged models deploy nothing, so the restart keeps the rollback. ' +
    'Embedded engines (e.g. Spring Boot with @EnableProcessApplication) are not affected.'
  );
}
