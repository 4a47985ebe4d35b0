import { ActionError } from '../../errors.js';
import { describeSelector, type RevisionSelector } from '../../revision-selector.js';
import type { Execution, ServiceStatus, ServiceVersion, VersionField } from './shapes.js';

/** One service the rollback puts on a version: what it runs now (`from`) and what it gets (`to`). */
export interface ServiceChange {
  id: string;
  name: string;
  type: string;
  state: string;
  from: string;
  to: string;
  field?: VersionField;
}

export interface ResolvedTarget {
  /** The execution rolled back to (for `current`: the newest one, if any). */
  target?: Execution;
  /** Every service the request carries, with its current and target version. */
  services: ServiceChange[];
  /** The ones whose version changes (all of them for `current`). */
  changes: ServiceChange[];
  searched: number;
  warnings: string[];
}

/** Candidates are finished, successful deployments; restarts, stops, dry runs and failures are not versions to go back to. */
export function isCandidate(execution: Execution): boolean {
  return execution.triggerAction === 'DEPLOY' && execution.actionStatus === 'SUCCESS';
}

interface Current {
  version: string;
  name: string;
}

/**
 * What each service runs now: its version in the newest execution that lists it, whether that
 * execution succeeded or not (a failed deployment may have left the new version half-rolled-out,
 * and it is what the user wants to leave). Executions may list only the services they touched.
 */
export function currentVersions(executions: readonly Execution[]): Map<string, Current> {
  const current = new Map<string, Current>();
  for (const execution of executions) {
    for (const service of execution.services) {
      if (service.version !== undefined && !current.has(service.id)) current.set(service.id, { version: service.version, name: service.name });
    }
  }
  return current;
}

const versioned = (execution: Execution): ServiceVersion[] => execution.services.filter((service) => service.version !== undefined);

/** The version set an execution stands for, as a comparable key. */
function versionKey(execution: Execution, exists: (id: string) => boolean): string {
  return versioned(execution)
    .filter((service) => exists(service.id))
    .map((service) => `${service.id}=${service.version}`)
    .sort()
    .join(',');
}

/**
 * Settles which execution to roll back to, from the history (newest first) and the services
 * that exist now. `previous~N` is the N-th distinct version set, newest first, that differs from
 * what runs now for some shared service; a redeploy of identical versions counts like a restart.
 */
export function resolveTarget(executions: readonly Execution[], selector: RevisionSelector, existing: readonly ServiceStatus[]): ResolvedTarget {
  const byId = new Map(existing.map((service) => [service.id, service]));
  const exists = (id: string) => byId.has(id);
  const current = currentVersions(executions);
  const searched = executions.length;
  const nameOf = (id: string) =>
    current.get(id)?.name ?? executions.flatMap((e) => e.services).find((s) => s.id === id)?.name ?? `${byId.get(id)?.type.toLowerCase() ?? 'service'} ${id}`;

  if (selector.kind === 'current') {
    const services = existing.map((service) => {
      const version = current.get(service.id)?.version ?? '';
      return { id: service.id, name: nameOf(service.id), type: service.type, state: service.state, from: version, to: version };
    });
    return { target: executions[0], services, changes: services, searched, warnings: [] };
  }

  const differs = (execution: Execution) =>
    versioned(execution).some((service) => exists(service.id) && current.has(service.id) && current.get(service.id)!.version !== service.version);

  let target: Execution | undefined;
  const warnings: string[] = [];
  if (selector.kind === 'previous') {
    const seen: string[] = [];
    for (const execution of executions) {
      if (!isCandidate(execution) || !differs(execution)) continue;
      const key = versionKey(execution, exists);
      if (seen.includes(key)) continue;
      seen.push(key);
      if (seen.length === selector.steps) {
        target = execution;
        break;
      }
    }
    if (!target) {
      const candidates = executions.filter(isCandidate).length;
      throw new ActionError(
        'No earlier version to roll back to',
        `${describeSelector(selector)} needs ${selector.steps} successful deployment${selector.steps === 1 ? '' : 's'} with versions different from what runs now, but the history holds ${seen.length} (searched ${searched} execution${searched === 1 ? '' : 's'}, ${candidates} successful deployment${candidates === 1 ? '' : 's'}${searched >= 100 ? '; the API returns at most the newest 100' : ''}). Choose a smaller N, or give an execution id from the environment's deployment history.`,
        { changed: 'nothing' }
      );
    }
    refuseUndo(executions, target, selector, current, exists);
  } else {
    target = executions.find((execution) => execution.executionId === selector.revisionId);
    if (!target) {
      throw new ActionError(
        'Execution not found',
        `No execution ${selector.text} in the environment's deployment history (searched ${searched} execution${searched === 1 ? '' : 's'}${searched >= 100 ? ', the newest 100 the API returns' : ''}). Copy an execution id from the deployment history in the Qovery console, or use 'previous'.`,
        { changed: 'nothing' }
      );
    }
    if (target.actionStatus !== 'SUCCESS' || target.triggerAction !== 'DEPLOY') {
      warnings.push(`Execution ${target.executionId} was a ${target.triggerAction} that ended ${target.actionStatus}; its versions are used as asked.`);
    }
  }

  const services: ServiceChange[] = [];
  const gone: string[] = [];
  for (const service of versioned(target)) {
    const now = byId.get(service.id);
    if (!now) {
      gone.push(`${service.name} (${service.type.toLowerCase()} ${service.id})`);
      continue;
    }
    services.push({
      id: service.id,
      name: service.name,
      type: service.type,
      state: now.state,
      from: current.get(service.id)?.version ?? '',
      to: service.version!,
      field: service.field
    });
  }
  const inTarget = new Set(target.services.map((service) => service.id));
  const untouched = existing.filter((service) => !inTarget.has(service.id) && current.has(service.id)).map((service) => `${nameOf(service.id)} (${service.type.toLowerCase()})`);
  const noVersion = existing.filter((service) => !current.has(service.id) || (inTarget.has(service.id) && !services.some((s) => s.id === service.id)));
  if (gone.length) warnings.push(`Skipped, no longer in the environment: ${gone.join(', ')}.`);
  if (untouched.length) warnings.push(`Left as they are (not part of execution ${target.executionId}): ${untouched.join(', ')}.`);
  if (noVersion.length) {
    warnings.push(`Not sent, the history records no version for them: ${noVersion.map((service) => `${nameOf(service.id)} (${service.type.toLowerCase()})`).join(', ')}.`);
  }
  return { target, services, changes: services.filter((service) => service.from !== service.to), searched, warnings };
}

/**
 * `previous` must not silently undo a rollback: when the versions running now also ran before
 * the target, with the target's versions in between, going "back" re-deploys the release that
 * was rolled back from. Refused, naming the execution, so doing it takes a deliberate choice.
 */
function refuseUndo(executions: readonly Execution[], target: Execution, selector: RevisionSelector, current: Map<string, Current>, exists: (id: string) => boolean): void {
  const changed = versioned(target).filter((service) => exists(service.id) && current.has(service.id) && current.get(service.id)!.version !== service.version);
  const older = executions.slice(executions.indexOf(target) + 1).filter(isCandidate);
  const earlier = older.find((execution) => {
    const shared = versioned(execution).filter((service) => changed.some((c) => c.id === service.id));
    return shared.length > 0 && shared.every((service) => service.version === current.get(service.id)!.version);
  });
  if (!earlier) return;
  const list = changed.map((service) => `${service.name} ${current.get(service.id)!.version} → ${service.version}`).join(', ');
  throw new ActionError(
    'Refused: this would undo an earlier rollback',
    `${describeSelector(selector)} resolves to execution ${target.executionId} (${list}), but the versions running now also ran before it (execution ${earlier.executionId}): the environment was most likely rolled back from execution ${target.executionId}, and going "back" would re-deploy it. Nothing was sent. To do that on purpose, pass revision: ${target.executionId}.`,
    { changed: 'nothing' }
  );
}
