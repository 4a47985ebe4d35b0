import { describe, expect, it } from '@jest/globals';
import { ActionError } from '../../../src/errors.js';
import { resolveTarget, currentVersions } from '../../../src/providers/qovery/resolve-target.js';
import type { Execution, ServiceStatus } from '../../../src/providers/qovery/shapes.js';
import { parseRevisionSelector } from '../../../src/revision-selector.js';

const sel = (text: string) => parseRevisionSelector(text, { current: true, id: { pattern: /^[a-z0-9-]+$/, describe: 'an execution id' } });
const A = 'aaaaaaaa-0000-4000-a000-000000000001';
const B = 'bbbbbbbb-0000-4000-a000-000000000002';
const D = 'dddddddd-0000-4000-a000-000000000004';
const existing: ServiceStatus[] = [
  { id: A, type: 'APPLICATION', state: 'DEPLOYED' },
  { id: B, type: 'CONTAINER', state: 'DEPLOYED' },
  { id: D, type: 'DATABASE', state: 'DEPLOYED' }
];

let n = 0;
/** One execution; `versions` maps A/B to a version, undefined entries are listed without one. */
function exec(versions: { a?: string; b?: string; db?: boolean }, options: Partial<Execution> = {}): Execution {
  const services = [];
  if (versions.a) services.push({ id: A, name: 'api', type: 'APPLICATION', version: versions.a, field: 'git_commit_id' as const });
  if (versions.b) services.push({ id: B, name: 'web', type: 'CONTAINER', version: versions.b, field: 'image_tag' as const });
  if (versions.db) services.push({ id: D, name: 'db', type: 'DATABASE' });
  return { executionId: `exec-${++n}`, status: 'DEPLOYED', triggerAction: 'DEPLOY', actionStatus: 'SUCCESS', createdAt: '', triggeredBy: '', services, ...options };
}
/** Newest first, like the API. */
const newestFirst = (...executions: Execution[]) => executions.reverse();

describe('current versions', () => {
  it('come from the newest execution that lists each service, even a failed one', () => {
    const history = newestFirst(exec({ a: 'a1', b: 'b1' }), exec({ a: 'a2' }, { actionStatus: 'ERROR' }));
    expect(Object.fromEntries([...currentVersions(history)].map(([id, c]) => [id, c.version]))).toEqual({ [A]: 'a2', [B]: 'b1' });
  });
});

describe('previous', () => {
  it('after a failed newest deployment: the last good one', () => {
    const v2 = exec({ a: 'a2', b: 'b2' });
    const history = newestFirst(exec({ a: 'a1', b: 'b1' }), v2, exec({ a: 'a3', b: 'b3' }, { actionStatus: 'ERROR', status: 'DEPLOYMENT_ERROR' }));
    const resolved = resolveTarget(history, sel('previous'), existing);
    expect(resolved.target).toBe(v2);
    expect(resolved.changes.map((c) => [c.name, c.from, c.to])).toEqual([
      ['api', 'a3', 'a2'],
      ['web', 'b3', 'b2']
    ]);
  });

  it('skips restarts, failures, dry runs and redeploys of identical versions; previous~N counts distinct sets', () => {
    const v1 = exec({ a: 'a1', b: 'b1' });
    const v2 = exec({ a: 'a2', b: 'b1' });
    const history = newestFirst(
      v1,
      v2,
      exec({ a: 'a2', b: 'b1' }),
      exec({ a: 'x' }, { actionStatus: 'ERROR' }),
      exec({ a: 'y' }, { triggerAction: 'DEPLOY_DRY_RUN' }),
      exec({ a: 'a3', b: 'b1' }),
      exec({ a: 'a3', b: 'b1' }, { triggerAction: 'RESTART' }),
      exec({ a: 'a3', b: 'b1' })
    );
    // A runs a3 (its newest listing); the failed 'x' and the dry run 'y' are not candidates
    expect(resolveTarget(history, sel('previous'), existing).target).toBe(history[5]);
    expect(resolveTarget(history, sel('previous~2'), existing).target).toBe(v1);
    expect(() => resolveTarget(history, sel('previous~3'), existing)).toThrow(/searched 8 executions/);
  });

  it('compares only shared services: an execution that touched only an unchanged service does not count', () => {
    const history = newestFirst(exec({ a: 'a1', b: 'b1' }), exec({ b: 'b1' }), exec({ a: 'a2' }));
    const resolved = resolveTarget(history, sel('previous'), existing);
    expect(resolved.target).toBe(history[2]);
    expect(resolved.changes.map((c) => c.name)).toEqual(['api']);
  });

  it('refuses to undo an earlier rollback, naming the execution it would have picked', () => {
    const v3 = exec({ a: 'a3', b: 'b3' });
    const history = newestFirst(exec({ a: 'a1', b: 'b1' }), exec({ a: 'a2', b: 'b2' }), v3, exec({ a: 'a2', b: 'b2' }));
    let error: unknown;
    try {
      resolveTarget(history, sel('previous'), existing);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).changed).toBe('nothing');
    expect((error as ActionError).message).toContain(`revision: ${v3.executionId}`);
    // the same execution by id is done as asked
    expect(resolveTarget(history, sel(v3.executionId), existing).target).toBe(v3);
  });

  it('does not call a plain failed-deploy history an undo', () => {
    const history = newestFirst(exec({ a: 'a1' }), exec({ a: 'a2' }), exec({ a: 'a3' }, { actionStatus: 'ERROR' }));
    expect(resolveTarget(history, sel('previous'), existing).target).toBe(history[1]);
  });
});

describe('services that came and went', () => {
  it('skips target services that no longer exist, leaves new ones alone, names unversioned ones', () => {
    const gone = { id: 'eeeeeeee-0000-4000-a000-000000000005', name: 'old', type: 'CONTAINER', version: 'o1', field: 'image_tag' as const };
    const older = exec({ a: 'a1', db: true });
    older.services.push(gone);
    const history = newestFirst(older, exec({ a: 'a2', b: 'b2' }));
    const resolved = resolveTarget(history, sel('previous'), existing);
    expect(resolved.services.map((s) => s.name)).toEqual(['api']);
    expect(resolved.warnings).toEqual([
      expect.stringMatching(/^Skipped, no longer in the environment: old \(container/),
      expect.stringMatching(/^Left as they are .*: web \(container\)/),
      expect.stringMatching(/^Not sent, .*: db \(database\)/)
    ]);
  });
});

describe('execution id and current', () => {
  it('an unknown id says how many executions were searched', () => {
    expect(() => resolveTarget(newestFirst(exec({ a: 'a1' })), sel('nope-1'), existing)).toThrow(/searched 1 execution\b/);
  });

  it('an execution that did not succeed is used as asked, with a warning', () => {
    const failed = exec({ a: 'a9' }, { actionStatus: 'ERROR' });
    const history = newestFirst(exec({ a: 'a1' }), failed, exec({ a: 'a2' }));
    const resolved = resolveTarget(history, sel(failed.executionId), existing);
    expect(resolved.changes.map((c) => c.to)).toEqual(['a9']);
    expect(resolved.warnings[0]).toMatch(/ended ERROR/);
  });

  it('identical versions: nothing changes (the pipeline reports skipped)', () => {
    const same = exec({ a: 'a2', b: 'b2' }, { triggerAction: 'RESTART' });
    const history = newestFirst(exec({ a: 'a2', b: 'b2' }), same);
    expect(resolveTarget(history, sel(same.executionId), existing).changes).toEqual([]);
  });

  it('current: every service that exists, as it is, named after the newest execution', () => {
    const history = newestFirst(exec({ a: 'a1', b: 'b1' }), exec({ a: 'a2' }));
    const resolved = resolveTarget(history, sel('current'), existing);
    expect(resolved.target).toBe(history[0]);
    expect(resolved.changes.map((c) => [c.name, c.from, c.to])).toEqual([
      ['api', 'a2', 'a2'],
      ['web', 'b1', 'b1'],
      [`database ${D}`, '', '']
    ]);
  });
});
