/**
 * Qovery's own generated TypeScript client (qovery-typescript-axios) against the sandbox: the
 * endpoints the action uses must parse with the client Qovery publishes, not only with ours.
 */
import { describe, expect, it } from '@jest/globals';
import { Configuration, EnvironmentActionsApi, EnvironmentDeploymentHistoryApi, EnvironmentMainCallsApi } from 'qovery-typescript-axios';
import { stableUuid } from '../../../sandbox/qovery/index.js';
import { sandbox } from './helpers.js';

describe('qovery-typescript-axios against the sandbox', () => {
  it('reads the environment, status, statuses and history, and deploys services', async () => {
    const sb = await sandbox();
    const config = new Configuration({ basePath: sb.url, apiKey: `Token ${sb.scenario.token}` });
    const id = sb.scenario.environmentId;
    const main = new EnvironmentMainCallsApi(config);
    const environment = await main.getEnvironment(id);
    expect(environment.data.project.id).toBe(sb.scenario.projectId);
    const status = await main.getEnvironmentStatus(id);
    expect(status.data.state).toBe('DEPLOYED');
    const statuses = await main.getEnvironmentStatuses(id);
    expect(statuses.data.containers.map((c) => c.id)).toEqual([stableUuid('service:web')]);
    const history = await new EnvironmentDeploymentHistoryApi(config).listEnvironmentDeploymentHistoryV2(id, 100);
    expect(history.data.results?.[0]?.stages[0]?.services.map((s) => s.identifier.name).sort()).toEqual(['api', 'db', 'web']);
    const deployed = await new EnvironmentActionsApi(config).deployAllServices(id, { containers: [{ id: stableUuid('service:web'), image_tag: '1.0.1' }] });
    expect(deployed.status).toBe(202);
    expect(deployed.data.deployment_request_id).toBe(sb.deploys[0]!.requestId);
    expect(sb.requests.every((r) => r.authScheme === 'Token')).toBe(true);
  });
});
