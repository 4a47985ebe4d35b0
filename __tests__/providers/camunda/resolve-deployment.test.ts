import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { failure } from '../../action-error.js';
import { resolveDeployment, type DeploymentHistory, type ResolveRequest } from '../../../src/providers/camunda/resolve-deployment.js';
import type { Deployment } from '../../../src/providers/camunda/shapes.js';
import { parseRevisionSelector } from '../../../src/revision-selector.js';

type Files = Record<string, string>;
type Spec = Files | { files: Files; source?: string };

/**
 * An in-memory history of one name: deployments oldest first as written (d1, d2, …), served
 * newest first, each holding only the files given (deploy-changed-only). Counts what is read.
 */
function memoryHistory(specs: Spec[], name = 'invoice') {
  const deployments = specs.map((spec, index) => {
    const { files, source } = 'files' in spec && typeof spec.files === 'object' ? (spec as { files: Files; source?: string }) : { files: spec as Files, source: undefined };
    const deployment: Deployment = {
      id: `d${index + 1}`,
      name,
      source: source ?? null,
      deploymentTime: `2026-01-01T00:00:${String(index).padStart(2, '0')}.000+0000`,
      tenantId: null
    };
    return { deployment, files };
  });
  const reads = { deployments: 0, hashes: [] as string[] };
  const newestFirst = [...deployments].reverse();
  const history: DeploymentHistory = {
    next: async () => newestFirst[reads.deployments++]?.deployment,
    describe: () => `${Math.min(reads.deployments, deployments.length)} deployments`,
    find: async (id) => deployments.find((d) => d.deployment.id === id)?.deployment,
    resources: async (deployment) => Object.keys(deployments.find((d) => d.deployment.id === deployment.id)!.files).map((file) => ({ id: `${deployment.id}/${file}`, name: file })),
    hash: async (deployment, resource) => {
      reads.hashes.push(resource.id);
      return createHash('sha256')
        .update(deployments.find((d) => d.deployment.id === deployment.id)!.files[resource.name]!)
        .digest('hex');
    }
  };
  return { history, reads };
}

function request(revision: string, extra: Partial<ResolveRequest> = {}): ResolveRequest {
  return { name: 'invoice', tenantId: null, selector: parseRevisionSelector(revision, { id: { pattern: /^[A-Za-z0-9_-]+$/, describe: 'a deployment id' } }), ...extra };
}

async function resolve(specs: Spec[], revision: string, extra: Partial<ResolveRequest> = {}) {
  const { history, reads } = memoryHistory(specs);
  const resolved = await resolveDeployment(history, request(revision, extra));
  return {
    ...resolved,
    reads,
    /** name → the deployment whose bytes are put back */
    back: Object.fromEntries(resolved.changes.map((change) => [change.name, change.holder.id])),
    via: resolved.delivery.kind === 'redeploy' ? `redeploy ${resolved.delivery.from.id}` : 'create'
  };
}

const invoice = (label: string) => `<process id="invoice" name="${label}"/>`;
const review = (label: string) => `<decision id="review" name="${label}"/>`;

describe('changed-only deployments: what a name runs is, per resource, the newest bytes deployed', () => {
  // The issue's case: D3 {invoice v2 (bad)}, D2 {review v2}, D1 {invoice v1, review v1}.
  const issue: Spec[] = [{ 'invoice.bpmn': invoice('v1'), 'review.dmn': review('v1') }, { 'review.dmn': review('v2') }, { 'invoice.bpmn': invoice('v2') }];

  test("'previous' undoes the newest deployment: invoice back to D1's bytes, review untouched", async () => {
    const resolved = await resolve(issue, 'previous');
    expect(resolved.current.id).toBe('d3');
    expect(resolved.target.id).toBe('d2');
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd1' });
    expect(resolved.via).toBe('redeploy d1');
    expect(resolved.undone.map((d) => d.id)).toEqual(['d3']);
  });

  test('resources: invoice.bpmn goes back to D1 instead of being refused', async () => {
    const resolved = await resolve(issue, 'previous', { resources: ['invoice.bpmn'] });
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd1' });
  });

  test('resources: review.dmn undoes the newest deployment that changed it (D2)', async () => {
    const resolved = await resolve(issue, 'previous', { resources: ['review.dmn'] });
    expect(resolved.back).toEqual({ 'review.dmn': 'd1' });
    expect(resolved.undone.map((d) => d.id)).toEqual(['d2']);
  });

  test("'previous~2' undoes the newest two: both resources back to D1, in one redeploy of D1", async () => {
    const resolved = await resolve(issue, 'previous~2');
    expect(resolved.target.id).toBe('d1');
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd1', 'review.dmn': 'd1' });
    expect(resolved.delivery).toEqual({ kind: 'redeploy', from: expect.objectContaining({ id: 'd1' }), resourceIds: ['d1/invoice.bpmn', 'd1/review.dmn'] });
  });

  test('a deployment id means every resource as right after it', async () => {
    const resolved = await resolve(issue, 'd2');
    expect(resolved.target.id).toBe('d2');
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd1' });
    const first = await resolve(issue, 'd1');
    expect(first.back).toEqual({ 'invoice.bpmn': 'd1', 'review.dmn': 'd1' });
  });

  test('the current deployment as the id: nothing differs, nothing to send', async () => {
    const resolved = await resolve(issue, 'd3');
    expect(resolved.changes).toEqual([]);
  });

  test('bytes from two deployments that no single one holds: sent as a create', async () => {
    // d1 {a1, b1}, d2 {a2}, d3 {b2}, d4 {a3, b3}: back to d3's state = a2 (d2) + b2 (d3).
    const specs: Spec[] = [{ 'a.bpmn': 'a1', 'b.bpmn': 'b1' }, { 'a.bpmn': 'a2' }, { 'b.bpmn': 'b2' }, { 'a.bpmn': 'a3', 'b.bpmn': 'b3' }];
    const resolved = await resolve(specs, 'previous');
    expect(resolved.back).toEqual({ 'a.bpmn': 'd2', 'b.bpmn': 'd3' });
    expect(resolved.via).toBe('create');
  });

  test('a deployment that changed nothing is no step: previous skips it', async () => {
    // d3 re-deploys invoice v2 with its old bytes (a restart with another source): changes nothing.
    const specs: Spec[] = [{ 'invoice.bpmn': invoice('v1') }, { 'invoice.bpmn': invoice('v2') }, { files: { 'invoice.bpmn': invoice('v2') }, source: 'process application' }];
    const resolved = await resolve(specs, 'previous');
    expect(resolved.undone.map((d) => d.id)).toEqual(['d2']);
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd1' });
    expect(resolved.target.id).toBe('d1');
  });

  test("'previous~2' counts deployments that changed something", async () => {
    const specs: Spec[] = [{ 'invoice.bpmn': invoice('v1') }, { 'invoice.bpmn': invoice('v2') }, { 'invoice.bpmn': invoice('v2') }, { 'invoice.bpmn': invoice('v3') }];
    const resolved = await resolve(specs, 'previous~2');
    expect(resolved.target.id).toBe('d1');
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd1' });
  });

  test('a resource that did not exist before cannot be removed: a warning, and it is left', async () => {
    const specs: Spec[] = [{ 'invoice.bpmn': invoice('v1') }, { 'invoice.bpmn': invoice('v2'), 'new.bpmn': 'n1' }];
    const resolved = await resolve(specs, 'previous');
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd1' });
    expect(resolved.cannotRemove).toEqual(['new.bpmn']);
    expect(resolved.warnings.join(' ')).toContain("'new.bpmn' did not exist before: a deployment cannot remove it");
  });

  test('only new resources in the undone deployment: refused before sending, saying why', async () => {
    const specs: Spec[] = [{ 'invoice.bpmn': invoice('v1') }, { 'new.bpmn': 'n1' }];
    const error = await failure(resolve(specs, 'previous'));
    expect(error.title).toBe('Nothing a deployment can roll back');
    expect(error.message).toContain("'new.bpmn' did not exist before");
    expect(error.changed).toBe('nothing');
  });

  test('a resource name no deployment holds says exactly that', async () => {
    const error = await failure(resolve(issue, 'previous', { resources: ['invoce.bpmn'] }));
    expect(error.title).toBe('Resource not found in any deployment');
    expect(error.message).toContain("holds a resource named 'invoce.bpmn' (read: 3 deployments)");
  });

  test('a deployment id whose state lacks a named resource is refused', async () => {
    const specs: Spec[] = [{ 'invoice.bpmn': invoice('v1') }, { 'invoice.bpmn': invoice('v2'), 'new.bpmn': 'n1' }, { 'new.bpmn': 'n2' }];
    const error = await failure(resolve(specs, 'd1', { resources: ['new.bpmn'] }));
    expect(error.title).toBe('Resource not in the target deployment');
  });

  test('one deployment only: nothing earlier', async () => {
    const error = await failure(resolve([{ 'invoice.bpmn': invoice('v1') }], 'previous'));
    expect(error.title).toBe('Nothing a deployment can roll back');
  });

  test('identical redeploys only: no deployment changed anything beyond the first', async () => {
    const error = await failure(resolve([{ 'invoice.bpmn': invoice('v1') }, { 'invoice.bpmn': invoice('v1') }], 'previous~2'));
    expect(error.title).toBe('No earlier deployment to roll back to');
    expect(error.message).toContain('1 changed something');
  });
});

describe("an order by the nodes' clocks alone is said only where it decides what is undone", () => {
  const issue: Spec[] = [{ 'invoice.bpmn': invoice('v1'), 'review.dmn': review('v1') }, { 'review.dmn': review('v2') }, { 'invoice.bpmn': invoice('v2') }];
  const withPair = (pair: [string, string]) => {
    const { history } = memoryHistory(issue);
    const byId = (id: string) => ({ id, name: 'invoice', source: null, deploymentTime: '2026-01-01T00:00:00.000+0000', tenantId: null });
    history.orderedByTimeOnly = () => [[byId(pair[0]), byId(pair[1])]];
    return history;
  };

  test("D3 {invoice} and D2 {review} made seconds apart share no definition: 'previous' says it took D3 as the newer", async () => {
    const resolved = await resolveDeployment(withPair(['d3', 'd2']), request('previous'));
    expect(resolved.undone.map((d) => d.id)).toEqual(['d3']);
    expect(resolved.notes).toEqual([expect.stringMatching(/^Deployments d3 .* and d2 .* share no process or decision definition.*d3 was taken as the newer by deploymentTime/)]);
    expect(resolved.warnings).toEqual([]);
  });

  test("'previous~2' undoes both: their order changes nothing, nothing is said", async () => {
    expect((await resolveDeployment(withPair(['d3', 'd2']), request('previous~2'))).notes).toEqual([]);
  });
});

describe('undoing a rollback is refused', () => {
  test("the deployment to undo carries this action's source", async () => {
    const specs: Spec[] = [{ 'invoice.bpmn': invoice('v1') }, { 'invoice.bpmn': invoice('v2') }, { files: { 'invoice.bpmn': invoice('v1') }, source: 'rollback acme/bpm run 4.1' }];
    const error = await failure(resolve(specs, 'previous'));
    expect(error.title).toBe('Refusing to undo an earlier rollback');
    expect(error.message).toContain('pass revision: d2');
  });

  test('a manual rollback: bytes deployed before, other bytes in between', async () => {
    const specs: Spec[] = [{ 'invoice.bpmn': invoice('v1') }, { 'invoice.bpmn': invoice('v2') }, { 'invoice.bpmn': invoice('v1') }];
    const error = await failure(resolve(specs, 'previous'));
    expect(error.title).toBe('Refusing to undo an earlier rollback');
  });

  test('a deployment id is done as asked', async () => {
    const specs: Spec[] = [{ 'invoice.bpmn': invoice('v1') }, { 'invoice.bpmn': invoice('v2') }, { files: { 'invoice.bpmn': invoice('v1') }, source: 'rollback acme/bpm run 4.1' }];
    const resolved = await resolve(specs, 'd2');
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd2' });
  });
});

describe('reads only what it needs', () => {
  test('a deployment listing more than 1,000 resources is refused before any byte is read; naming resources gets past it', async () => {
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`r${i}.bpmn`, `r${i}`]));
    const specs: Spec[] = [
      { ...many, 'invoice.bpmn': invoice('v1') },
      { ...many, 'invoice.bpmn': invoice('v2') }
    ];
    const error = await failure(resolve(specs, 'previous'));
    expect(error.title).toBe('Too many resources in a deployment');
    const named = await resolve(specs, 'previous', { resources: ['invoice.bpmn'] });
    expect(named.back).toEqual({ 'invoice.bpmn': 'd1' });
  });

  test("'previous' over a long history of full deployments reads a few deployments, hashing only the compared resources", async () => {
    const specs: Spec[] = Array.from({ length: 500 }, (_, i) => ({ 'invoice.bpmn': invoice(`v${i}`), 'review.dmn': review('same') }));
    const resolved = await resolve(specs, 'previous');
    expect(resolved.back).toEqual({ 'invoice.bpmn': 'd499' });
    expect(resolved.reads.deployments).toBeLessThanOrEqual(4);
    expect(resolved.reads.hashes.length).toBeLessThanOrEqual(8);
  });
});
