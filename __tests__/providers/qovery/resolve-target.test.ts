import { describe, expect, it } from '@jest/globals';
import { ActionError } from '../../../src/errors.js';
import { NotEnoughHistory, resolveTarget, currentVersions } from '../../../src/providers/qovery/resolve-target.js';
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

  it('skips restarts, dry runs and redeploys of identical versions; a failed deployment counts as one to undo', () => {
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
    // The newest deploy only redeployed a3/b1, the restart and the dry run change nothing: `previous` undoes a3.
    const previous = resolveTarget(history, sel('previous'), existing);
    expect(previous.undone).toEqual([history[2]]);
    expect(previous.changes.map((c) => [c.name, c.from, c.to])).toEqual([['api', 'a3', 'a2']]);
    // previous~2 also undoes the failed 'x': api goes back to its version before it, from a success.
    const two = resolveTarget(history, sel('previous~2'), existing);
    expect(two.undone).toEqual([history[2], history[4]]);
    expect(two.changes.map((c) => [c.name, c.to])).toEqual([['api', 'a2']]);
    const three = resolveTarget(history, sel('previous~3'), existing);
    expect(three.changes.map((c) => [c.name, c.to])).toEqual([['api', 'a1']]);
    expect(() => resolveTarget(history, sel('previous~4'), existing)).toThrow(/searched 8 executions/);
  });

  it('compares only shared services: an execution that touched only an unchanged service does not count', () => {
    const history = newestFirst(exec({ a: 'a1', b: 'b1' }), exec({ b: 'b1' }), exec({ a: 'a2' }));
    const resolved = resolveTarget(history, sel('previous'), existing);
    expect(resolved.undone).toEqual([history[0]]);
    expect(resolved.changes.map((c) => [c.name, c.to])).toEqual([['api', 'a1']]);
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

describe('partial deployments', () => {
  // The example: E1 {api v2, web w1}, E2 {web w2}, E3 {api v3}.
  const e1 = exec({ a: 'v2', b: 'w1' });
  const e2 = exec({ b: 'w2' });
  const e3 = exec({ a: 'v3' });
  const history = newestFirst(e1, e2, e3);

  it('previous undoes only E3: api v3 → v2, web keeps its later, good release w2', () => {
    const resolved = resolveTarget(history, sel('previous'), existing);
    expect(resolved.undone).toEqual([e3]);
    expect(resolved.changes.map((c) => [c.name, c.from, c.to])).toEqual([['api', 'v3', 'v2']]);
    expect(resolved.leftAlone.map((s) => [s.name, s.reason])).toEqual([
      ['web', `not deployed by execution ${e3.executionId}`],
      [`database ${D}`, 'the history records no version for it']
    ]);
    // The environment now is as it was right after E2.
    expect(resolved.target).toBe(e2);
  });

  it('previous~2 undoes E3 and E2: each service changed by either goes back to its version before E2', () => {
    const resolved = resolveTarget(history, sel('previous~2'), existing);
    expect(resolved.undone).toEqual([e3, e2]);
    expect(resolved.changes.map((c) => [c.name, c.from, c.to])).toEqual([
      ['api', 'v3', 'v2'],
      ['web', 'w2', 'w1']
    ]);
  });

  it('an execution id restores the environment as right after it: E2 means api v2 and web w2', () => {
    const resolved = resolveTarget(history, sel(e2.executionId), existing);
    expect(resolved.target).toBe(e2);
    expect(resolved.changes.map((c) => [c.name, c.from, c.to, c.source])).toEqual([['api', 'v3', 'v2', e1.executionId]]);
    expect(resolved.services.map((c) => [c.name, c.to])).toEqual([
      ['web', 'w2'],
      ['api', 'v2']
    ]);
  });

  it('a service with no version at the execution given is left alone, with a warning', () => {
    const later = exec({ b: 'b1' });
    const first = exec({ a: 'a1' });
    const h = newestFirst(first, later, exec({ a: 'a2', b: 'b2' }));
    const resolved = resolveTarget(h, sel(first.executionId), existing);
    expect(resolved.changes.map((c) => [c.name, c.to])).toEqual([['api', 'a1']]);
    expect(resolved.leftAlone.map((s) => s.name)).toContain('web');
    expect(resolved.warnings.join(' ')).toMatch(/Left as they are: web \(container\): no version recorded at or before execution/);
  });

  it('a dry run on top is not what runs now, and not a candidate', () => {
    const h = newestFirst(exec({ a: 'a1', b: 'b1' }), exec({ a: 'a2', b: 'b2' }), exec({ a: 'a9', b: 'b9' }, { triggerAction: 'DEPLOY_DRY_RUN' }));
    expect(currentVersions(h).get(A)!.version).toBe('a2');
    const resolved = resolveTarget(h, sel('previous'), existing);
    expect(resolved.changes.map((c) => [c.name, c.from, c.to])).toEqual([
      ['api', 'a2', 'a1'],
      ['web', 'b2', 'b1']
    ]);
  });

  it('a deployment still queued or running is not undone: it changed nothing yet', () => {
    const h = newestFirst(exec({ a: 'a1' }), exec({ a: 'a2' }), exec({ a: 'a3' }, { actionStatus: 'ONGOING', status: 'DEPLOYING' }));
    expect(resolveTarget(h, sel('previous'), existing).changes.map((c) => [c.from, c.to])).toEqual([['a2', 'a1']]);
  });

  it('history not read far enough: NotEnoughHistory, so the caller reads the next page', () => {
    const h = newestFirst(exec({ a: 'a2' }), exec({ a: 'a3' }));
    expect(() => resolveTarget(h, sel('previous~2'), existing, undefined, false)).toThrow(NotEnoughHistory);
    expect(() => resolveTarget(h, sel('nope-1'), existing, undefined, false)).toThrow(NotEnoughHistory);
  });
});

describe('services that came and went', () => {
  it('skips target services that no longer exist, leaves others alone, names unversioned ones', () => {
    const gone = { id: 'eeeeeeee-0000-4000-a000-000000000005', name: 'old', type: 'CONTAINER', version: 'o2', field: 'image_tag' as const };
    const older = exec({ a: 'a1', db: true });
    older.services.push({ ...gone, version: 'o1' });
    const newer = exec({ a: 'a2', b: 'b2' });
    newer.services.push(gone);
    const resolved = resolveTarget(newestFirst(older, newer), sel('previous'), existing);
    expect(resolved.services.map((s) => s.name)).toEqual(['api']);
    expect(resolved.warnings).toEqual([
      expect.stringMatching(/^Skipped, no longer in the environment: old \(container/),
      expect.stringMatching(/^Left as they are: web \(container\): no successful deployment before/),
      expect.stringMatching(/^Not sent, .*: db \(database\)/)
    ]);
  });
});

describe('what the target ran besides its version', () => {
  it('warns when the image or chart changed since the target, and carries the values-override commit', () => {
    const H = 'hhhhhhhh-0000-4000-a000-000000000006';
    const helm = (version: string, chart: string, override: string) => ({
      id: H,
      name: 'charts',
      type: 'HELM',
      version,
      field: 'chart_version' as const,
      chart,
      valuesOverride: override
    });
    const old = exec({ b: 'b1' });
    old.services[0]!.image = 'registry/web';
    old.services.push(helm('1.0.0', 'app', 'c1'));
    const now = exec({ b: 'b2' });
    now.services[0]!.image = 'registry/web-v2';
    now.services.push(helm('2.0.0', 'app-renamed', 'c2'));
    const withHelm = [...existing, { id: H, type: 'HELM', state: 'DEPLOYED' }];
    const resolved = resolveTarget(newestFirst(old, now), sel('previous'), withHelm);
    expect(resolved.changes.find((c) => c.name === 'charts')).toMatchObject({ to: '1.0.0', valuesOverride: 'c1' });
    const text = resolved.warnings.join('\n');
    expect(text).toMatch(/web: execution \S+ ran image registry\/web, today it is registry\/web-v2/);
    expect(text).toMatch(/charts: execution \S+ ran chart app, today it is app-renamed/);
    expect(text).toMatch(/charts: the values override goes back from commit c2 to c1/);
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
