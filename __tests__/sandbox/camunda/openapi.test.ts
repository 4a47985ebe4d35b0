import { expect, test } from '@jest/globals';
import { ADMIN, VIEWER } from '../../../sandbox/camunda/engine-process.js';
import { bpmnProcess, dmnDecision } from '../../../sandbox/camunda/engine-client.js';
import { startFaultProxy } from '../../../sandbox/camunda/fault-proxy.js';
import { adminClient, describeWithEngine, engineUrl, uniqueKey, uniqueName } from './engine.js';
import { translateNullable, validateResponse, validateSchema } from './openapi-validator.js';

const basic = (user: { username: string; password: string }) => `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

async function call(url: string, method: 'GET' | 'POST', path: string, body?: unknown, user = ADMIN) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: basic(user), Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

test('nullable is translated for ajv', () => {
  expect(translateNullable({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
  expect(translateNullable({ allOf: [{ $ref: '#/x' }], nullable: true })).toEqual({ anyOf: [{ allOf: [{ $ref: '#/x' }] }, { type: 'null' }] });
  expect(validateResponse('get', '/deployment/{id}', 200, { id: 'x', name: null, source: null, tenantId: null, deploymentTime: 'yesterday', links: [] })).not.toEqual([]);
});

describeWithEngine('camunda sandbox: the endpoints the action uses answer as the official OpenAPI document says', () => {
  test('deployments, resources, redeploy, definitions and errors, directly and through the fault proxy', async () => {
    const direct = await engineUrl();
    const proxy = await startFaultProxy(direct);
    try {
      const engine = adminClient(direct);
      const name = uniqueName('spec');
      const deployed = await engine.deploy(name, { 'p.bpmn': bpmnProcess(uniqueKey('spec'), 'one'), 'd.dmn': dmnDecision(uniqueKey('specd'), 'one') });
      // POST /deployment/create, as a rollback that needs bytes from several deployments sends it.
      expect(validateResponse('post', '/deployment/create', 200, deployed)).toEqual([]);
      for (const url of [direct, proxy.url]) {
        const checks: Array<[string, 'get' | 'post', string, { status: number; body: unknown }]> = [
          [
            '/deployment',
            'get',
            '/deployment',
            await call(url, 'GET', `/deployment?name=${name}&withoutTenantId=true&sortBy=deploymentTime&sortOrder=desc&firstResult=0&maxResults=10`)
          ],
          ['/deployment/{id}', 'get', 'one', await call(url, 'GET', `/deployment/${deployed.id}`)],
          ['/deployment/{id}/resources', 'get', 'list', await call(url, 'GET', `/deployment/${deployed.id}/resources`)],
          [
            '/process-definition',
            'get',
            'by deployment',
            await call(url, 'GET', `/process-definition?deploymentId=${deployed.id}&sortBy=id&sortOrder=asc&firstResult=0&maxResults=100`)
          ],
          [
            '/decision-definition',
            'get',
            'by deployment',
            await call(url, 'GET', `/decision-definition?deploymentId=${deployed.id}&sortBy=id&sortOrder=asc&firstResult=0&maxResults=100`)
          ],
          ['/deployment/{id}/redeploy', 'post', 'redeploy', await call(url, 'POST', `/deployment/${deployed.id}/redeploy`, { source: 'rollback 0123456789ab' })],
          ['/deployment/{id}', 'get', '404', await call(url, 'GET', '/deployment/no-such-id')],
          ['/deployment', 'get', '400', await call(url, 'GET', '/deployment?sortBy=deploymentTime')]
        ];
        for (const [path, method, label, response] of checks) {
          expect({ path, label, status: response.status, problems: validateResponse(method, path, response.status, response.body) }).toEqual({
            path,
            label,
            status: response.status,
            problems: []
          });
        }
        expect(checks.map(([, , , response]) => response.status)).toEqual([200, 200, 200, 200, 200, 200, 404, 400]);
        // The time window the history walk pages by (both bounds strict), around the deployment's own
        // instant, in id order as a tie group is read.
        const instant = Date.parse(deployed.deploymentTime.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
        const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString().replace('Z', '+0000'));
        const window = await call(
          url,
          'GET',
          `/deployment?name=${name}&withoutTenantId=true&after=${iso(instant - 1)}&before=${iso(instant + 1)}&sortBy=id&sortOrder=asc&firstResult=0&maxResults=10`
        );
        expect(validateResponse('get', '/deployment', window.status, window.body)).toEqual([]);
        expect((window.body as Array<{ id: string }>).map((d) => d.id)).toEqual([deployed.id]);
        // The document lists no 403 for the redeploy; the engine answers with its AuthorizationExceptionDto.
        const forbidden = await call(url, 'POST', `/deployment/${deployed.id}/redeploy`, { source: 'x' }, VIEWER);
        expect(forbidden.status).toBe(403);
        expect(validateSchema('AuthorizationExceptionDto', forbidden.body)).toEqual([]);
      }
    } finally {
      await proxy.close();
    }
  });
});
