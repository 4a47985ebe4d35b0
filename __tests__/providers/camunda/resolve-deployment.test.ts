import { describe, expect, test } from '@jest/globals';
import { ActionError } from '../../../src/errors.js';
import { fingerprint, sameContent } from '../../../src/providers/camunda/content.js';
import { MAX_PAGES, PAGE_SIZE, resolveDeployment, type DeploymentHistory, type ResolveRequest } from '../../../src/providers/camunda/resolve-deployment.js';
import type { Deployment } from '../../../src/providers/camunda/shapes.js';
import { parseRevisionSelector } from '../../../src/revision-selector.js';

type Files = Record<string, string>;

/**
 * An in-memory engine history of one name: deployments oldest first as written, served newest
 * first. Counts what resolution reads, so "reads only what it needs" can be checked.
 */
function memoryHistory(versions: Array<Files | { files: Files; source?: string; tenantId?: string }>, name = 'invoice') {
  const deployments = versions.map((v, index) => {
    const spec = 'files' in v ? v : { files: v as Files };
    const deployment: Deployment = {
      id: `d${index + 1}`,
      name,
      source: (spec as { source?: string }).source ?? null,
      deploymentTime: `2026-01-01T00:00:${String(index).padStart(2, '0')}.000+0000`,
      tenantId: (spec as { tenantId?: string }).tenantId ?? null
    };
    return { deployment, files: spec.files };
  });
  const reads = { pages: 0, contents: [] as string[] };
  const history: DeploymentHistory = {
    page: async (wanted, firstResult, maxResults) => {
      reads.pages++;
      return deployments
        .filter((d) => d.deployment.name === wanted)
        .reverse()
        .slice(firstResult, firstResult + maxResults)
        .map((d) => d.deployment);
    },
    find: async (id) => deployments.find((d) => d.deployment.id === id)?.deployment,
    content: async (deployment, only) => {
      reads.contents.push(deployment.id);
      const files = Object.entries(deployments.find((d) => d.deployment.id === deployment.id)!.files);
      return fingerprint(files.filter(([file]) => !only || only.includes(file)).map(([file, text]) => [file, Buffer.from(text)]));
    }
  };
  return { history, reads };
}

function request(revision: string, extra: Partial<ResolveRequest> = {}): ResolveRequest {
  return { name: 'invoice', tenantId: null, selector: parseRevisionSelector(revision, { id: { pattern: /^[A-Za-z0-9_-]+$/, describe: 'a deployment id' } }), ...extra };
}

async function failure(promise: Promise<unknown>): Promise<ActionError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ActionError) return error;
    throw error;
  }
  throw new Error('expected an ActionError');
}

const v = (label: string): Files => ({ 'invoice.bpmn': `<process name="${label}"/>` });

describe('content', () => {
  test('equal when names and bytes are equal, whatever the order', () => {
    const a = fingerprint([
      ['a', Buffer.from('1')],
      ['b', Buffer.from('2')]
    ]);
    expect(
      sameContent(
        a,
        fingerprint([
          ['b', Buffer.from('2')],
          ['a', Buffer.from('1')]
        ])
      )
    ).toBe(true);
    expect(
      sameContent(
        a,
        fingerprint([
          ['a', Buffer.from('1')],
          ['b', Buffer.from('3')]
        ])
      )
    ).toBe(false);
    expect(sameContent(a, fingerprint([['a', Buffer.from('1')]]))).toBe(false);
    expect(
      sameContent(
        a,
        fingerprint([
          ['a', Buffer.from('1')],
          ['c', Buffer.from('2')]
        ])
      )
    ).toBe(false);
  });
});

describe('resolveDeployment: previous', () => {
  test('the newest older deployment whose content differs; identical redeploys are no step', async () => {
    const { history } = memoryHistory([v('1'), v('2'), v('2'), v('3'), v('3')]);
    const resolved = await resolveDeployment(history, request('previous'));
    expect(resolved.current.id).toBe('d5');
    expect(resolved.target.id).toBe('d3'); // the newest carrying content 2
    expect(resolved.sameContent).toBe(false);
  });

  test('previous~N counts distinct contents', async () => {
    const { history } = memoryHistory([v('1'), v('2'), v('3'), v('3'), v('4')]);
    expect((await resolveDeployment(history, request('previous~2'))).target.id).toBe('d2');
    expect((await resolveDeployment(history, request('previous~3'))).target.id).toBe('d1');
    const error = await failure(resolveDeployment(history, request('previous~4')));
    expect(error.title).toBe('No earlier deployment to roll back to');
    expect(error.changed).toBe('nothing');
  });

  test('reads page by page and compares content only of the deployments it passes', async () => {
    const versions = Array.from({ length: 95 }, (_, i) => v(String(i)));
    const { history, reads } = memoryHistory(versions);
    const resolved = await resolveDeployment(history, request('previous'));
    expect(resolved.target.id).toBe('d94');
    expect(reads.pages).toBe(1);
    // current, target, and the one the target replaced (to check for an undone rollback)
    expect(reads.contents).toEqual(['d95', 'd94', 'd93']);
  });

  test('the search is bounded: a history of identical redeploys ends with a clear error, not a full scan', async () => {
    const versions = [v('old'), ...Array.from({ length: MAX_PAGES * PAGE_SIZE + 5 }, () => v('same'))];
    const { history, reads } = memoryHistory(versions);
    const error = await failure(resolveDeployment(history, request('previous')));
    expect(error.message).toContain(`newest ${MAX_PAGES * PAGE_SIZE} deployments`);
    expect(error.message).toContain('deployment id');
    expect(reads.pages).toBe(MAX_PAGES);
  });

  test('refuses when the current deployment was made by a rollback of this action, naming what it would pick', async () => {
    const { history } = memoryHistory([v('1'), v('2'), { files: v('1'), source: 'rollback acme/bpm run 9.1' }]);
    const error = await failure(resolveDeployment(history, request('previous')));
    expect(error.title).toBe('Refusing to undo an earlier rollback');
    expect(error.message).toContain('pass revision: d2');
    expect(error.changed).toBe('nothing');
  });

  test('also when an identical redeploy (a restart) followed the rollback', async () => {
    const { history } = memoryHistory([v('1'), v('2'), { files: v('1'), source: 'rollback 0123456789ab' }, { files: v('1'), source: 'process application' }]);
    const error = await failure(resolveDeployment(history, request('previous')));
    expect(error.message).toContain("source 'rollback 0123456789ab'");
  });

  test('refuses on the content pattern current → other → current (a manual rollback)', async () => {
    const { history } = memoryHistory([v('1'), v('2'), v('1')]);
    const error = await failure(resolveDeployment(history, request('previous')));
    expect(error.message).toContain('equals that of the older deployment d1');
    expect(error.message).toContain('pass revision: d2');
  });

  test('a source that merely starts with "rollback" is not taken for this action', async () => {
    const { history } = memoryHistory([v('1'), { files: v('2'), source: 'rollback of the pricing change' }]);
    expect((await resolveDeployment(history, request('previous'))).target.id).toBe('d1');
  });

  test('resources: only the named resources are compared; a target lacking one is refused', async () => {
    const both = (a: string, b: string): Files => ({ 'a.bpmn': a, 'b.dmn': b });
    const { history } = memoryHistory([both('a1', 'b1'), both('a2', 'b1'), both('a2', 'b2')]);
    expect((await resolveDeployment(history, request('previous', { resources: ['a.bpmn'] }))).target.id).toBe('d1');
    expect((await resolveDeployment(history, request('previous', { resources: ['b.dmn'] }))).target.id).toBe('d2');

    const lacking = memoryHistory([{ 'a.bpmn': 'a1' }, both('a2', 'b2')]);
    const error = await failure(resolveDeployment(lacking.history, request('previous', { resources: ['a.bpmn', 'b.dmn'] })));
    expect(error.title).toBe('Resource not in the target deployment');
    expect(error.message).toContain("'b.dmn'");
  });

  test('no deployment of the name', async () => {
    const { history } = memoryHistory([v('1')], 'other');
    const error = await failure(resolveDeployment(history, request('previous')));
    expect(error.title).toBe('No deployment of that name');
  });
});

describe('resolveDeployment: by id', () => {
  test('any deployment of the name; the same content as the current one is flagged (skipped)', async () => {
    const { history } = memoryHistory([v('1'), v('2'), v('1')]);
    const older = await resolveDeployment(history, request('d2'));
    expect(older.target.id).toBe('d2');
    expect(older.sameContent).toBe(false);
    const same = await resolveDeployment(history, request('d1'));
    expect(same.sameContent).toBe(true);
  });

  test('app_id may be empty; when given it must be the deployment name', async () => {
    const { history } = memoryHistory([v('1'), v('2')]);
    expect((await resolveDeployment(history, request('d1', { name: '' }))).current.id).toBe('d2');
    const error = await failure(resolveDeployment(history, request('d1', { name: 'billing' })));
    expect(error.message).toContain("named 'invoice', not 'billing'");
  });

  test('unknown id, and a deployment of another tenant', async () => {
    const { history } = memoryHistory([v('1'), { files: v('2'), tenantId: 'tenantA' }]);
    expect((await failure(resolveDeployment(history, request('d9')))).title).toBe('Deployment not found');
    const other = await failure(resolveDeployment(history, request('d2')));
    expect(other.message).toContain('Set tenant_id: tenantA');
  });
});
