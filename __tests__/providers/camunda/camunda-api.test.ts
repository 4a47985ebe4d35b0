import { describe, expect, test } from '@jest/globals';
import { ActionError } from '../../../src/errors.js';
import type { ApiCall, ApiClient, ApiResponse } from '../../../src/http/api-client.js';
import { CamundaApi, DEFAULT_PAGE_SIZE } from '../../../src/providers/camunda/camunda-api.js';

/** An engine with queryMaxResultsLimit `limit`, answering GET /deployment as QueryMaxResultsLimitUtil does. */
function limitedEngine(limit: number, message?: string) {
  const asked: number[] = [];
  const answer = (status: number, body: unknown): ApiResponse => ({ status, body, text: JSON.stringify(body), headers: {}, endpoint: 'GET /deployment' });
  const client = {
    read: async (call: ApiCall) => {
      const max = Number(call.query?.maxResults);
      asked.push(max);
      if (message) return answer(400, { type: 'BadUserRequestException', message, code: 0 });
      if (max > limit) return answer(400, { type: 'BadUserRequestException', message: `Max results limit of ${limit} exceeded!`, code: 0 });
      return answer(200, []);
    }
  } as unknown as ApiClient;
  return { api: new CamundaApi(client, 'basic', 'https://bpm.example.com/engine-rest'), asked };
}

describe('queries under an engine with queryMaxResultsLimit', () => {
  test('every query sends maxResults; once the engine names its limit, every page uses it', async () => {
    const { api, asked } = limitedEngine(25);
    await api.listDeployments({ name: 'invoice', tenantId: null }, {}, DEFAULT_PAGE_SIZE, 'reading');
    await api.listDeployments({ name: 'invoice', tenantId: null }, {}, DEFAULT_PAGE_SIZE, 'reading');
    await api.latestDefinition('process', 'invoice', null, 'verifying');
    expect(asked).toEqual([100, 25, 25, 1]);
    expect(api.pageSize).toBe(25);
  });

  test("any other answer of that kind is explained as the engine's limit", async () => {
    const { api } = limitedEngine(25, 'An unbound number of results is forbidden!');
    const error = await api.listDeployments({ name: 'invoice', tenantId: null }, {}, DEFAULT_PAGE_SIZE, 'reading').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).title).toBe("The engine's query limit refused a read");
    expect((error as ActionError).message).toContain('queryMaxResultsLimit');
  });
});
