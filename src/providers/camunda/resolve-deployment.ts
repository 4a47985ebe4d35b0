import { ActionError } from '../../errors.js';
import { describeSelector, type RevisionSelector } from '../../revision-selector.js';
import { isRollbackSource } from './rollback-source.js';
import type { Deployment, DeploymentResource } from './shapes.js';

/**
 * What resolution reads; the provider backs it with engine-rest (deployment-walk.ts), the unit
 * tests with memory.
 */
export interface DeploymentHistory {
  /** The next older deployment of the name and tenant (newest first, ties settled), or undefined at the end of what may be read. */
  next(): Promise<Deployment | undefined>;
  /** What was read, for messages: "12 deployments", with why the reading stopped early if it did. */
  describe(): string;
  /** One deployment by id, or undefined when the engine has none. */
  find(id: string): Promise<Deployment | undefined>;
  /** A deployment's resources (names and ids). */
  resources(deployment: Deployment): Promise<DeploymentResource[]>;
  /** SHA-256 of one resource's bytes. */
  hash(deployment: Deployment, resource: DeploymentResource): Promise<string>;
}

export interface ResolveRequest {
  /** The deployment name; '' only with a deployment id as the selector. */
  name: string;
  /** The tenant asked for; null = deployments without a tenant. */
  tenantId: string | null;
  selector: RevisionSelector;
  /** Resource names to consider; undefined = all. */
  resources?: string[];
}

/** One resource put back: these bytes (`hash`), as `holder` holds them. */
export interface ResourceChange {
  name: string;
  hash: string;
  /** The hash of what runs now. */
  currentHash: string;
  holder: Deployment;
  resourceId: string;
}

/** How the one new deployment is made. */
export type Delivery =
  /** POST /deployment/{id}/redeploy with these resource ids: one deployment holds every byte needed. */
  | { kind: 'redeploy'; from: Deployment; resourceIds: string[] }
  /** POST /deployment/create with the bytes of each change, read from its holder. */
  | { kind: 'create' };

export interface Resolution {
  /** The newest deployment of the name: what the rollback goes back from. */
  current: Deployment;
  /** The deployment whose state is restored: every resource as right after it. */
  target: Deployment;
  /** Resources whose bytes differ from the target state; empty = nothing to do. */
  changes: ResourceChange[];
  delivery: Delivery;
  /** Resources that did not exist in the target state: a deployment cannot remove them. */
  cannotRemove: string[];
  /** The deployments undone (`previous`), newest first; for an id, those after it. */
  undone: Deployment[];
  /** Deployments read to settle the answer. */
  searched: number;
  warnings: string[];
}

/** Resources one deployment may list: models come in tens, a server listing more is not an engine to trust with a rollback. */
export const MAX_RESOURCES_PER_DEPLOYMENT = 1000;

/** A deployment as read: its resources by name (only those `resources` names, when given). */
interface Entry {
  deployment: Deployment;
  resources: Map<string, DeploymentResource>;
}

export function tenantWords(tenantId: string | null): string {
  return tenantId ? `in tenant '${tenantId}'` : 'without a tenant';
}

/**
 * The deployments of one name as the engine applies them. With deploy-changed-only (Camunda
 * Run's default: CamundaBpmRunProcessEngineConfiguration in camunda/camunda-bpm-platform,
 * distro/run/core/src/main/java/org/camunda/bpm/run/; processes.xml; the `deploy-changed-only`
 * field of POST /deployment/create) a deployment holds only what changed, so what a name runs is,
 * resource by resource, the newest bytes deployed for it. The engine decides "changed" against
 * the latest resource of that name deployed under the same deployment name, source and tenant
 * (Resource.xml `resourcesFromLastDeploymentWithName`, engine/src/main/resources/org/camunda/
 * bpm/engine/impl/mapping/entity/), so a deployment may also hold bytes equal to what already
 * ran: it changed nothing, and is no step to undo.
 */
class Timeline {
  readonly entries: Entry[] = [];
  private ended = false;
  private readonly hashes = new Map<string, Promise<string>>();

  constructor(
    private readonly history: DeploymentHistory,
    private readonly only: Set<string> | undefined
  ) {}

  /** The i-th newest deployment, reading on as needed. */
  async at(index: number): Promise<Entry | undefined> {
    while (this.entries.length <= index && !this.ended) {
      const deployment = await this.history.next();
      if (!deployment) {
        this.ended = true;
        break;
      }
      const listed = await this.history.resources(deployment);
      const resources = new Map<string, DeploymentResource>();
      for (const resource of listed) if (!this.only || this.only.has(resource.name)) resources.set(resource.name, resource);
      if (resources.size > MAX_RESOURCES_PER_DEPLOYMENT) {
        throw new ActionError(
          'Too many resources in a deployment',
          `Deployment ${deployment.id} lists ${resources.size} resources; the action compares at most ${MAX_RESOURCES_PER_DEPLOYMENT} per deployment. Check api_url (a proxy may answer in the engine's place), or name the resources to roll back in resources.`,
          { changed: 'nothing' }
        );
      }
      this.entries.push({ deployment, resources });
    }
    return this.entries[index];
  }

  /** The index of the newest deployment at or after `from` that holds `name`. */
  async holder(name: string, from: number): Promise<number | undefined> {
    for (let index = from; ; index++) {
      const entry = await this.at(index);
      if (!entry) return undefined;
      if (entry.resources.has(name)) return index;
    }
  }

  hash(index: number, name: string): Promise<string> {
    const entry = this.entries[index]!;
    const resource = entry.resources.get(name)!;
    const key = `${entry.deployment.id}\n${resource.id}`;
    let hash = this.hashes.get(key);
    if (!hash) this.hashes.set(key, (hash = this.history.hash(entry.deployment, resource)));
    return hash;
  }

  /** Names held by deployments [0, end). */
  namesBefore(end: number): string[] {
    const names = new Set<string>();
    for (const entry of this.entries.slice(0, end)) for (const name of entry.resources.keys()) names.add(name);
    return [...names].sort();
  }
}

/** Finds what to put back, and how, in one new deployment. */
export async function resolveDeployment(history: DeploymentHistory, request: ResolveRequest, useName: (name: string) => void = () => undefined): Promise<Resolution> {
  const timeline = new Timeline(history, request.resources ? new Set(request.resources) : undefined);
  return request.selector.kind === 'ref' ? resolveById(history, timeline, request, request.selector.revisionId, useName) : resolvePrevious(history, timeline, request);
}

function noDeploymentNamed(name: string, tenantId: string | null): never {
  throw new ActionError(
    'No deployment of that name',
    `The engine shows no deployment named '${name}' ${tenantWords(tenantId)}. Check app_id (the deployment name, as Cockpit shows it)${tenantId ? ' and tenant_id' : ', and set tenant_id if the deployment belongs to a tenant'}. ` +
      `The engine hides what a user may not read instead of refusing: the user also needs READ on Deployment${tenantId ? ` and membership of tenant '${tenantId}'` : " (and, for a tenant's deployments, membership of that tenant)"}.`,
    { changed: 'nothing' }
  );
}

/** Every name in `resources` must be held by some deployment read (reading on to the end, bounded). */
async function requireKnownResources(history: DeploymentHistory, timeline: Timeline, request: ResolveRequest): Promise<void> {
  const unknown: string[] = [];
  for (const name of request.resources ?? []) if ((await timeline.holder(name, 0)) === undefined) unknown.push(name);
  if (unknown.length === 0) return;
  throw new ActionError(
    'Resource not found in any deployment',
    `No deployment named '${request.name}' ${tenantWords(request.tenantId)} holds a resource named ${unknown.map((n) => `'${n}'`).join(', ')} (read: ${history.describe()}). resources must name resources as Cockpit lists them (e.g. invoice.bpmn, including any folder).`,
    { changed: 'nothing' }
  );
}

async function resolvePrevious(history: DeploymentHistory, timeline: Timeline, request: ResolveRequest): Promise<Resolution> {
  const selector = request.selector as Extract<RevisionSelector, { kind: 'previous' }>;
  const wanted = selector.steps;
  const first = await timeline.at(0);
  if (!first) return noDeploymentNamed(request.name, request.tenantId);
  await requireKnownResources(history, timeline, request);

  // Newest first: a deployment counts as a step when some resource it holds differs from that
  // resource's newest earlier bytes (or had none).
  const effective: Array<{ index: number; changed: string[] }> = [];
  for (let index = 0; effective.length < wanted; index++) {
    const entry = await timeline.at(index);
    if (!entry) break;
    const changed: string[] = [];
    for (const name of entry.resources.keys()) {
      const earlier = await timeline.holder(name, index + 1);
      if (earlier === undefined || (await timeline.hash(index, name)) !== (await timeline.hash(earlier, name))) changed.push(name);
    }
    if (changed.length > 0) effective.push({ index, changed });
  }
  if (effective.length < wanted) {
    throw new ActionError(
      'No earlier deployment to roll back to',
      `${describeSelector(selector)} undoes the newest ${wanted} deployment${wanted === 1 ? '' : 's'} that changed something, but of the deployments named '${request.name}' ${tenantWords(request.tenantId)} read (${history.describe()}), ${effective.length} changed something${
        request.resources ? ` in ${request.resources.join(', ')}` : ''
      }: a deployment whose resources equal what already ran is no step.`,
      { changed: 'nothing' }
    );
  }
  const newest = effective[0]!;
  refuseToUndoRollback(selector, timeline, newest.index, newest.changed, first.deployment);
  await refuseManualRollback(selector, timeline, newest.index, newest.changed, first.deployment);

  const last = effective[wanted - 1]!.index;
  const target = await timeline.at(last + 1);
  const { changes, cannotRemove } = await changesBack(timeline, timeline.namesBefore(last + 1), last + 1);
  const undone = effective.map((step) => timeline.entries[step.index]!.deployment);
  if (!target || changes.length === 0) {
    const added = cannotRemove.length ? ` ${describeCannotRemove(cannotRemove)}` : '';
    throw new ActionError(
      'Nothing a deployment can roll back',
      `${describeSelector(selector)} undoes ${undone.map((d) => `deployment ${d.id} (${d.deploymentTime})`).join(', ')}, but no resource it changed had earlier bytes to go back to.${added}`,
      { changed: 'nothing' }
    );
  }
  return finish(timeline, first.deployment, target.deployment, changes, cannotRemove, undone);
}

async function resolveById(history: DeploymentHistory, timeline: Timeline, request: ResolveRequest, id: string, useName: (name: string) => void): Promise<Resolution> {
  const target = await history.find(id);
  if (!target) {
    throw new ActionError(
      'Deployment not found',
      `The engine shows no deployment with id '${id}'. Copy the id from Cockpit (Deployments) or from an earlier run's revision_id output, and check api_url. The engine hides deployments a user may not read: the user needs READ on Deployment and membership of the deployment's tenant.`,
      { changed: 'nothing' }
    );
  }
  if (request.name && target.name !== request.name) {
    throw new ActionError(
      'Deployment belongs to another name',
      `Deployment ${id} is named '${target.name ?? ''}', not '${request.name}' as app_id says. Fix app_id, or leave it empty to roll back the deployment's own name.`,
      { changed: 'nothing' }
    );
  }
  if ((target.tenantId ?? null) !== request.tenantId) {
    throw new ActionError(
      'Deployment belongs to another tenant',
      `Deployment ${id} is ${tenantWords(target.tenantId)}, but this run asks for deployments ${tenantWords(request.tenantId)}. ${target.tenantId ? `Set tenant_id: ${target.tenantId}.` : 'Leave tenant_id empty.'}`,
      { changed: 'nothing' }
    );
  }
  if (!target.name) {
    throw new ActionError(
      'Deployment has no name',
      `Deployment ${id} has no name, so the action cannot tell which deployment is current. Only named deployments can be rolled back.`,
      { changed: 'nothing' }
    );
  }
  // With app_id empty, the history read is that of the deployment's own name.
  useName(target.name);
  const first = await timeline.at(0);
  if (!first) return noDeploymentNamed(target.name, request.tenantId);
  let at = 0;
  for (let entry: Entry | undefined = first; entry && entry.deployment.id !== id; entry = await timeline.at(++at));
  if (!timeline.entries[at]) {
    throw new ActionError(
      'Deployment too far back',
      `Deployment ${id} was not among the deployments named '${target.name}' ${tenantWords(request.tenantId)} read (${history.describe()}), so the state right after it cannot be worked out. Roll back in smaller steps (revision: previous).`,
      { changed: 'nothing' }
    );
  }
  // Every name in `resources` must exist in the target state.
  const lacking: string[] = [];
  for (const name of request.resources ?? []) if ((await timeline.holder(name, at)) === undefined) lacking.push(name);
  if (lacking.length > 0) {
    throw new ActionError(
      'Resource not in the target deployment',
      `Right after deployment ${id} (${target.deploymentTime}), no resource named ${lacking.map((n) => `'${n}'`).join(', ')} existed under '${target.name}'. resources must name resources of the state rolled back to (names as in Cockpit, e.g. invoice.bpmn).`,
      { changed: 'nothing' }
    );
  }
  const { changes, cannotRemove } = await changesBack(timeline, timeline.namesBefore(at), at);
  const undone = timeline.entries.slice(0, at).map((entry) => entry.deployment);
  return finish(timeline, first.deployment, target, changes, cannotRemove, undone);
}

/** For each name held by the undone deployments [0, from): its bytes at `from` and older, when they differ from what runs now. */
async function changesBack(timeline: Timeline, names: string[], from: number): Promise<{ changes: ResourceChange[]; cannotRemove: string[] }> {
  const changes: ResourceChange[] = [];
  const cannotRemove: string[] = [];
  for (const name of names) {
    const now = (await timeline.holder(name, 0))!;
    const then = await timeline.holder(name, from);
    if (then === undefined) {
      cannotRemove.push(name);
      continue;
    }
    const [currentHash, hash] = [await timeline.hash(now, name), await timeline.hash(then, name)];
    if (currentHash === hash) continue;
    const holder = timeline.entries[then]!;
    changes.push({ name, hash, currentHash, holder: holder.deployment, resourceId: holder.resources.get(name)!.id });
  }
  return { changes, cannotRemove };
}

function describeCannotRemove(names: string[]): string {
  return `${names.map((n) => `'${n}'`).join(', ')} did not exist before: a deployment cannot remove ${names.length === 1 ? 'it' : 'them'}, so ${names.length === 1 ? 'it stays' : 'they stay'} as ${names.length === 1 ? 'it is' : 'they are'} (delete ${names.length === 1 ? 'its' : 'their'} definitions in Cockpit if they must go).`;
}

async function finish(timeline: Timeline, current: Deployment, target: Deployment, changes: ResourceChange[], cannotRemove: string[], undone: Deployment[]): Promise<Resolution> {
  const warnings: string[] = [];
  if (cannotRemove.length > 0 && changes.length > 0) warnings.push(describeCannotRemove(cannotRemove));
  return {
    current,
    target,
    changes,
    delivery: await chooseDelivery(timeline, changes),
    cannotRemove,
    undone,
    searched: timeline.entries.length,
    warnings
  };
}

/**
 * One earlier deployment holding every needed byte lets the engine copy them itself (redeploy
 * with resource ids); otherwise the bytes are sent in a new deployment. Candidates are the
 * deployments holding the target bytes, newest first; only deployments already read are tried.
 */
async function chooseDelivery(timeline: Timeline, changes: ResourceChange[]): Promise<Delivery> {
  if (changes.length === 0) return { kind: 'create' };
  const candidates = [...new Set(changes.map((change) => change.holder.id))];
  for (const id of candidates) {
    const index = timeline.entries.findIndex((entry) => entry.deployment.id === id);
    const entry = timeline.entries[index]!;
    const resourceIds: string[] = [];
    for (const change of changes) {
      const resource = entry.resources.get(change.name);
      if (!resource || (await timeline.hash(index, change.name)) !== change.hash) break;
      resourceIds.push(resource.id);
    }
    if (resourceIds.length === changes.length) return { kind: 'redeploy', from: entry.deployment, resourceIds };
  }
  return { kind: 'create' };
}

/** `previous` would undo this action's own rollback: the release rolled back from would return. */
function refuseToUndoRollback(selector: RevisionSelector, timeline: Timeline, index: number, changed: string[], current: Deployment): void {
  const undone = timeline.entries[index]!.deployment;
  if (!isRollbackSource(undone.source)) return;
  throw undoRefusal(
    selector,
    timeline,
    index,
    current,
    `deployment ${undone.id} (${undone.deploymentTime}) has source '${undone.source}': it was made by this action's rollback (of ${changed.join(', ')})`
  );
}

/**
 * A deployment that put every resource it changed back on bytes deployed before (with other
 * bytes in between) looks like a rollback made by hand: undoing it would bring back what was
 * rolled back from.
 */
async function refuseManualRollback(selector: RevisionSelector, timeline: Timeline, index: number, changed: string[], current: Deployment): Promise<void> {
  for (const name of changed) {
    const replaced = await timeline.holder(name, index + 1);
    if (replaced === undefined) return;
    const now = await timeline.hash(index, name);
    const replacedHash = await timeline.hash(replaced, name);
    let earlier = await timeline.holder(name, replaced + 1);
    while (earlier !== undefined && (await timeline.hash(earlier, name)) === replacedHash) earlier = await timeline.holder(name, earlier + 1);
    if (earlier === undefined || (await timeline.hash(earlier, name)) !== now) return;
  }
  const undone = timeline.entries[index]!.deployment;
  throw undoRefusal(
    selector,
    timeline,
    index,
    current,
    `deployment ${undone.id} (${undone.deploymentTime}) put ${changed.join(', ')} back on bytes deployed before, with other bytes in between: it looks like a rollback already`
  );
}

function undoRefusal(selector: RevisionSelector, timeline: Timeline, index: number, current: Deployment, evidence: string): ActionError {
  const before = timeline.entries[index + 1]?.deployment;
  const onPurpose = before ? ` To go back to the state right after deployment ${before.id} anyway, pass revision: ${before.id}.` : '';
  return new ActionError(
    'Refusing to undo an earlier rollback',
    `${describeSelector(selector)} would undo a rollback: ${evidence}. Going back from it would bring back what was rolled back from (current deployment: ${current.id}).${onPurpose}`,
    { changed: 'nothing' }
  );
}
