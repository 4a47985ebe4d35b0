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
  /** helms: the values-override commit the target ran, sent with the version */
  valuesOverride?: string;
  /** the execution the target version comes from */
  source?: string;
}

/** A service the rollback does not touch, and why. */
export interface LeftAlone {
  id: string;
  name: string;
  type: string;
  reason: string;
}

export interface ResolvedTarget {
  /** The execution the environment goes back to (for `current`: the newest one, if any). */
  target?: Execution;
  /** For `previous~N`: the executions undone, newest first. */
  undone: Execution[];
  /** Every service the request carries, with its current and target version. */
  services: ServiceChange[];
  /** The ones whose version changes (all of them for `current`). */
  changes: ServiceChange[];
  leftAlone: LeftAlone[];
  searched: number;
  warnings: string[];
}

/** The history read so far did not reach back far enough; reading more of it may settle it. */
export class NotEnoughHistory extends ActionError {}

const FINISHED: ReadonlySet<string> = new Set(['SUCCESS', 'ERROR', 'CANCELED']);

/**
 * Executions that may have changed a version: finished DEPLOYs, whether they succeeded or not (a
 * failed or cancelled one may have rolled some services out). Dry runs, restarts, stops and
 * deletes change no version, and a deploy still queued or running has changed nothing yet.
 */
export function isDeploy(execution: Execution): boolean {
  return execution.triggerAction === 'DEPLOY' && FINISHED.has(execution.actionStatus);
}

/** Versions to go back to come only from deployments that succeeded. */
export function isCandidate(execution: Execution): boolean {
  return execution.triggerAction === 'DEPLOY' && execution.actionStatus === 'SUCCESS';
}

interface Current {
  version: string;
  name: string;
  service: ServiceVersion;
  executionId: string;
}

/**
 * What each service runs now: its version in the newest deploy execution that lists it, whether
 * that execution succeeded or not (a failed deployment may have left the new version
 * half-rolled-out, and it is what the user wants to leave). Executions may list only the services
 * they touched; dry runs and restarts are not what runs.
 */
export function currentVersions(executions: readonly Execution[]): Map<string, Current> {
  const current = new Map<string, Current>();
  for (const execution of executions) {
    if (!isDeploy(execution)) continue;
    for (const service of execution.services) {
      if (service.version !== undefined && !current.has(service.id))
        current.set(service.id, { version: service.version, name: service.name, service, executionId: execution.executionId });
    }
  }
  return current;
}

const versioned = (execution: Execution): ServiceVersion[] => execution.services.filter((service) => service.version !== undefined);

/** A service's entry in the newest execution from `from` on (older ones) that passes `accept` and lists it with a version. */
function versionFrom(
  executions: readonly Execution[],
  from: number,
  id: string,
  accept: (execution: Execution) => boolean
): { service: ServiceVersion; execution: Execution } | undefined {
  for (let index = from; index < executions.length; index++) {
    const execution = executions[index]!;
    if (!accept(execution)) continue;
    const service = execution.services.find((s) => s.id === id && s.version !== undefined);
    if (service) return { service, execution };
  }
  return undefined;
}

/** Whether the deploy at `index` changed some service's version (a redeploy of the same versions changes nothing). */
function changedSomething(executions: readonly Execution[], index: number): boolean {
  const execution = executions[index]!;
  if (!isDeploy(execution)) return false;
  return versioned(execution).some((service) => versionFrom(executions, index + 1, service.id, isDeploy)?.service.version !== service.version);
}

const label = (service: { name: string; type: string }) => `${service.name} (${service.type.toLowerCase()})`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Settles which version each service goes back to, from the history (newest first) and the
 * services that exist now. Executions may list only the services they deployed, so:
 * - `previous~N` undoes the newest N deploy executions that changed a version (successful or
 *   not): each service any of them listed goes back to its newest version from a successful
 *   execution older than the oldest of them; other services are left alone.
 * - an execution id puts the environment back as it was right after that execution: each
 *   service to its version then; services with no version then are left alone, with a warning.
 * - `current` redeploys every service as it is.
 * `searched` describes what was read, for messages ("searched 100 executions in 1 page").
 */
export function resolveTarget(
  executions: readonly Execution[],
  selector: RevisionSelector,
  existing: readonly ServiceStatus[],
  searched?: string,
  complete = true
): ResolvedTarget {
  const byId = new Map(existing.map((service) => [service.id, service]));
  const current = currentVersions(executions);
  const read = searched ?? `searched ${plural(executions.length, 'execution')}`;
  const nameOf = (id: string) =>
    current.get(id)?.name ?? executions.flatMap((e) => e.services).find((s) => s.id === id)?.name ?? `${byId.get(id)?.type.toLowerCase() ?? 'service'} ${id}`;
  const base = { searched: executions.length, leftAlone: [] as LeftAlone[], undone: [] as Execution[] };

  if (selector.kind === 'current') {
    const services = existing.map((service) => {
      const version = current.get(service.id)?.version ?? '';
      return { id: service.id, name: nameOf(service.id), type: service.type, state: service.state, from: version, to: version };
    });
    return { ...base, target: executions[0], services, changes: services, warnings: [] };
  }

  const warnings: string[] = [];
  const wanted = new Map<string, { service: ServiceVersion; execution: Execution }>();
  const leftAlone: LeftAlone[] = [];
  let target: Execution | undefined;
  let undone: Execution[] = [];

  if (selector.kind === 'previous') {
    const indexes: number[] = [];
    for (let index = 0; index < executions.length && indexes.length < selector.steps; index++) if (changedSomething(executions, index)) indexes.push(index);
    if (indexes.length < selector.steps) {
      const Err = complete ? ActionError : NotEnoughHistory;
      const title = 'No earlier version to roll back to';
      throw new Err(
        title,
        `${describeSelector(selector)} undoes the newest ${plural(selector.steps, 'deployment')} that changed a version, but the history holds ${indexes.length} (${read}). Choose a smaller N, or give an execution id from the environment's deployment history.`,
        { changed: 'nothing' }
      );
    }
    undone = indexes.map((index) => executions[index]!);
    const oldest = indexes.at(-1)!;
    const touched = new Map<string, ServiceVersion>();
    for (const execution of undone) for (const service of versioned(execution)) if (!touched.has(service.id)) touched.set(service.id, service);
    for (const [id, service] of touched) {
      const before = versionFrom(executions, oldest + 1, id, isCandidate);
      if (before) wanted.set(id, before);
      else if (!complete)
        throw new NotEnoughHistory('No earlier version to roll back to', `${service.name} has no earlier successful version in what was read (${read}).`, { changed: 'nothing' });
      else if (byId.has(id))
        leftAlone.push({
          id,
          name: service.name,
          type: service.type,
          reason: `no successful deployment before execution ${executions[oldest]!.executionId} in the history (${read})`
        });
    }
    target = executions.slice(oldest + 1).find(isCandidate) ?? executions[oldest];
    if (![...wanted.keys()].some((id) => byId.has(id))) {
      throw new ActionError(
        'No earlier version to roll back to',
        `${describeSelector(selector)} undoes ${undone.map((e) => `execution ${e.executionId}`).join(', ')}, but none of the services ${undone.length === 1 ? 'it' : 'they'} deployed has an earlier successful version that still exists (${read}). Give an execution id from the environment's deployment history instead.`,
        { changed: 'nothing' }
      );
    }
  } else {
    const index = executions.findIndex((execution) => execution.executionId === selector.revisionId);
    if (index < 0) {
      const Err = complete ? ActionError : NotEnoughHistory;
      const title = 'Execution not found';
      throw new Err(
        title,
        `No execution ${selector.text} in the environment's deployment history (${read}). Copy an execution id from the deployment history in the Qovery console, or use 'previous'.`,
        { changed: 'nothing' }
      );
    }
    target = executions[index]!;
    if (target.triggerAction !== 'DEPLOY') {
      warnings.push(`Execution ${target.executionId} was a ${target.triggerAction}, which changes no version: the environment goes back to the versions that ran then.`);
    } else if (target.actionStatus !== 'SUCCESS') {
      warnings.push(`Execution ${target.executionId} was a ${target.triggerAction} that ended ${target.actionStatus}; its versions are used as asked.`);
    }
    // Right after the target: its own versions, and for the rest the newest successful deployment before it.
    if (target.triggerAction === 'DEPLOY') for (const service of versioned(target)) wanted.set(service.id, { service, execution: target });
    for (const service of existing) {
      if (wanted.has(service.id)) continue;
      const then = versionFrom(executions, index + 1, service.id, isCandidate);
      if (then) wanted.set(service.id, then);
      else if (current.has(service.id)) {
        // Only a signal to read further: never shown, since the history then ends or reaches the cap.
        if (!complete) throw new NotEnoughHistory('Reading more history', `${nameOf(service.id)}'s version at execution ${target.executionId} is older than what was read.`);
        leftAlone.push({ id: service.id, name: nameOf(service.id), type: service.type, reason: `no version recorded at or before execution ${target.executionId}` });
      }
    }
  }

  const services: ServiceChange[] = [];
  const gone: string[] = [];
  for (const [id, { service, execution }] of wanted) {
    const now = byId.get(id);
    if (!now) {
      gone.push(`${service.name} (${service.type.toLowerCase()} ${id})`);
      continue;
    }
    services.push({
      id,
      name: service.name,
      type: service.type,
      state: now.state,
      from: current.get(id)?.version ?? '',
      to: service.version!,
      field: service.field,
      valuesOverride: service.type === 'HELM' ? service.valuesOverride : undefined,
      source: execution.executionId
    });
  }
  const handled = new Set([...services.map((s) => s.id), ...leftAlone.map((s) => s.id)]);
  for (const service of existing) {
    if (handled.has(service.id)) continue;
    const reason = !current.has(service.id)
      ? 'the history records no version for it'
      : selector.kind === 'previous'
        ? `not deployed by ${undone.length === 1 ? `execution ${undone[0]!.executionId}` : `the ${undone.length} executions undone`}`
        : `no version recorded at or before execution ${target!.executionId}`;
    leftAlone.push({ id: service.id, name: nameOf(service.id), type: service.type, reason });
  }
  if (gone.length) warnings.push(`Skipped, no longer in the environment: ${gone.join(', ')}.`);
  const noVersion = leftAlone.filter((s) => !current.has(s.id));
  const untouched = leftAlone.filter((s) => current.has(s.id));
  if (untouched.length) warnings.push(`Left as they are: ${untouched.map((s) => `${label(s)}: ${s.reason}`).join('; ')}.`);
  if (noVersion.length) warnings.push(`Not sent, the history records no version for them: ${noVersion.map(label).join(', ')}.`);
  if (selector.kind === 'previous') refuseUndo(executions, services, selector, current);
  warnings.push(...provenanceWarnings(services, current, wanted));
  return { ...base, target, undone, services, changes: services.filter((service) => service.from !== service.to), leftAlone, warnings };
}

/**
 * `previous` must not silently undo a rollback: when the versions running now also ran before
 * the ones it would restore, going "back" most likely re-deploys the release that was rolled
 * back from. Refused, naming the execution, so doing it takes a deliberate choice.
 */
function refuseUndo(executions: readonly Execution[], services: readonly ServiceChange[], selector: RevisionSelector, current: Map<string, Current>): void {
  const changed = services.filter((service) => service.from !== service.to && current.has(service.id));
  if (changed.length === 0) return;
  const sources = new Set(changed.map((service) => service.source));
  const ranBefore = changed.every((service) => {
    const sourceIndex = executions.findIndex((e) => e.executionId === service.source);
    return executions.slice(sourceIndex + 1).some((e) => isCandidate(e) && e.services.some((s) => s.id === service.id && s.version === service.from));
  });
  if (!ranBefore) return;
  const list = changed.map((service) => `${service.name} ${service.from} → ${service.to}`).join(', ');
  const source = [...sources][0]!;
  throw new ActionError(
    'Refused: this would undo an earlier rollback',
    `${describeSelector(selector)} would put back what execution${sources.size === 1 ? '' : 's'} ${[...sources].join(', ')} deployed (${list}), but the versions running now also ran before ${sources.size === 1 ? 'it' : 'them'}: the environment was most likely rolled back from there, and going "back" would re-deploy it. Nothing was sent. To do that on purpose, pass revision: ${source}.`,
    { changed: 'nothing' }
  );
}

/**
 * The action restores versions only. When the image, the chart or the values override recorded
 * with the target differs from what runs now, the service comes back on today's image or chart:
 * said before anything is sent. A helm's values-override commit is sent when the history has it.
 */
function provenanceWarnings(services: readonly ServiceChange[], current: Map<string, Current>, wanted: Map<string, { service: ServiceVersion; execution: Execution }>): string[] {
  const notes: string[] = [];
  for (const change of services) {
    const then = wanted.get(change.id)?.service;
    const now = current.get(change.id)?.service;
    if (!then || !now) continue;
    if (then.image && now.image && then.image !== now.image)
      notes.push(
        `${change.name}: execution ${change.source} ran image ${then.image}, today it is ${now.image}. The action restores the tag ${change.to} only, on today's image; change the image in the service settings first if the old one is needed.`
      );
    if (then.chart && now.chart && then.chart !== now.chart)
      notes.push(
        `${change.name}: execution ${change.source} ran chart ${then.chart}, today it is ${now.chart}. The action restores the chart version ${change.to} only, of today's chart.`
      );
    if (now.valuesOverride && then.valuesOverride !== now.valuesOverride)
      notes.push(
        then.valuesOverride
          ? `${change.name}: the values override goes back from commit ${now.valuesOverride} to ${then.valuesOverride}, as execution ${change.source} ran it.`
          : `${change.name}: execution ${change.source} recorded no values-override commit; today's (${now.valuesOverride}) stays.`
      );
  }
  return notes;
}
